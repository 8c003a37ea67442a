package dev.squeeze;

import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerContext;
import dev.squeeze.spi.OptimizerProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The one entry point: sniffs the format, hands the content to the optimizer that claims it, and enforces
 * the contract every format shares (limits before allocation, typed errors, never a larger output).
 * Build it once and share it; it is thread-safe.
 *
 * <pre>{@code
 * Squeeze squeeze = Squeeze.create();                    // optimizers found on the class or module path
 * Result r = squeeze.optimize(Path.of("photo.png"), Options.lossless());
 * Files.write(Path.of("photo.min.png"), r.data());
 * }</pre>
 */
public final class Squeeze {
  private final Map<Format, Optimizer> optimizers;
  private final Map<Format, String> providerNames;
  private final Limits limits;
  private final Executor executor;

  private Squeeze(Builder b) {
    List<OptimizerProvider> providers = b.providers != null ? b.providers : discover();
    Map<Format, Optimizer> opt = new EnumMap<>(Format.class);
    Map<Format, String> names = new EnumMap<>(Format.class);
    for (OptimizerProvider p : providers) {
      Optimizer o = Objects.requireNonNull(p.create(), () -> "provider " + p.name() + " created a null optimizer");
      for (Format f : p.formats()) {
        // the first provider listed for a format wins, so an explicit list can override discovery order
        if (!opt.containsKey(f)) {
          opt.put(f, o);
          names.put(f, p.name());
        }
      }
    }
    this.optimizers = Collections.unmodifiableMap(opt);
    this.providerNames = Collections.unmodifiableMap(names);
    this.limits = b.limits;
    this.executor = b.executor;
  }

  /** A Squeeze with every provider that {@link ServiceLoader} finds, default limits and the common pool. */
  public static Squeeze create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static List<OptimizerProvider> discover() {
    List<OptimizerProvider> found = new ArrayList<>();
    ServiceLoader.load(OptimizerProvider.class, Squeeze.class.getClassLoader()).forEach(found::add);
    found.sort((a, c) -> a.name().compareTo(c.name()));
    return found;
  }

  /** The formats some installed optimizer takes. */
  public Set<Format> supportedFormats() {
    return optimizers.keySet();
  }

  /** Which provider handles {@code format}, by name, or null. */
  public String providerName(Format format) {
    return providerNames.get(format);
  }

  public Limits limits() {
    return limits;
  }

  /** The format of {@code content}, from its first bytes. */
  public Format detect(byte[] content) {
    return FormatSniffer.sniff(content);
  }

  /**
   * Optimizes {@code input} (not modified) according to {@code options}.
   *
   * @throws UnsupportedFormatException no optimizer takes the sniffed format
   * @throws CorruptInputException the content cannot be decoded
   * @throws LimitExceededException the content is larger than {@link #limits()} allow
   */
  public Result optimize(byte[] input, Options options) throws SqueezeException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    limits.checkInputBytes(input.length);
    if (input.length == 0) {
      throw new UnsupportedFormatException(Format.UNKNOWN, "empty input: zero bytes");
    }
    Format format = FormatSniffer.sniff(input);
    Optimizer optimizer = optimizers.get(format);
    if (optimizer == null) {
      throw new UnsupportedFormatException(format, format == Format.UNKNOWN
          ? "unrecognised content: no known format signature in the first bytes"
          : format + " is recognised but no installed optimizer takes it (installed: " + optimizers.keySet() + ")");
    }
    Optimized out;
    try {
      out = optimizer.optimize(input, options, new OptimizerContext(limits, executor));
    } catch (SqueezeException e) {
      throw e;
    } catch (RuntimeException e) {
      // Decoders meet hostile input with index and arithmetic errors; the caller gets one typed error.
      throw new CorruptInputException(format + " could not be decoded: " + e, e);
    }
    if (out == null) {
      throw new IllegalStateException("optimizer " + providerNames.get(format) + " returned null");
    }
    Dimensions d = out.dimensions();
    if (out.isUnchanged()) {
      return new Result(input.clone(), format, input.length, d.width(), d.height(), d.frames(), List.of(),
          out.unchangedReason());
    }
    byte[] data = out.data();
    if (data.length >= input.length) {
      return new Result(input.clone(), format, input.length, d.width(), d.height(), d.frames(), out.steps(),
          "no smaller output found (best candidate " + data.length + " bytes, input " + input.length + ")");
    }
    return new Result(data, out.format(), input.length, d.width(), d.height(), d.frames(), out.steps(), null);
  }

  /** Reads {@code file} (after checking its size against the limits) and optimizes it; the file is not changed. */
  public Result optimize(Path file, Options options) throws SqueezeException, IOException {
    long size = Files.size(file);
    limits.checkInputBytes(size);
    return optimize(Files.readAllBytes(file), options);
  }

  /**
   * Reads {@code in} to its end, failing as soon as it passes the input limit, and optimizes the content.
   * The stream is not closed.
   */
  public Result optimize(InputStream in, Options options) throws SqueezeException, IOException {
    return optimize(readBounded(in, limits.maxInputBytes()), options);
  }

  /** Runs {@link #optimize(byte[], Options)} on this Squeeze's executor. */
  public CompletableFuture<Result> optimizeAsync(byte[] input, Options options) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return optimize(input, options);
      } catch (SqueezeException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }

  private static byte[] readBounded(InputStream in, long max) throws IOException, LimitExceededException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      total += n;
      if (total > max) {
        throw new LimitExceededException(LimitExceededException.Limit.INPUT_BYTES, total, max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** Configures a {@link Squeeze}; every setting has a default. */
  public static final class Builder {
    private List<OptimizerProvider> providers;
    private Limits limits = Limits.defaults();
    private Executor executor = ForkJoinPool.commonPool();

    private Builder() {}

    /** Use exactly these providers, in this order of precedence, instead of {@link ServiceLoader} discovery. */
    public Builder providers(List<? extends OptimizerProvider> providers) {
      this.providers = List.copyOf(Objects.requireNonNull(providers, "providers"));
      return this;
    }

    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Where {@link #optimizeAsync} runs and optimizers may fan out; default the common fork-join pool. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public Squeeze build() {
      return new Squeeze(this);
    }
  }
}
