package dev.squeeze.quality;

import java.awt.image.BufferedImage;

/**
 * SSIMULACRA 2.1 (Jon Sneyers, Cloudinary, 2022, retuned April 2023; the metric of libjxl's
 * {@code tools/ssimulacra2}): a perceptual score of a distorted image against its original.
 *
 * <p>What the score means: 100 is identical; about 90 and up is visually lossless (indistinguishable at 1:1,
 * the average output of mozjpeg at quality 90); about 70 is high quality (mozjpeg quality 70); about 50 is
 * medium quality (mozjpeg quality 40 to 60); 30 and below is low quality. Scores can go negative for very
 * bad distortions. Higher is better, unlike butteraugli.
 *
 * <p>The algorithm: both images are converted to linear sRGB, then to the XYB colour space of JPEG XL
 * (an LMS-like cube-root opsin response) rescaled to about 0..1 with B replaced by B - Y. At 6 scales (1:1 to
 * 1:32, halved by 2x2 box averages in linear RGB), for each of X, Y and B, three error maps are computed:
 * 1 - SSIM' (SSIM without its luminance denominator, with local statistics from a Gaussian of sigma 1.5),
 * "ringing" (the distorted image has edges where the original is smooth) and "blur" (the original has edges
 * where the distorted one is smooth), edges being the difference between a pixel and its blurred value. Each
 * of the 54 maps gives its mean (1-norm) and 4-norm; a fixed weighted sum of these 108 numbers goes through
 * the published polynomial and power mapping to the final score. Constants are those of the reference.
 *
 * <p>Images with transparency are composited over a dark (0.1) and a light (0.9) grey, in sRGB, and the
 * worse score counts, as libjxl's tool did. Grey images are compared as RGB with equal channels.
 */
public final class Ssimulacra2 {
  /** The reference's SSIM stabiliser for values in 0..1 (it has no C1: the luminance term has no denominator). */
  private static final float C2 = 0.0009f;
  private static final int SCALES = 6;
  /** Smallest side the reference accepts. */
  private static final int MIN_SIDE = 8;
  /** Background greys for transparent pixels, from the reference tool. */
  private static final float DARK_BACKGROUND = 0.1f;
  private static final float LIGHT_BACKGROUND = 0.9f;

  // Opsin absorbance matrix and bias of JPEG XL's XYB (libjxl opsin_params.h).
  private static final float M00 = 0.30f;
  private static final float M02 = 0.078f;
  private static final float M01 = 1.0f - M02 - M00;
  private static final float M10 = 0.23f;
  private static final float M12 = 0.078f;
  private static final float M11 = 1.0f - M12 - M10;
  private static final float M20 = 0.24342268924547819f;
  private static final float M21 = 0.20476744424496821f;
  private static final float M22 = 1.0f - M20 - M21;
  private static final float BIAS = 0.0037930732552754493f;
  private static final float CBRT_BIAS = (float) Math.cbrt(BIAS);

