package dev.squeeze.jpeg;

/**
 * Estimates the cjpeg-style quality (1-100) a JPEG was saved at from its luma quantisation table: the
 * quality whose scaled table (Annex K, as libjpeg, Photoshop-like and most cameras use, or the Robidoux
 * table mozjpeg uses) is closest to it in log ratio. A starting point for the automatic quality search,
 * not an exact inverse for encoders with their own tables.
 */
final class QualityEstimate {
  private QualityEstimate() {}

  /** @param lumaZz the first component's quantisation table, zig-zag order */
  static int estimate(int[] lumaZz) {
    int best = 100;
    double bestErr = Double.MAX_VALUE;
    for (int q = 1; q <= 100; q++) {
      int[] robidoux = QuantTables.forQuality(q);
      int[] annexK = QuantTables.annexK(q);
      double errK = 0;
      double errR = 0;
      for (int k = 0; k < 64; k++) {
        errK += sq(Math.log((double) lumaZz[k] / annexK[k]));
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
