package dev.squeeze.spi;

import dev.squeeze.Format;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link Optimizer} hands back: candidate bytes and what it did, or the decision to keep the
 * original with a reason. {@link dev.squeeze.Squeeze} still checks that the candidate is smaller.
 */
public final class Optimized {
  private final byte[] data;
  private final Format format;
  private final Dimensions dimensions;
  private final List<String> steps;
  private final String unchangedReason;

  private Optimized(byte[] data, Format format, Dimensions dimensions, List<String> steps, String unchangedReason) {
    this.data = data;
    this.format = Objects.requireNonNull(format, "format");
    this.dimensions = Objects.requireNonNull(dimensions, "dimensions");
    this.steps = List.copyOf(steps);
    this.unchangedReason = unchangedReason;
  }

  /** Candidate bytes of {@code format}, with the dimensions of the candidate and the steps that made it. */
  public static Optimized of(byte[] data, Format format, Dimensions dimensions, List<String> steps) {
    return new Optimized(Objects.requireNonNull(data, "data"), format, dimensions, steps, null);
  }

  /** The original should come back untouched, for {@code reason} (for example "12-bit JPEG not supported"). */
  public static Optimized unchanged(Format format, Dimensions dimensions, String reason) {
    return new Optimized(null, format, dimensions, List.of(), Objects.requireNonNull(reason, "reason"));
  }

  /** The candidate bytes; null when {@link #isUnchanged()}. The array is handed over, not copied. */
  public byte[] data() {
    return data;
  }

  public Format format() {
    return format;
  }

  public Dimensions dimensions() {
    return dimensions;
  }

  public List<String> steps() {
    return steps;
  }

  public boolean isUnchanged() {
    return unchangedReason != null;
  }

  public String unchangedReason() {
    return unchangedReason;
  }
}
