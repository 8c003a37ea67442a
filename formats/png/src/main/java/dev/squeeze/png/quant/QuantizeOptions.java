package dev.squeeze.png.quant;

/**
 * How {@link PaletteQuantizer} trades colours for quality: an immutable value changed through {@code withX}
 * copies.
 *
 * <p>The quality range works like pngquant's {@code --quality min-max} (0 to 100): the quantizer picks the
 * fewest colours whose error reaches {@code max}; when even 256 colours stay below {@code min} it gives up and
 * the image must stay lossless.
 *
 * <pre>{@code
 * QuantizeOptions o = QuantizeOptions.defaults().withQuality(70, 90).withDithering(0.5);
 * }</pre>
 */
public final class QuantizeOptions {
  /** pngquant's own documented default for lossy web images ({@code --quality 65-80}). */
  private static final QuantizeOptions DEFAULTS = new QuantizeOptions(65, 80, 1.0, false);

  private final int minQuality;
  private final int maxQuality;
  private final double dithering;
  private final boolean reduceSmallPalettes;

  private QuantizeOptions(int minQuality, int maxQuality, double dithering, boolean reduceSmallPalettes) {
    this.minQuality = minQuality;
    this.maxQuality = maxQuality;
    this.dithering = dithering;
    this.reduceSmallPalettes = reduceSmallPalettes;
  }

  /**
   * Quality 65-80 (pngquant's usual range) with full, edge-aware dithering; images with at most 256 colours
   * come back exactly.
   */
  public static QuantizeOptions defaults() {
    return DEFAULTS;
  }

  /** The quality below which the result is refused (0 to 100). */
  public int minQuality() {
    return minQuality;
  }

  /** The quality the quantizer aims for with as few colours as it can (0 to 100). */
  public int maxQuality() {
    return maxQuality;
  }

  /** Error-diffusion strength, 0 (nearest colour only) to 1 (full Floyd-Steinberg where the map allows it). */
  public double dithering() {
    return dithering;
  }

  /**
   * @param min refuse results below this quality, 0 to 100
   * @param max aim for this quality, {@code min} to 100
   */
  public QuantizeOptions withQuality(int min, int max) {
    if (min < 0 || max > 100 || min > max) {
      throw new IllegalArgumentException("quality range must satisfy 0 <= min <= max <= 100, was " + min + "-" + max);
    }
    return new QuantizeOptions(min, max, dithering, reduceSmallPalettes);
  }

  /** @param level 0 to 1 */
  public QuantizeOptions withDithering(double level) {
    if (!(level >= 0 && level <= 1)) {
      throw new IllegalArgumentException("dithering must be within 0..1, was " + level);
    }
    return new QuantizeOptions(minQuality, maxQuality, level, reduceSmallPalettes);
  }

  /**
   * Whether images that already have at most 256 colours may lose some of them too (as pngquant does), when
   * fewer colours reach {@link #maxQuality()}. Off by default: such images then come back exactly.
   */
  public boolean reducesSmallPalettes() {
    return reduceSmallPalettes;
  }

  /** @param reduce see {@link #reducesSmallPalettes()} */
  public QuantizeOptions withSmallPaletteReduction(boolean reduce) {
    return new QuantizeOptions(minQuality, maxQuality, dithering, reduce);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantizeOptions other
        && minQuality == other.minQuality
        && maxQuality == other.maxQuality
        && Double.compare(dithering, other.dithering) == 0
        && reduceSmallPalettes == other.reduceSmallPalettes;
  }

  @Override
  public int hashCode() {
    return ((minQuality * 101 + maxQuality) * 31 + Double.hashCode(dithering)) * 2 + (reduceSmallPalettes ? 1 : 0);
  }

  @Override
  public String toString() {
    return "QuantizeOptions{quality=" + minQuality + "-" + maxQuality + ", dithering=" + dithering
        + (reduceSmallPalettes ? ", reduceSmallPalettes" : "") + '}';
  }
}
