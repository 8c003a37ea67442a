package dev.squeeze.png.quant;

/**
 * An image reduced to at most 256 colours: a palette of non-premultiplied ARGB entries and one palette index
 * per pixel, row by row. Arrays handed out are copies.
 */
public final class QuantizedImage {
  private final int width;
  private final int height;
  private final int[] paletteArgb;
  private final byte[] indices;
  private final double mse;
  private final int quality;
  private final boolean exact;

  QuantizedImage(int width, int height, int[] paletteArgb, byte[] indices, double mse, int quality, boolean exact) {
    this.width = width;
    this.height = height;
    this.paletteArgb = paletteArgb;
    this.indices = indices;
    this.mse = mse;
    this.quality = quality;
    this.exact = exact;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The palette, 1 to 256 non-premultiplied ARGB colours; entries that are not opaque come first. */
  public int[] paletteArgb() {
    return paletteArgb.clone();
  }

  /** Number of palette entries. */
  public int colors() {
    return paletteArgb.length;
  }

  /** One palette index per pixel (read as unsigned), {@code width * height} of them, row by row. */
  public byte[] indices() {
    return indices.clone();
  }

  /**
   * Mean squared error of the palette (before dithering) on pngquant's reporting scale, in the quantizer's
   * perceptual, alpha-premultiplied colour space; 0 when {@link #exact()}.
   */
  public double mse() {
    return mse;
  }

  /** {@link #mse()} mapped to 0-100 the way pngquant reports quality; 100 when exact. */
  public int quality() {
    return quality;
  }

  /** True when the input already had at most 256 colours and every pixel is kept unchanged. */
  public boolean exact() {
    return exact;
  }

  /** The pixels as ARGB, one int per pixel: what a decoder of the written palette image will show. */
  public int[] toArgb() {
    return toArgb(paletteArgb, indices);
  }

  /** Each index's palette colour. */
  static int[] toArgb(int[] paletteArgb, byte[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = paletteArgb[indices[i] & 0xFF];
    }
    return out;
  }

  @Override
  public String toString() {
    return "QuantizedImage{" + width + "x" + height + ", colors=" + paletteArgb.length + ", quality=" + quality
        + ", mse=" + String.format("%.3f", mse) + (exact ? ", exact" : "") + '}';
  }
}
