package dev.squeeze.png.quant;

/**
 * The colour space every error is measured in: sRGB-encoded channels (already roughly perceptually uniform,
 * and the space SSIM judges in), premultiplied by alpha so that a colour error under low alpha counts as
 * little as it shows, each channel scaled by the square root of its weight so that plain Euclidean distance
 * is the weighted error. A colour is four floats: alpha, red, green, blue.
 */
final class PerceptualSpace {
  /**
   * Channel weights: green counts most and blue least, in the order of each primary's share of luma (BT.601:
   * 0.299, 0.587, 0.114) but much flatter, because colour errors show too and SSIM is judged per channel.
   * Measured on the corpus photos at 256 colours (SSIM of quality.py vs bytes): luma-like weights 0.5/1/0.45
   * lost 0.0005 mean SSIM, equal weights 1/1/1 cost 1% more bytes for the same SSIM; 0.75/1/0.6 sits between.
   * Alpha weighs like green because an alpha error shows as a full-intensity error over white or black.
   */
  static final float WEIGHT_ALPHA = 1.0f;
  static final float WEIGHT_RED = 0.75f;
  static final float WEIGHT_GREEN = 1.0f;
  static final float WEIGHT_BLUE = 0.6f;

  static final float SA = (float) Math.sqrt(WEIGHT_ALPHA);
  static final float SR = (float) Math.sqrt(WEIGHT_RED);
  static final float SG = (float) Math.sqrt(WEIGHT_GREEN);
  static final float SB = (float) Math.sqrt(WEIGHT_BLUE);

  /**
   * Factor from a mean squared distance in this space to pngquant's reported MSE scale (pngquant prints its
   * internal error times 65536/6). Checked against {@code pngquant --verbose --quality 0-100} at 256
   * colours: astronaut 5.13 (theirs) vs 4.90 (ours), coffee 2.89 vs 3.13, rose 5.05 vs 4.89, so quality
   * numbers mean about the same here as there without a further factor.
   */
  static final double REPORT_SCALE = 65536.0 / 6.0;

  private static final float INV255 = 1f / 255f;

  private PerceptualSpace() {}

  /** Writes the four coordinates of {@code argb} into {@code out[off..off+3]}. */
  static void toVector(int argb, float[] out, int off) {
    float a = (argb >>> 24) * INV255;
    out[off] = a * SA;
    out[off + 1] = ((argb >> 16) & 0xFF) * INV255 * a * SR;
    out[off + 2] = ((argb >> 8) & 0xFF) * INV255 * a * SG;
    out[off + 3] = (argb & 0xFF) * INV255 * a * SB;
  }

  /** The nearest 8-bit non-premultiplied ARGB for the vector at {@code v[off..off+3]}. */
  static int toArgb(float[] v, int off) {
    float a = v[off] / SA;
    int ia = clamp255(Math.round(a * 255f));
    if (ia == 0) {
      return 0;
    }
    // divide by the alpha that will be stored, so the premultiplied colour is reproduced as closely as 8 bits allow
    float sa = ia * INV255;
    int r = clamp255(Math.round(v[off + 1] / (SR * sa) * 255f));
    int g = clamp255(Math.round(v[off + 2] / (SG * sa) * 255f));
    int b = clamp255(Math.round(v[off + 3] / (SB * sa) * 255f));
    return ia << 24 | r << 16 | g << 8 | b;
  }

  static float distance2(float[] a, int ao, float[] b, int bo) {
    float d0 = a[ao] - b[bo];
    float d1 = a[ao + 1] - b[bo + 1];
    float d2 = a[ao + 2] - b[bo + 2];
    float d3 = a[ao + 3] - b[bo + 3];
    return d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
  }

  private static int clamp255(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }

  /**
   * The reported MSE that quality {@code q} allows, on pngquant's documented curve (quality is meant to feel
   * like libjpeg's: {@code 2.5 / (210 + q)^1.2 * (100.1 - q) / 100}, plus a lift for the lowest qualities).
   */
  static double qualityToMse(int q) {
    if (q >= 100) {
      return 0;
    }
    if (q <= 0) {
      return Double.MAX_VALUE;
    }
    double lowFudge = Math.max(0, 0.016 / (0.001 + q) - 0.001);
    double internal = lowFudge + 2.5 / Math.pow(210.0 + q, 1.2) * (100.1 - q) / 100.0;
    return internal * 65536.0 / 6.0;
  }

  /** The highest quality whose allowed MSE {@code mse} (reported scale) meets. */
  static int mseToQuality(double mse) {
    if (mse <= 0) {
      return 100;
    }
    for (int q = 99; q > 0; q--) {
      if (mse <= qualityToMse(q) + 1e-6) {
        return q;
      }
    }
    return 0;
  }
}
