package dev.squeeze.quality;

import java.awt.image.BufferedImage;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli, "Image quality assessment: from error visibility
 * to structural similarity", IEEE TIP 2004) on luma, with the paper's constants: an 11x11 Gaussian window of
 * sigma 1.5, K1 = 0.01, K2 = 0.03, L = 255. Images over 256 pixels on their short side are first
 * down-sampled by the factor the authors' reference code uses ({@code max(1, round(min(w,h)/256))}).
 * Transparent pixels are compared as composited over white and over black, the worse of the two counting.
 *
 * <p>Checked against scikit-image 0.19 {@code structural_similarity(x, y, gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=255)}: both keep only the "valid" region (skimage crops the 5-pixel
 * border its filter pads), so on the same luma they agree to 1e-6. skimage does not down-sample; this class
 * does, as the authors' {@code ssim.m} recommends for viewing at a normal distance, so for images of 384
 * pixels or more on the short side the value equals skimage's on the {@code f x f} block-averaged luma, not on
 * the full-size one (full-size SSIM is lower: 0.845 vs 0.943 for coffee.png at JPEG quality 20).
 * {@code SsimTest} pins reference values computed that way.
 */
public final class Ssim {
  private static final double K1 = 0.01;
  private static final double K2 = 0.03;
  private static final double C1 = (K1 * 255) * (K1 * 255);
  private static final double C2 = (K2 * 255) * (K2 * 255);
  private static final int RADIUS = 5;
  private static final double[] WINDOW = gaussian(RADIUS, 1.5);

  private Ssim() {}

  /** Mean SSIM of two images of equal size, 1.0 when identical. */
  public static double compare(BufferedImage a, BufferedImage b) {
    int w = a.getWidth();
    int h = a.getHeight();
    if (w != b.getWidth() || h != b.getHeight()) {
      throw new IllegalArgumentException("sizes differ: " + w + "x" + h + " vs " + b.getWidth() + "x" + b.getHeight());
    }
    return compare(Argb.of(a), Argb.of(b), w, h);
  }

  /** Mean SSIM of two ARGB pixel arrays of {@code w x h}. */
  public static double compare(int[] argbA, int[] argbB, int w, int h) {
    if (argbA.length < w * h || argbB.length < w * h) {
      throw new IllegalArgumentException("pixel arrays shorter than " + w + "x" + h);
    }
    boolean alpha = Argb.hasAlpha(argbA, w * h) || Argb.hasAlpha(argbB, w * h);
    double s = lumaSsim(luma(argbA, w, h, 255), luma(argbB, w, h, 255), w, h);
    if (alpha) {
      s = Math.min(s, lumaSsim(luma(argbA, w, h, 0), luma(argbB, w, h, 0), w, h));
    }
    return s;
  }

  /** BT.601 luma as the reference implementation uses, composited over a grey background {@code bg}. */
  private static double[] luma(int[] p, int w, int h, int bg) {
    double[] y = new double[w * h];
    for (int i = 0; i < w * h; i++) {
      int c = p[i];
      double a = (c >>> 24) / 255.0;
      double r = ((c >> 16) & 0xFF) * a + bg * (1 - a);
      double g = ((c >> 8) & 0xFF) * a + bg * (1 - a);
      double bl = (c & 0xFF) * a + bg * (1 - a);
      y[i] = 0.299 * r + 0.587 * g + 0.114 * bl;
    }
    return y;
  }

  static double lumaSsim(double[] x, double[] y, int w, int h) {
    int f = Math.max(1, (int) Math.round(Math.min(w, h) / 256.0));
    if (f > 1) {
      int nw = w / f;
      int nh = h / f;
      x = downsample(x, w, h, f, nw, nh);
      y = downsample(y, w, h, f, nw, nh);
      w = nw;
      h = nh;
    }
    if (w < 2 * RADIUS + 1 || h < 2 * RADIUS + 1) {
      return tinySsim(x, y);
    }
    double[] mx = blur(x, w, h);
    double[] my = blur(y, w, h);
    double[] xx = new double[w * h];
    double[] yy = new double[w * h];
    double[] xy = new double[w * h];
    for (int i = 0; i < w * h; i++) {
      xx[i] = x[i] * x[i];
      yy[i] = y[i] * y[i];
      xy[i] = x[i] * y[i];
    }
    double[] sxx = blur(xx, w, h);
    double[] syy = blur(yy, w, h);
    double[] sxy = blur(xy, w, h);
    double sum = 0;
    int count = 0;
    // 'valid' region only, as the reference MATLAB code does
    for (int j = RADIUS; j < h - RADIUS; j++) {
      for (int i = RADIUS; i < w - RADIUS; i++) {
        int k = j * w + i;
        double ux = mx[k];
        double uy = my[k];
        double vx = sxx[k] - ux * ux;
        double vy = syy[k] - uy * uy;
        double cxy = sxy[k] - ux * uy;
        sum += ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
        count++;
      }
    }
    return sum / count;
  }

  private static double tinySsim(double[] x, double[] y) {
    int n = x.length;
    double ux = 0;
    double uy = 0;
    for (int i = 0; i < n; i++) {
      ux += x[i];
      uy += y[i];
    }
    ux /= n;
    uy /= n;
    double vx = 0;
    double vy = 0;
    double cxy = 0;
    for (int i = 0; i < n; i++) {
      vx += (x[i] - ux) * (x[i] - ux);
      vy += (y[i] - uy) * (y[i] - uy);
      cxy += (x[i] - ux) * (y[i] - uy);
    }
    vx /= n;
    vy /= n;
    cxy /= n;
    return ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
  }

  private static double[] downsample(double[] src, int w, int h, int f, int nw, int nh) {
    double[] out = new double[nw * nh];
    double inv = 1.0 / (f * f);
    for (int j = 0; j < nh; j++) {
      for (int i = 0; i < nw; i++) {
        double s = 0;
        for (int dy = 0; dy < f; dy++) {
          int row = (j * f + dy) * w;
          for (int dx = 0; dx < f; dx++) {
            s += src[row + i * f + dx];
          }
        }
        out[j * nw + i] = s * inv;
      }
    }
    return out;
  }

  /** Separable Gaussian filter; edges clamp (only the valid region is read afterwards). */
  private static double[] blur(double[] src, int w, int h) {
    double[] tmp = new double[w * h];
    double[] out = new double[w * h];
    for (int j = 0; j < h; j++) {
      int row = j * w;
      for (int i = 0; i < w; i++) {
        double s = 0;
        for (int k = -RADIUS; k <= RADIUS; k++) {
          int ii = Math.min(w - 1, Math.max(0, i + k));
          s += WINDOW[k + RADIUS] * src[row + ii];
        }
        tmp[row + i] = s;
      }
    }
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        double s = 0;
        for (int k = -RADIUS; k <= RADIUS; k++) {
          int jj = Math.min(h - 1, Math.max(0, j + k));
          s += WINDOW[k + RADIUS] * tmp[jj * w + i];
        }
        out[j * w + i] = s;
      }
    }
    return out;
  }

  private static double[] gaussian(int radius, double sigma) {
    double[] g = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      g[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
      sum += g[i + radius];
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }
}