  /** sRGB transfer function decoded for each 8-bit value (IEC 61966-2-1). */
  private static final float[] TO_LINEAR = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      TO_LINEAR[i] = toLinear(i / 255.0);
    }
  }

  private static final RecursiveGaussian BLUR = new RecursiveGaussian(1.5);

  private Ssimulacra2() {}

  /**
   * The SSIMULACRA2 score of {@code distorted} against {@code original} (equal sizes, at least 8x8).
   *
   * <pre>{@code
   * double q = Ssimulacra2.compare(original, decodedCandidate);
   * boolean visuallyLossless = q >= 90;
   * }</pre>
   */
  public static double compare(BufferedImage original, BufferedImage distorted) {
    int w = original.getWidth();
    int h = original.getHeight();
    if (w != distorted.getWidth() || h != distorted.getHeight()) {
      throw new IllegalArgumentException("sizes differ: " + w + "x" + h + " vs " + distorted.getWidth() + "x"
          + distorted.getHeight());
    }
    return compare(Argb.of(original), Argb.of(distorted), w, h);
  }

  /** The score of two sRGB ARGB pixel arrays of {@code w x h} (row-major), the original first. */
  public static double compare(int[] argbOriginal, int[] argbDistorted, int w, int h) {
    if (w < MIN_SIDE || h < MIN_SIDE) {
      throw new IllegalArgumentException("SSIMULACRA2 needs at least 8x8 pixels, got " + w + "x" + h);
    }
    if ((long) w * h > argbOriginal.length || (long) w * h > argbDistorted.length) {
      throw new IllegalArgumentException("pixel arrays shorter than " + w + "x" + h);
    }
    int n = w * h;
    if (!Argb.hasAlpha(argbOriginal, n) && !Argb.hasAlpha(argbDistorted, n)) {
      return score(linear(argbOriginal, n, 0), linear(argbDistorted, n, 0), w, h);
    }
    double dark = score(linear(argbOriginal, n, DARK_BACKGROUND), linear(argbDistorted, n, DARK_BACKGROUND), w, h);
    double light = score(linear(argbOriginal, n, LIGHT_BACKGROUND), linear(argbDistorted, n, LIGHT_BACKGROUND), w, h);
    return Math.min(dark, light);
  }

  /** Three planes of linear-light RGB, transparent pixels composited over {@code background} in sRGB. */
  private static float[][] linear(int[] argb, int n, float background) {
    float[][] p = new float[3][n];
    for (int i = 0; i < n; i++) {
      int c = argb[i];
      int a = c >>> 24;
      for (int k = 0; k < 3; k++) {
        int v = (c >> (16 - 8 * k)) & 0xFF;
        if (a == 0xFF) {
          p[k][i] = TO_LINEAR[v];
        } else {
          float alpha = a / 255f;
          p[k][i] = toLinear(alpha * (v / 255f) + (1 - alpha) * background);
        }
      }
    }
    return p;
  }

  private static float toLinear(double v) {
    return (float) (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  }

  /** The score of two linear RGB images; both arrays are consumed (down-sampled in place of new ones). */
  static double score(float[][] lin1, float[][] lin2, int w, int h) {
    Scales scales = new Scales();
    float[][] xyb1 = new float[3][w * h];
    float[][] xyb2 = new float[3][w * h];
    Planes work = new Planes(w * h);
    for (int scale = 0; scale < SCALES; scale++) {
      // the reference checks the size before halving, so the last scale may be smaller than 8 pixels
      if (w < MIN_SIDE || h < MIN_SIDE) {
        break;
      }
      if (scale > 0) {
        int nw = (w + 1) / 2;
        int nh = (h + 1) / 2;
        lin1 = downsample(lin1, w, h, nw, nh);
        lin2 = downsample(lin2, w, h, nw, nh);
        w = nw;
        h = nh;
      }
      int n = w * h;
      toPositiveXyb(lin1, xyb1, n);
      toPositiveXyb(lin2, xyb2, n);
      double[] sub = new double[18];
      for (int c = 0; c < 3; c++) {
        Maps.channel(xyb1[c], xyb2[c], w, h, work, BLUR, C2, sub, c);
      }
      scales.add(sub);
    }
    return scales.score();
  }

  /** 2x2 box average, the last row and column repeated when a side is odd (as the reference does). */
  private static float[][] downsample(float[][] in, int w, int h, int nw, int nh) {
    float[][] out = new float[3][nw * nh];
    for (int c = 0; c < 3; c++) {
      float[] src = in[c];
      float[] dst = out[c];
      for (int oy = 0; oy < nh; oy++) {
        int y0 = 2 * oy * w;
        int y1 = Math.min(2 * oy + 1, h - 1) * w;
        for (int ox = 0; ox < nw; ox++) {
          int x0 = 2 * ox;
          int x1 = Math.min(2 * ox + 1, w - 1);
          dst[oy * nw + ox] = (src[y0 + x0] + src[y0 + x1] + src[y1 + x0] + src[y1 + x1]) * 0.25f;
        }
      }
    }
    return out;
  }

  /** Linear RGB to XYB, then the reference's shift into 0..1: X*14+0.42, Y+0.01, (B-Y)+0.55. */
  private static void toPositiveXyb(float[][] lin, float[][] xyb, int n) {
    float[] r = lin[0];
    float[] g = lin[1];
    float[] b = lin[2];
    float[] xs = xyb[0];
    float[] ys = xyb[1];
    float[] bs = xyb[2];
    for (int i = 0; i < n; i++) {
      float m0 = Math.max(0f, M00 * r[i] + M01 * g[i] + M02 * b[i] + BIAS);
      float m1 = Math.max(0f, M10 * r[i] + M11 * g[i] + M12 * b[i] + BIAS);
      float m2 = Math.max(0f, M20 * r[i] + M21 * g[i] + M22 * b[i] + BIAS);
      float l = (float) Math.cbrt(m0) - CBRT_BIAS;
      float m = (float) Math.cbrt(m1) - CBRT_BIAS;
      float s = (float) Math.cbrt(m2) - CBRT_BIAS;
      float x = 0.5f * (l - m);
      float y = 0.5f * (l + m);
      xs[i] = x * 14f + 0.42f;
      ys[i] = y + 0.01f;
      bs[i] = (s - y) + 0.55f;
    }
  }

  /** Scratch planes reused across channels and scales. */
  static final class Planes {
    final float[] mu1;
    final float[] mu2;
    final float[] s11;
    final float[] s22;
    final float[] s12;
    final float[] product;
    final float[] tmp;

    Planes(int n) {
      mu1 = new float[n];
      mu2 = new float[n];
      s11 = new float[n];
      s22 = new float[n];
      s12 = new float[n];
      product = new float[n];
      tmp = new float[n];
    }
  }
}
