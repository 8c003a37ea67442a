package dev.squeeze.quality;

/**
 * Gaussian blur by the recursive (IIR) filter of D. Charalampidis, "Recursive Implementation of the Gaussian
 * Filter Using Truncated Cosine Functions", IEEE Trans. Signal Processing 64(14), 2016: three second-order
 * sections whose impulse responses are cosines truncated at {@code N} samples, fitted so their sum matches a
 * Gaussian. Cost is independent of sigma. Samples outside the image count as zero, as in libjxl's
 * {@code FastGaussian} that SSIMULACRA2 was tuned with (so borders darken the same way in both images).
 */
final class RecursiveGaussian {
  private final int radius;
  // Section coefficients are rounded to float as the reference stores them; the recursion itself runs in
  // double: its poles lie on the unit circle, so float rounding does not decay and, on near-identical images,
  // it moved SSIMULACRA2 scores by up to 3 points (uniform 128 vs 129 grey, 256x256: 94.5 in float, 97.6 in
  // double, the reference's float SIMD code gives 96.2).
  private final double[] n2 = new double[3];
  private final double[] d1 = new double[3];

  /** Coefficients for {@code sigma}; equation numbers refer to the paper. */
  RecursiveGaussian(double sigma) {
    double r = Math.round(3.2795 * sigma + 0.2546); // (57): the support N that minimises the fit error
    double piDiv2r = Math.PI / (2.0 * r);
    double[] omega = {piDiv2r, 3.0 * piDiv2r, 5.0 * piDiv2r}; // Table I, k = 1, 3, 5
    double p1 = 1.0 / Math.tan(0.5 * omega[0]); // (37)
    double p3 = -1.0 / Math.tan(0.5 * omega[1]);
    double p5 = 1.0 / Math.tan(0.5 * omega[2]);
    double r1 = p1 * p1 / Math.sin(omega[0]); // (44)
    double r3 = -p3 * p3 / Math.sin(omega[1]);
    double r5 = p5 * p5 / Math.sin(omega[2]);
    double[] rho = new double[3]; // (50)
    for (int i = 0; i < 3; i++) {
      rho[i] = Math.exp(-0.5 * sigma * sigma * omega[i] * omega[i]) / r;
    }
    double d13 = p1 * r3 - r1 * p3; // (52)
    double d35 = p3 * r5 - r3 * p5;
    double d51 = p5 * r1 - r5 * p1;
    double zeta15 = d35 / d13;
    double zeta35 = d51 / d13;
    // (53)-(56): solve A beta = gamma for the section weights beta
    double[][] a = {{p1, p3, p5}, {r1, r3, r5}, {zeta15, zeta35, 1}};
    double[] gamma = {1, r * r - sigma * sigma, zeta15 * rho[0] + zeta35 * rho[1] + rho[2]};
    double[] beta = solve3(a, gamma);
    this.radius = (int) r;
    for (int i = 0; i < 3; i++) {
      n2[i] = (float) (-beta[i] * Math.cos(omega[i] * (r + 1.0))); // (33)
      d1[i] = (float) (-2.0 * Math.cos(omega[i]));
    }
  }

  /** Blurs the {@code w x h} plane {@code in} into {@code out}; {@code tmp} is scratch of the same size. */
  void blur(float[] in, float[] out, float[] tmp, int w, int h) {
    for (int y = 0; y < h; y++) {
      horizontal(in, tmp, y * w, w);
    }
    vertical(tmp, out, w, h);
  }

  private void horizontal(float[] in, float[] out, int off, int w) {
    final int n = radius;
    final double a1 = n2[0];
    final double a3 = n2[1];
    final double a5 = n2[2];
    final double b1 = d1[0];
    final double b3 = d1[1];
    final double b5 = d1[2];
    double prev1 = 0;
    double prev3 = 0;
    double prev5 = 0;
    double prevPrev1 = 0;
    double prevPrev3 = 0;
    double prevPrev5 = 0;
    for (int i = -n + 1; i < w; i++) {
      int left = i - n - 1;
      int right = i + n - 1;
      float sum = (left >= 0 ? in[off + left] : 0f) + (right < w ? in[off + right] : 0f);
      // (35): y[i] = n2 * (x[i-N-1] + x[i+N-1]) - d1 * y[i-1] - y[i-2], per section
      double o1 = a1 * sum - b1 * prev1 - prevPrev1;
      double o3 = a3 * sum - b3 * prev3 - prevPrev3;
      double o5 = a5 * sum - b5 * prev5 - prevPrev5;
      prevPrev1 = prev1;
      prevPrev3 = prev3;
      prevPrev5 = prev5;
      prev1 = o1;
      prev3 = o3;
      prev5 = o5;
      if (i >= 0) {
        out[off + i] = (float) (o1 + o3 + o5);
      }
    }
  }

  /** The same recursion down the columns, a whole row at a time so memory is read in order. */
  private void vertical(float[] in, float[] out, int w, int h) {
    final int n = radius;
    double[] prev = new double[3 * w];
    double[] prevPrev = new double[3 * w];
    for (int y = -n + 1; y < h; y++) {
      int top = y - n - 1;
      int bottom = y + n - 1;
      int topOff = top >= 0 ? top * w : -1;
      int bottomOff = bottom < h ? bottom * w : -1;
      int outOff = y * w;
      for (int x = 0; x < w; x++) {
        float sum = (topOff >= 0 ? in[topOff + x] : 0f) + (bottomOff >= 0 ? in[bottomOff + x] : 0f);
        double total = 0;
        for (int k = 0; k < 3; k++) {
          int s = k * w + x;
          double o = n2[k] * sum - d1[k] * prev[s] - prevPrev[s];
          prevPrev[s] = prev[s];
          prev[s] = o;
          total += o;
        }
        if (y >= 0) {
          out[outOff + x] = (float) total;
        }
      }
    }
  }

  /** Solves the 3x3 system {@code a x = b} by Cramer's rule (the matrix is well conditioned here). */
  private static double[] solve3(double[][] a, double[] b) {
    double det = det3(a);
    double[] x = new double[3];
    for (int c = 0; c < 3; c++) {
      double[][] m = new double[3][];
      for (int r = 0; r < 3; r++) {
        m[r] = a[r].clone();
        m[r][c] = b[r];
      }
      x[c] = det3(m) / det;
    }
    return x;
  }

  private static double det3(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
