package dev.squeeze.png.quant;

import java.util.List;

/**
 * Several images (the frames of an animation) reduced to one palette of at most 256 colours: a palette of
 * non-premultiplied ARGB entries and, for each image, one palette index per pixel, row by row. Arrays handed
 * out are copies.
 */
public final class SharedPalette {
  private final int[] paletteArgb;
  private final List<byte[]> indices;
  private final double mse;
  private final int quality;
  private final boolean exact;

  SharedPalette(int[] paletteArgb, List<byte[]> indices, double mse, int quality, boolean exact) {
    this.paletteArgb = paletteArgb;
    this.indices = List.copyOf(indices);
    this.mse = mse;
    this.quality = quality;
    this.exact = exact;
  }

  /** The palette, 1 to 256 non-premultiplied ARGB colours; entries that are not opaque come first. */
  public int[] paletteArgb() {
    return paletteArgb.clone();
  }

  /** Number of palette entries. */
  public int colors() {
    return paletteArgb.length;
  }

  /** Number of images. */
  public int images() {
    return indices.size();
  }

  /** Image {@code i}'s palette indices (read as unsigned), row by row. */
  public byte[] indices(int i) {
    return indices.get(i).clone();
  }

  /** Image {@code i} as ARGB: what a decoder of the written palette frame will show. */
  public int[] toArgb(int i) {
    return QuantizedImage.toArgb(paletteArgb, indices.get(i));
  }

  /** Error of the palette over all images (before dithering), as {@link QuantizedImage#mse()}. */
  public double mse() {
    return mse;
  }

  /** {@link #mse()} as pngquant's 0-100 quality; 100 when exact. */
  public int quality() {
    return quality;
  }

  /** True when all images together had at most 256 colours and every pixel is kept unchanged. */
  public boolean exact() {
    return exact;
  }

  @Override
  public String toString() {
    return "SharedPalette{" + indices.size() + " images, colors=" + paletteArgb.length + ", quality=" + quality
        + (exact ? ", exact" : "") + '}';
  }
}
