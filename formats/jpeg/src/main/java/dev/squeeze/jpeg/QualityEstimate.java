package dev.squeeze.jpeg;

/**
 * Estimates the cjpeg-style quality (1-100) a JPEG was saved at from its luma quantisation table: the
 * quality whose scaled table (Annex K, as libjpeg, Photoshop-like and most cameras use, or the Robidoux
 * table mozjpeg uses) is closest to it in log ratio. A starting point for the automatic quality search,
 * not an exact inverse for encoders with their own tables.
 */
final class QualityEstimate {
  /** T.81 Annex K.1 luminance table, natural order. */
  private static final int[] ANNEX_K = {
      16, 11, 10, 16, 24, 40, 51, 61,
      12, 12, 14, 19, 26, 58, 60, 55,
      14, 13, 16, 24, 40, 57, 69, 56,
      14, 17, 22, 29, 51, 87, 80, 62,
      18, 22, 37, 56, 68, 109, 103, 77,
      24, 35, 55, 64, 81, 104, 113, 92,
      49, 64, 78, 87, 103, 121, 120, 101,
      72, 92, 95, 98, 112, 100, 103, 99};

  private QualityEstimate() {}

  /** @param lumaZz the first component's quantisation table, zig-zag order */
  static int estimate(int[] lumaZz) {
    int best = 100;
    double bestErr = Double.MAX_VALUE;
    for (int q = 1; q <= 100; q++) {
      int[] robidoux = QuantTables.forQuality(q);
      int scale = QuantTables.scaleFactor(q);
      double errK = 0;
      double errR = 0;
      for (int k = 0; k < 64; k++) {
        long annexK = Math.max(1, Math.min(255, ((long) ANNEX_K[ZigZag.NATURAL[k]] * scale + 50) / 100));
        errK += sq(Math.log((double) lumaZz[k] / annexK));
        errR += sq(Math.log((double) lumaZz[k] / robidoux[k]));
      }
      double err = Math.min(errK, errR);
      if (err < bestErr) {
        bestErr = err;
        best = q;
      }
    }
    return best;
  }

  private static double sq(double v) {
    return v * v;
  }
}
