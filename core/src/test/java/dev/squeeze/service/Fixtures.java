package dev.squeeze.service;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Format;
import dev.squeeze.Squeeze;
import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerProvider;
import dev.squeeze.store.BlobStore;
import dev.squeeze.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers for the service facade: a fake PNG optimizer (the facade never touches pixels, so a fake that
 * keeps the first three quarters of the bytes shows every rule), PNG-signed content, and a clock tests move.
 */
public final class Fixtures {
  public static final byte[] PNG_SIG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  /** Content with this byte right after the signature makes the fake optimizer report corrupt input. */
  public static final byte CORRUPT_MARK = 'X';
  /** The width and height the fake optimizer reports (width capped by the resize option). */
  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;
  /** 2026-03-15 12:00 UTC: mid-month, so tests can cross a month boundary either way. */
  public static final Instant START = Instant.parse("2026-03-15T12:00:00Z");

  private Fixtures() {}

  /** How many times the fake optimizer ran (to prove that refused uploads do no work). */
  public static final class Counting {
    public final AtomicInteger runs = new AtomicInteger();
  }

  /** A Squeeze whose only optimizer is the fake PNG one, counting its runs in {@code counter}. */
  public static Squeeze squeeze(Counting counter) {
    OptimizerProvider p = new OptimizerProvider() {
      @Override
      public String name() {
        return "fake-png";
      }

      @Override
      public Set<Format> formats() {
        return Set.of(Format.PNG);
      }

      @Override
      public Optimizer create() {
        return (in, options, ctx) -> {
          counter.runs.incrementAndGet();
          if (in.length > 8 && in[8] == CORRUPT_MARK) {
            throw new CorruptInputException("fake: marked corrupt");
          }
          int w = options.maxWidth().isPresent() ? Math.min(WIDTH, options.maxWidth().getAsInt()) : WIDTH;
          int h = (int) ((long) HEIGHT * w / WIDTH);
          int keep = Math.max(PNG_SIG.length, in.length * 3 / 4);
          return Optimized.of(Arrays.copyOf(in, keep), Format.PNG, new Dimensions(w, h, 1), List.of("fake"));
        };
      }
    };
    return Squeeze.builder().providers(List.of(p)).build();
  }

  public static Squeeze squeeze() {
    return squeeze(new Counting());
  }

  /** {@code size} bytes of PNG-signed content, different for each seed. */
  public static byte[] png(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    System.arraycopy(PNG_SIG, 0, b, 0, Math.min(size, PNG_SIG.length));
    if (size > 8) {
      b[8] = 0;
    }
    return b;
  }

  /** Content the fake optimizer reports as corrupt. */
  public static byte[] corruptPng(int size) {
    byte[] b = png(size, 99);
    b[8] = CORRUPT_MARK;
    return b;
  }

  /** A service on {@code store} with in-memory blobs, the fake optimizer and {@code clock}. */
  public static SqueezeService service(Store store, Clock clock) {
    return SqueezeService.builder().store(store).blobs(BlobStore.inMemory()).clock(clock).squeeze(squeeze()).build();
  }

  /** A clock that stays where it is put. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
      this(start, ZoneOffset.UTC);
    }

    public MutableClock(Instant start, ZoneId zone) {
      this.now = start;
      this.zone = zone;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    public void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new MutableClock(now, z);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
