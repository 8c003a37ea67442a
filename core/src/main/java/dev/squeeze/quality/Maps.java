package dev.squeeze.quality;

/** The per-channel error maps of SSIMULACRA2 and their norms (see {@link Ssimulacra2}). */
final class Maps {
  private Maps() {}

  /**
   * Fills {@code sub[c*2 + {0,1}]} with the 1- and 4-norm of the 1 - SSIM' map and {@code sub[6 + c*4 + k]}
   * with the 1- and 4-norms of the ringing (k = 0, 1) and blur (k = 2, 3) maps of channel {@code c}.
   */
  static void channel(float[] img1, float[] img2, int w, int h, Ssimulacra2.Planes p, RecursiveGaussian blur,
      float c2, double[] sub, int c) {
    int n = w * h;
    blur.blur(img1, p.mu1, p.tmp, w, h);
    blur.blur(img2, p.mu2, p.tmp, w, h);
    multiply(img1, img1, p.product, n);
    blur.blur(p.product, p.s11, p.tmp, w, h);
    multiply(img2, img2, p.product, n);
    blur.blur(p.product, p.s22, p.tmp, w, h);
    multiply(img1, img2, p.product, n);
    blur.blur(p.product, p.s12, p.tmp, w, h);

    double ssim1 = 0;
    double ssim4 = 0;
    double ring1 = 0;
    double ring4 = 0;
    double blur1 = 0;
    double blur4 = 0;
    for (int i = 0; i < n; i++) {
      float mu1 = p.mu1[i];
      float mu2 = p.mu2[i];
      float mu11 = mu1 * mu1;
      float mu22 = mu2 * mu2;
      float mu12 = mu1 * mu2;
      // SSIM' drops the luminance term's denominator: values are already perceptual (gamma-like or chroma)
      float diff = mu1 - mu2;
      float numM = 1.0f - diff * diff;
      float numS = 2 * (p.s12[i] - mu12) + c2;
      float denS = (p.s11[i] - mu11) + (p.s22[i] - mu22) + c2;
      double d = Math.max(1.0 - (numM * numS / denS), 0.0);
      ssim1 += d;
      ssim4 += quartic(d);

      double edge = (1.0 + Math.abs(img2[i] - mu2)) / (1.0 + Math.abs(img1[i] - mu1)) - 1.0;
      double artifact = Math.max(edge, 0.0); // distorted has an edge where the original is smooth
      double lost = Math.max(-edge, 0.0); // original has an edge where the distorted is smooth
      ring1 += artifact;
      ring4 += quartic(artifact);
      blur1 += lost;
      blur4 += quartic(lost);
    }
    double inv = 1.0 / n;
    sub[c * 2] = ssim1 * inv;
    sub[c * 2 + 1] = Math.sqrt(Math.sqrt(ssim4 * inv));
    sub[6 + c * 4] = ring1 * inv;
    sub[6 + c * 4 + 1] = Math.sqrt(Math.sqrt(ring4 * inv));
    sub[6 + c * 4 + 2] = blur1 * inv;
    sub[6 + c * 4 + 3] = Math.sqrt(Math.sqrt(blur4 * inv));
  }

  private static void multiply(float[] a, float[] b, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = a[i] * b[i];
    }
  }

  private static double quartic(double x) {
    x *= x;
    return x * x;
  }
}
