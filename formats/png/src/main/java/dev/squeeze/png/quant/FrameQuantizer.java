package dev.squeeze.png.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One palette for several images, the frames of an animated PNG (whose frames must all share IHDR's colour
 * type, so one PLTE): {@link PaletteQuantizer}'s method over a single histogram of every frame's pixels, each
 * pixel weighted by its own frame's {@link DitherMap}, then each frame remapped (and dithered) on its own with
 * the shared palette. Fully transparent pixels always map to a fully transparent entry, so the "keep what was
 * there" pixels of frames blended over the canvas stay exactly that.
 *
 * <pre>{@code
 * Optional<SharedPalette> p = FrameQuantizer.quantize(List.of(f0, f1), new int[] {w0, w1}, new int[] {h0, h1}, o);
 * }</pre>
 */
public final class FrameQuantizer {
  private FrameQuantizer() {}

  /**
   * Quantizes {@code frames} (non-premultiplied ARGB, row by row, {@code widths[i] * heights[i]} each) to one
   * palette.
   *
   * @return the shared palette and each frame's indices, or empty when even 256 colours miss {@code
   *     opts.minQuality()} over all frames together
   */
  public static Optional<SharedPalette> quantize(List<int[]> frames, int[] widths, int[] heights, QuantizeOptions opts) {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(opts, "opts");
    int count = frames.size();
    if (count == 0 || widths.length != count || heights.length != count) {
      throw new IllegalArgumentException("need at least one frame and one width and height per frame");
    }
    long total = 0;
    for (int i = 0; i < count; i++) {
      if (widths[i] < 1 || heights[i] < 1 || (long) widths[i] * heights[i] != frames.get(i).length) {
        throw new IllegalArgumentException("frame " + i + " is not " + widths[i] + "x" + heights[i] + " pixels");
      }
      total += frames.get(i).length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("frames hold " + total + " pixels, more than one array can");
    }
    int n = (int) total;
    int[] all = new int[n];
    float[] importance = new float[n];
    List<DitherMap> maps = new ArrayList<>(count);
    boolean hasTransparent = false;
    int at = 0;
    for (int i = 0; i < count; i++) {
      int[] f = frames.get(i);
      System.arraycopy(f, 0, all, at, f.length);
      DitherMap map = DitherMap.of(f, widths[i], heights[i]);
      System.arraycopy(map.importance, 0, importance, at, f.length);
      maps.add(map);
      at += f.length;
      for (int c : f) {
        hasTransparent |= (c >>> 24) == 0;
      }
    }
    // the concatenated pixels as one n x 1 image: the exact palette and the ordering only count colours
    QuantizedImage exact = PaletteQuantizer.exactPalette(all, n, 1);
    if (exact != null && (!opts.reducesSmallPalettes() || exact.colors() <= 2)) {
      return Optional.of(split(exact, frames));
    }
    PaletteQuantizer.Search found = PaletteQuantizer.search(all, importance, hasTransparent, opts);
    int[] palette = found.palette();
    double mse = found.mse();
    if (exact != null && palette.length + (hasTransparent ? 1 : 0) >= exact.colors()) {
      return Optional.of(split(exact, frames)); // reducing would not save a colour
    }
    if (mse > PerceptualSpace.qualityToMse(opts.minQuality())) {
      return Optional.empty();
    }
    palette = PaletteQuantizer.withTransparentEntry(palette, hasTransparent);
    int transparent = hasTransparent ? PaletteQuantizer.transparentIndex(palette) : -1;
    float[] pv = PaletteQuantizer.vectors(palette);
    byte[] idx = new byte[n];
    at = 0;
    for (int i = 0; i < count; i++) {
      byte[] f = Remapper.remap(frames.get(i), widths[i], heights[i], pv, palette.length, transparent, maps.get(i),
          (float) opts.dithering());
      System.arraycopy(f, 0, idx, at, f.length);
      at += f.length;
    }
    return Optional.of(split(PaletteOrder.arrange(n, 1, palette, idx, mse, PerceptualSpace.mseToQuality(mse), false),
        frames));
  }

  private static SharedPalette split(QuantizedImage q, List<int[]> frames) {
    byte[] idx = q.indices();
    List<byte[]> out = new ArrayList<>(frames.size());
    int at = 0;
    for (int[] f : frames) {
      out.add(java.util.Arrays.copyOfRange(idx, at, at + f.length));
      at += f.length;
    }
    return new SharedPalette(q.paletteArgb(), out, q.mse(), q.quality(), q.exact());
  }
}
