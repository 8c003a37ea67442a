package dev.squeeze.bench;

import dev.squeeze.Format;
import dev.squeeze.Squeeze;
import dev.squeeze.service.Account;
import dev.squeeze.service.Credentials;
import dev.squeeze.service.ImageParams;
import dev.squeeze.service.SqueezeService;
import dev.squeeze.service.Upload;
import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerProvider;
import dev.squeeze.store.BlobStore;
import dev.squeeze.store.InMemoryStore;
import dev.squeeze.store.Store;
import dev.squeeze.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service facade's request path without compression: the optimizer hands the original back at once and
 * blobs are discarded, so what is measured is authenticate, dedupe look-up, atomic quota charge, record insert
 * and statistics ({@link #upload}); a repeated upload answered from the dedupe cache ({@link #dedupeHit}); and
 * authenticate plus account read ({@link #accountInfo}). Stores side by side as a parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServiceRequestBenchmark {
  /** The stores compared. */
  public enum StoreKind { MEMORY, H2 }

  @Param({"MEMORY", "H2"})
  public StoreKind store;

  // 1 KiB: a small upload, so that hashing the content does not hide the bookkeeping being measured
  private static final int CONTENT_BYTES = 1024;
  private static final byte[] PNG_SIG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private Path dir;
  private SqueezeService service;
  private Credentials credentials;
  private byte[] content;
  private byte[] repeated;
  private long counter;

  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    // a fresh store per iteration keeps the record count (and the heap) bounded however fast the path runs
    Store s;
    if (store == StoreKind.H2) {
      dir = Files.createTempDirectory("squeeze-bench");
      s = JdbcStore.open("jdbc:h2:" + dir.resolve("db").toAbsolutePath());
    } else {
      s = new InMemoryStore();
    }
    service = SqueezeService.builder().store(s).blobs(new DiscardingBlobs()).squeeze(passThrough()).build();
    Account a = service.createAccount("bench", Long.MAX_VALUE / 2, 1 << 20);
    credentials = a.credentials();
    content = new byte[CONTENT_BYTES];
    System.arraycopy(PNG_SIG, 0, content, 0, PNG_SIG.length);
    repeated = content.clone();
    try {
      service.addImage(credentials, "r.png", repeated, ImageParams.defaults());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    service.store().close();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      dir = null;
    }
  }

  /** Authenticate, miss the dedupe cache, charge, insert the record, add to the statistics. */
  @Benchmark
  public Upload upload() throws Exception {
    ByteBuffer.wrap(content).putLong(PNG_SIG.length, ++counter); // new content each time: no dedupe hit
    return service.addImage(credentials, "a.png", content, ImageParams.defaults());
  }

  /** Authenticate and answer from the dedupe cache (checked against the store). */
  @Benchmark
  public Upload dedupeHit() throws Exception {
    return service.addImage(credentials, "r.png", repeated, ImageParams.defaults());
  }

  /** Authenticate and read the account ({@code GET /accounts/mine}). */
  @Benchmark
  public Account accountInfo() throws Exception {
    return service.account(credentials);
  }

  /** An optimizer that does no work: the original comes back, so only the facade's own costs remain. */
  private static Squeeze passThrough() {
    OptimizerProvider p = new OptimizerProvider() {
      @Override
      public String name() {
        return "pass-through";
      }

      @Override
      public Set<Format> formats() {
        return Set.of(Format.PNG);
      }

      @Override
      public Optimizer create() {
        return (in, o, ctx) -> Optimized.unchanged(Format.PNG, new Dimensions(1, 1, 1), "benchmark: no work");
      }
    };
    return Squeeze.builder().providers(List.of(p)).build();
  }

  /** Blobs are not part of the measured path. */
  private static final class DiscardingBlobs implements BlobStore {
    @Override
    public void put(String key, byte[] data) {
      BlobStore.checkKey(key);
    }

    @Override
    public Optional<byte[]> get(String key) {
      return Optional.empty();
    }

    @Override
    public boolean delete(String key) {
      return false;
    }
  }
}
