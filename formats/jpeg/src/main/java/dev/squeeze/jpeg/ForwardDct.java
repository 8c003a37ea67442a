package dev.squeeze.jpeg;

/**
 * The 8x8 forward DCT of T.81 A.3.3 in double precision, as two separable matrix products: more accurate
 * than libjpeg's integer islow transform (which rounds to 13-bit constants and descales between passes).
 * Output is in natural (row-major) order and unscaled: {@code F(u,v) = 1/4 C(u) C(v) sum f(x,y) cos cos}.
 */
public final class ForwardDct {
  private static final double[] COS = new double[64];

  static {
    for (int u = 0; u < 8; u++) {
      double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
      for (int x = 0; x < 8; x++) {
        COS[u * 8 + x] = 0.5 * cu * Math.cos((2 * x + 1) * u * Math.PI / 16);
      }
    }
  }

  private final double[] tmp = new double[64];

  /** A transform with its own scratch space; not thread-safe, one per thread. */
  public ForwardDct() {}

  /**
   * Transforms {@code block} (64 level-shifted samples, row-major) into {@code out} (64 coefficients,
   * row-major: index {@code v * 8 + u}, v the vertical frequency).
   */
  public void transform(double[] block, double[] out) {
    for (int y = 0; y < 8; y++) { // rows: tmp[y][u] = sum_x c[u][x] f[y][x]
      int r = y * 8;
      for (int u = 0; u < 8; u++) {
        int c = u * 8;
        double s = 0;
        for (int x = 0; x < 8; x++) {
          s += COS[c + x] * block[r + x];
        }
        tmp[r + u] = s;
      }
    }
    for (int u = 0; u < 8; u++) { // columns: out[v][u] = sum_y c[v][y] tmp[y][u]
      for (int v = 0; v < 8; v++) {
        int c = v * 8;
        double s = 0;
        for (int y = 0; y < 8; y++) {
          s += COS[c + y] * tmp[y * 8 + u];
        }
        out[v * 8 + u] = s;
      }
    }
  }
}
