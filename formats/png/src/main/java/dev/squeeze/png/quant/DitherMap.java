package dev.squeeze.png.quant;

/**
 * Where error diffusion may add noise and how much each pixel's error matters, from the local 3x3 statistics
 * of lightness (premultiplied luma, with transparency counted as half-way between black and white).
 *
 * <ul>
 *   <li>Flat areas (under half a level of range over 7x7) get no dithering: a uniform, slightly shifted
 *       colour is invisible and compresses well, while dither noise there is both visible and costly.
 *   <li>Smooth gradients get full dithering: that is where banding shows.
 *   <li>Busy texture gets little: its own variation hides both banding and noise, so dithering there would
 *       only cost bytes.
 *   <li>Strong edges get half: diffusing a large error across an edge smears it into a ragged line.
 *   <li>Errors in textured areas are less visible, so those pixels weigh less when choosing the palette,
 *       leaving more entries for smooth areas where errors show (masking, as in JPEG's perceptual tuning);
 *       for the same reason the remapper may trade a little error for longer runs there ({@link #masking}).
 * </ul>
 */
final class DitherMap {
  /**
   * Local standard deviation (0..1 lightness) below which an area counts as flat, and above which it counts as
   * fully textured: 0.5 and 3 levels of 255. Set on the corpus photos: skies and studio backgrounds sit under
   * one level, hair and foliage well over three.
   */
  private static final float FLAT_SIGMA = 0.5f / 255f;
  private static final float TEXTURE_SIGMA = 3f / 255f;
  /**
   * Dithering fades out between 3 and 6 levels of local deviation: texture already hides banding, so noise
   * there only costs bytes. Measured on the first five corpus PNGs at dithering 1.0 and 256 colours:
   * dithering textured areas as well cost about 2.5% more bytes and 0.003 mean SSIM.
   */
  private static final float BUSY_FROM = 3f / 255f;
  private static final float BUSY_TO = 6f / 255f;
  /**
   * Flat versus gradient is told over a wider 7x7 window: a smooth gradient varies by under half a level
   * between neighbours (so 3x3 statistics call it flat) yet bands badly when quantised. Under half a level
   * of range across the window is flat (no dithering); from 2 levels on it is a gradient (full dithering).
   */
  private static final int WIDE = 3;
  private static final float FLAT_RANGE = 0.5f / 255f;
  private static final float GRADIENT_RANGE = 2f / 255f;
  /** A lightness jump this large within 3x3 is an edge (a quarter of the full range). */
  private static final float EDGE_RANGE = 0.25f;
  /**
   * Palette weight of a fully textured pixel relative to a flat one's 1.0. Measured on the first five corpus
   * PNGs at 256 colours: 1.0 (no masking) lost 0.0004 mean SSIM, 0.25 gained 0.0002 for 1% more bytes.
   */
  private static final float TEXTURE_IMPORTANCE = 0.5f;

  /** Per pixel dithering strength, 0 to 1. */
  final float[] strength;
  /** Per pixel weight in the histogram. */
  final float[] importance;
  /** Per pixel masking, 0 (flat: every change shows) to 1 (textured: small changes hide). */
  final float[] masking;

  private DitherMap(float[] strength, float[] importance, float[] masking) {
    this.strength = strength;
    this.importance = importance;
    this.masking = masking;
  }

  static DitherMap of(int[] argb, int w, int h) {
    int n = w * h;
    float[] l = new float[n];
    for (int i = 0; i < n; i++) {
      int c = argb[i];
      float a = (c >>> 24) / 255f;
      float y = (0.299f * ((c >> 16) & 0xFF) + 0.587f * ((c >> 8) & 0xFF) + 0.114f * (c & 0xFF)) / 255f;
      l[i] = y * a + (1 - a) * 0.5f;
    }
    float[] range = wideRange(l, w, h);
    float[] strength = new float[n];
    float[] importance = new float[n];
    float[] masking = new float[n];
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - 1);
      int y1 = Math.min(h - 1, y + 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - 1);
        int x1 = Math.min(w - 1, x + 1);
        float sum = 0;
        float sum2 = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        int cnt = 0;
        for (int yy = y0; yy <= y1; yy++) {
          int row = yy * w;
          for (int xx = x0; xx <= x1; xx++) {
            float v = l[row + xx];
            sum += v;
            sum2 += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            cnt++;
          }
        }
        float mean = sum / cnt;
        float sigma = (float) Math.sqrt(Math.max(0, sum2 / cnt - mean * mean));
        float texture = clamp01((sigma - FLAT_SIGMA) / (TEXTURE_SIGMA - FLAT_SIGMA));
        float busy = clamp01((sigma - BUSY_FROM) / (BUSY_TO - BUSY_FROM));
        int i = y * w + x;
        float smooth = clamp01((range[i] - FLAT_RANGE) / (GRADIENT_RANGE - FLAT_RANGE));
        float edge = max - min >= EDGE_RANGE ? 0.5f : 1f;
        strength[i] = smooth * (1 - busy) * edge;
        importance[i] = 1f - (1f - TEXTURE_IMPORTANCE) * texture;
        masking[i] = texture;
      }
    }
    return new DitherMap(strength, importance, masking);
  }

  /** Max minus min of {@code l} over the (2 * WIDE + 1)^2 window around each pixel (separable passes). */
  private static float[] wideRange(float[] l, int w, int h) {
    float[] rowMin = new float[w * h];
    float[] rowMax = new float[w * h];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        float mn = Float.MAX_VALUE;
        float mx = -Float.MAX_VALUE;
        for (int xx = Math.max(0, x - WIDE); xx <= Math.min(w - 1, x + WIDE); xx++) {
          mn = Math.min(mn, l[row + xx]);
          mx = Math.max(mx, l[row + xx]);
        }
        rowMin[row + x] = mn;
        rowMax[row + x] = mx;
      }
    }
    float[] range = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float mn = Float.MAX_VALUE;
        float mx = -Float.MAX_VALUE;
        for (int yy = Math.max(0, y - WIDE); yy <= Math.min(h - 1, y + WIDE); yy++) {
          mn = Math.min(mn, rowMin[yy * w + x]);
          mx = Math.max(mx, rowMax[yy * w + x]);
        }
        range[y * w + x] = mx - mn;
      }
    }
    return range;
  }

  private static float clamp01(float v) {
    return v < 0 ? 0 : Math.min(1, v);
  }
}
