package dev.squeeze;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What to do with one input: an immutable value, changed through {@code withX} copies.
 *
 * <pre>{@code
 * Options o = Options.defaults().withCompression(CompressionType.LOSSLESS).withMaxWidth(1600);
 * }</pre>
 */
public final class Options {
  private static final Options DEFAULTS =
      new Options(CompressionType.LOSSY, MetadataPolicy.KEEP_COLOR_AND_ORIENTATION, 0, 0, Effort.DEFAULT);

  private final CompressionType compression;
  private final MetadataPolicy metadata;
  private final int maxWidth; // 0: no resize
  private final int quality; // 0: the optimizer's own perceptual bound
  private final Effort effort;

  private Options(CompressionType compression, MetadataPolicy metadata, int maxWidth, int quality, Effort effort) {
    this.compression = compression;
    this.metadata = metadata;
    this.maxWidth = maxWidth;
    this.quality = quality;
    this.effort = effort;
  }

  /** Lossy, colour profile and orientation kept, no resize, the optimizer's own quality bound, default effort. */
  public static Options defaults() {
    return DEFAULTS;
  }

  /** Shorthand for {@code defaults().withCompression(LOSSLESS)}. */
  public static Options lossless() {
    return DEFAULTS.withCompression(CompressionType.LOSSLESS);
  }

  public CompressionType compression() {
    return compression;
  }

  public MetadataPolicy metadata() {
    return metadata;
  }

  /** The largest output width in pixels; images wider than this are scaled down keeping their aspect. */
  public OptionalInt maxWidth() {
    return maxWidth == 0 ? OptionalInt.empty() : OptionalInt.of(maxWidth);
  }

  /**
   * The lossy quality, 1 to 100 (JPEG: like cjpeg's {@code -quality}; PNG: the minimum palette quality).
   * Empty means the optimizer picks the lowest quality that stays visually lossless.
   */
  public OptionalInt quality() {
    return quality == 0 ? OptionalInt.empty() : OptionalInt.of(quality);
  }

  public Effort effort() {
    return effort;
  }

  public boolean isLossless() {
    return compression == CompressionType.LOSSLESS;
  }

  public Options withCompression(CompressionType compression) {
    return new Options(Objects.requireNonNull(compression, "compression"), metadata, maxWidth, quality, effort);
  }

  public Options withMetadata(MetadataPolicy metadata) {
    return new Options(compression, Objects.requireNonNull(metadata, "metadata"), maxWidth, quality, effort);
  }

  /** @param maxWidth pixels, at least 1 */
  public Options withMaxWidth(int maxWidth) {
    if (maxWidth < 1) {
      throw new IllegalArgumentException("maxWidth must be at least 1, was " + maxWidth);
    }
    return new Options(compression, metadata, maxWidth, quality, effort);
  }

  public Options withoutResize() {
    return new Options(compression, metadata, 0, quality, effort);
  }

  /** @param quality 1 to 100 */
  public Options withQuality(int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("quality must be within 1..100, was " + quality);
    }
    return new Options(compression, metadata, maxWidth, quality, effort);
  }

  /** Back to the optimizer's own perceptual bound. */
  public Options withAutomaticQuality() {
    return new Options(compression, metadata, maxWidth, 0, effort);
  }

  public Options withEffort(Effort effort) {
    return new Options(compression, metadata, maxWidth, quality, Objects.requireNonNull(effort, "effort"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Options other
        && compression == other.compression
        && metadata == other.metadata
        && maxWidth == other.maxWidth
        && quality == other.quality
        && effort == other.effort;
  }

  @Override
  public int hashCode() {
    return Objects.hash(compression, metadata, maxWidth, quality, effort);
  }

  @Override
  public String toString() {
    return "Options{" + compression + ", metadata=" + metadata
        + (maxWidth == 0 ? "" : ", maxWidth=" + maxWidth)
        + (quality == 0 ? "" : ", quality=" + quality)
        + ", effort=" + effort + '}';
  }
}
