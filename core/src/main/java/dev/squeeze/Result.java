package dev.squeeze;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link Squeeze#optimize} call: the bytes to keep and what was done to get them. When no
 * smaller equivalent was found, {@link #data()} is the original and {@link #originalReturned()} says why.
 */
public final class Result {
  private final byte[] data;
  private final Format format;
  private final long originalSize;
  private final int width;
  private final int height;
  private final int frames;
  private final List<String> steps;
  private final String originalReason;

  Result(byte[] data, Format format, long originalSize, int width, int height, int frames, List<String> steps,
      String originalReason) {
    this.data = Objects.requireNonNull(data, "data");
    this.format = Objects.requireNonNull(format, "format");
    this.originalSize = originalSize;
    this.width = width;
    this.height = height;
    this.frames = frames;
    this.steps = List.copyOf(steps);
    this.originalReason = originalReason;
  }

  /** The output bytes (a copy: the result stays immutable). */
  public byte[] data() {
    return data.clone();
  }

  /** The output size in bytes, never more than {@link #originalSize()}. */
  public long size() {
    return data.length;
  }

  public long originalSize() {
    return originalSize;
  }

  /** Bytes saved, zero or more. */
  public long savedBytes() {
    return originalSize - data.length;
  }

  /** {@code size / originalSize}: 1.0 when nothing was saved. */
  public double ratio() {
    return originalSize == 0 ? 1.0 : (double) data.length / originalSize;
  }

  public Format format() {
    return format;
  }

  /** Width in pixels of the output (first page for PDFs; 0 when not an image). */
  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Frames of an animation, pages of a document, 1 for a still image. */
  public int frames() {
    return frames;
  }

  /** What the optimizer did, in order, for logs and reports ("palette 8-bit", "filter minsum", …). */
  public List<String> steps() {
    return steps;
  }

  /** True when {@link #data()} is the input, unchanged. */
  public boolean originalReturned() {
    return originalReason != null;
  }

  /** Why the original came back, when it did. */
  public Optional<String> originalReason() {
    return Optional.ofNullable(originalReason);
  }

  @Override
  public String toString() {
    return "Result{" + format + ' ' + width + 'x' + height + (frames > 1 ? " x" + frames : "") + ", "
        + originalSize + " -> " + data.length + " bytes"
        + (originalReason == null ? ", steps=" + steps : ", original returned: " + originalReason) + '}';
  }
}
