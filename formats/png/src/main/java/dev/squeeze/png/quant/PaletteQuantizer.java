package dev.squeeze.png.quant;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reduces an ARGB image to a palette of at most 256 colours, the lossy step of PNG optimisation (what
 * pngquant does), written from the published methods:
 *
 * <ol>
 *   <li>a histogram of the distinct colours in a perceptual, alpha-premultiplied space ({@link
 *       PerceptualSpace}), each pixel weighted by how visible its error would be ({@link DitherMap});
 *   <li>variance-weighted median cut ({@link MedianCut}) for a first palette of every size;
 *   <li>k-means refinement ({@link KMeans}) of the smallest size expected to reach the target quality,
 *       growing it until the target is met;
 *   <li>remapping with Floyd-Steinberg error diffusion that spares flat areas and edges ({@link Remapper}).
 * </ol>
 *
 * <p>Images with at most 256 distinct colours come back exactly, with no loss, unless {@link
 * QuantizeOptions#withSmallPaletteReduction} allows reducing them too. The result is deterministic for a
 * given input and options.
 *
 * <pre>{@code
 * Optional<QuantizedImage> q = PaletteQuantizer.quantize(argb, w, h, QuantizeOptions.defaults());
 * // empty: even 256 colours miss the minimum quality; keep the image lossless
 * }</pre>
 */
public final class PaletteQuantizer {
  private static final int MAX_COLORS = 256;
  /**
   * Ratio of refined to median-cut error, used only to guess where to start the search for the colour count
   * (measured on the corpus photos: k-means leaves 65-80% of the median-cut error). After each try the
   * measured ratio replaces it. A wrong guess costs time, never quality: the count grows until the target
   * is really met.
   */
  private static final double REFINED_SHARE = 0.74;
  /** Least growth of the colour count per missed try (5%), so a run of optimistic guesses still ends soon. */
  private static final double MIN_GROWTH = 1.05;
  /** Most k-means passes per try; {@link KMeans} usually converges well before (see its MIN_GAIN). */
  private static final int KMEANS_PASSES = 20;

  private PaletteQuantizer() {}

  /**
   * Quantizes {@code argb} (non-premultiplied, row by row, at least {@code width * height} entries).
   *
   * @return the palette image, or empty when even 256 colours cannot reach {@code opts.minQuality()} (the
   *     image must then stay lossless)
   */
  public static Optional<QuantizedImage> quantize(int[] argb, int width, int height, QuantizeOptions opts) {
    Objects.requireNonNull(argb, "argb");
    Objects.requireNonNull(opts, "opts");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image must be at least 1x1, was " + width + "x" + height);
    }
    long pixels = (long) width * height;
    if (pixels > argb.length) {
      throw new IllegalArgumentException(width + "x" + height + " needs " + pixels + " pixels, got " + argb.length);
    }
    int n = (int) pixels;
    QuantizedImage exact = exactPalette(argb, width, height);
    if (exact != null && (!opts.reducesSmallPalettes() || exact.colors() <= 2)) {
      return Optional.of(exact);
    }
    boolean hasTransparent = false;
    for (int i = 0; i < n; i++) {
      if ((argb[i] >>> 24) == 0) {
        hasTransparent = true;
        break;
      }
    }
    DitherMap map = DitherMap.of(argb, width, height);
    Search found = search(Arrays.copyOf(argb, n), map.importance, hasTransparent, opts);
    int[] palette = found.palette();
    double mse = found.mse();
    if (exact != null && palette.length + (hasTransparent ? 1 : 0) >= exact.colors()) {
      return Optional.of(exact); // reducing would not save a colour
    }
    if (mse > PerceptualSpace.qualityToMse(opts.minQuality())) {
      return Optional.empty();
    }
    palette = withTransparentEntry(palette, hasTransparent);
    int transparent = hasTransparent ? transparentIndex(palette) : -1;
    float[] pv = vectors(palette);
    byte[] idx = Remapper.remap(argb, width, height, pv, palette.length, transparent, map,
        (float) opts.dithering());
    return Optional.of(PaletteOrder.arrange(width, height, palette, idx, mse, PerceptualSpace.mseToQuality(mse),
        false));
  }

  /** A palette (no transparent entry yet) and its error on pngquant's reporting scale. */
  record Search(int[] palette, double mse) {}

  /**
   * The palette search: median cut, then k-means on the smallest colour count expected to reach {@code
   * opts.maxQuality()}, grown until it does or 256 colours are used.
   *
   * @param argb the pixels of every image the palette must serve (fully transparent ones are left out of the
   *     histogram but counted in the average error)
   * @param importance one weight per pixel (see {@link DitherMap#importance})
   */
  static Search search(int[] argb, float[] importance, boolean hasTransparent, QuantizeOptions opts) {
    int n = argb.length;
    int maxK = hasTransparent ? MAX_COLORS - 1 : MAX_COLORS;
    Histogram hist = Histogram.of(argb, importance);
    float[] vec = new float[hist.size * 4];
    for (int i = 0; i < hist.size; i++) {
      PerceptualSpace.toVector(hist.colors[i], vec, i * 4);
    }
    double totalWeight = 0;
    for (int i = 0; i < hist.size; i++) {
      totalWeight += hist.weights[i];
    }
    // errors are averaged over every pixel, transparent ones (always exact) included, as pngquant does
    double toReported = PerceptualSpace.REPORT_SCALE / n;
    double target = PerceptualSpace.qualityToMse(opts.maxQuality());
    MedianCut cut = MedianCut.run(vec, hist.weights, hist.size, maxK);
    double weightToCount = hist.totalCount / totalWeight;
    double boxToReported = weightToCount * toReported;
    int k = countFor(cut, 2, boxToReported * REFINED_SHARE, target);
    int[] palette;
    double mse;
    while (true) {
      float[] pal = cut.palette(k);
      int kk = pal.length / 4;
      KMeans.refine(vec, hist.weights, hist.size, pal, kk, KMEANS_PASSES);
      palette = roundPalette(pal, kk);
      float[] pv = vectors(palette);
      mse = KMeans.error(vec, hist.counts, hist.size, pv, palette.length) * toReported;
      if (mse <= target || k >= cut.maxBoxes()) {
        break;
      }
      double share = mse / Math.max(1e-12, cut.sse(k) * boxToReported);
      k = countFor(cut, Math.max(k + 1, (int) Math.ceil(k * MIN_GROWTH)), boxToReported * share, target);
    }
    return new Search(palette, mse);
  }

  /** {@code palette} with a fully transparent entry (colour 0, alpha 0) when the image needs one and lacks it. */
  static int[] withTransparentEntry(int[] palette, boolean hasTransparent) {
    if (!hasTransparent || transparentIndex(palette) >= 0) {
      return palette;
    }
    int[] out = Arrays.copyOf(palette, palette.length + 1);
    out[palette.length] = 0;
    return out;
  }

  /** Index of the entry 0x00000000, or -1. */
  static int transparentIndex(int[] palette) {
    for (int i = 0; i < palette.length; i++) {
      if (palette[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The smallest colour count from {@code from} whose median-cut error, scaled, meets the target. */
  private static int countFor(MedianCut cut, int from, double scale, double target) {
    int k = Math.min(from, cut.maxBoxes());
    while (k < cut.maxBoxes() && cut.sse(k) * scale > target) {
      k++;
    }
    return k;
  }

  /** The image itself as a palette when it has at most 256 distinct colours, else null. */
  static QuantizedImage exactPalette(int[] argb, int width, int height) {
    int n = width * height;
    int[] seen = new int[MAX_COLORS];
    int count = 0;
    int transparentAt = -1;
    byte[] idx = new byte[n];
    // a small open-addressing table from colour to index; 1024 slots keep it at most a quarter full
    int[] keys = new int[1024];
    int[] vals = new int[1024];
    Arrays.fill(vals, -1);
    for (int i = 0; i < n; i++) {
      int c = argb[i];
      if ((c >>> 24) == 0) {
        // every fully transparent pixel shows the same; one entry (the first such colour met) serves them all
        if (transparentAt < 0) {
          if (count == MAX_COLORS) {
            return null;
          }
          transparentAt = count;
          seen[count++] = c;
        }
        idx[i] = (byte) transparentAt;
        continue;
      }
      int slot = (c * 0x9E3779B1 >>> 22);
      while (vals[slot] >= 0 && keys[slot] != c) {
        slot = (slot + 1) & 1023;
      }
      if (vals[slot] < 0) {
        if (count == MAX_COLORS) {
          return null;
        }
        keys[slot] = c;
        vals[slot] = count;
        seen[count++] = c;
      }
      idx[i] = (byte) vals[slot];
    }
    return PaletteOrder.arrange(width, height, Arrays.copyOf(seen, count), idx, 0, 100, true);
  }

  /** 8-bit ARGB for each vector, duplicates merged (rounding can make two entries equal). */
  private static int[] roundPalette(float[] pal, int k) {
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = PerceptualSpace.toArgb(pal, i * 4);
    }
    return Arrays.stream(out).distinct().toArray();
  }

  static float[] vectors(int[] palette) {
    float[] v = new float[palette.length * 4];
    for (int i = 0; i < palette.length; i++) {
      PerceptualSpace.toVector(palette[i], v, i * 4);
    }
    return v;
  }
}
