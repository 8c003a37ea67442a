package dev.squeeze.jpeg;

/**
 * Per-block rate-distortion weights (the trellis lambda) from a masking field over the luma.
 *
 * <p>mozjpeg weights each block by its own AC energy E: {@code lambda = 2^14.75 / (2^16.5 + E)} (libjpeg DCT
 * scale), so busy blocks are quantised harder because texture masks the error. A block that holds one hard
 * edge between flat areas has as much energy as a textured block, yet its ringing is drawn over the flat
 * sides where eyes (and butteraugli, whose masking is local) see it at once. Following jpegli's adaptive
 * quantisation and butteraugli's masking model, the masking energy of a block here is instead an erosion
 * of the energy field: the smallest energy among the block and its 8 neighbours. Texture that covers a whole
 * neighbourhood still masks; an edge next to flat areas, or a block next to a smooth area, is treated as
 * smooth and quantised carefully.
 */
final class AdaptiveQuantField {
  /** mozjpeg's {@code lambda_log_scale1} (see {@link TrellisQuantizer}). */
  static final double LAMBDA_SCALE1 = Math.pow(2, 14.75);
  /** mozjpeg's {@code lambda_log_scale2}: the energy at which masking halves lambda. */
  static final double LAMBDA_SCALE2 = Math.pow(2, 16.5);
  /** libjpeg's forward DCT output is 8 times the orthonormal value, and the constants above assume it. */
  private static final double LIBJPEG_SCALE = 8;

  /**
   * Erosion radius in blocks: 1 (3x3). Measured on retina, astronaut and coffee (butteraugli 1.5 / 2.0 at
   * 80-95): radius 2 and a steeper texture curve (exponent 1.5) measured the same within noise.
   */
  private static final int R = 1;
  private final int blocksWide;
  private final int blocksHigh;
  private final double[] lambda;

  private AdaptiveQuantField(int blocksWide, int blocksHigh, double[] lambda) {
    this.blocksWide = blocksWide;
    this.blocksHigh = blocksHigh;
    this.lambda = lambda;
  }

  /**
   * The field of a component's blocks.
   *
   * @param dct the blocks' unquantised coefficients, 64 per block in natural order, orthonormal scale (as
   *     {@link ForwardDct} gives), blocks row-major {@code blocksWide * blocksHigh}
   */
  static AdaptiveQuantField of(float[] dct, int blocksWide, int blocksHigh) {
    int n = blocksWide * blocksHigh;
    double[] energy = new double[n];
    for (int b = 0; b < n; b++) {
      double e = 0;
      int off = b * 64;
      for (int k = 1; k < 64; k++) {
        double x = dct[off + k] * LIBJPEG_SCALE;
        e += x * x;
      }
      energy[b] = e / 63;
    }
    double[] lambda = new double[n];
    for (int by = 0; by < blocksHigh; by++) {
      for (int bx = 0; bx < blocksWide; bx++) {
        double m = energy[by * blocksWide + bx];
        for (int dy = -R; dy <= R; dy++) {
          int y = by + dy;
          if (y < 0 || y >= blocksHigh) {
            continue;
          }
          for (int dx = -R; dx <= R; dx++) {
            int x = bx + dx;
            if (x >= 0 && x < blocksWide) {
              m = Math.min(m, energy[y * blocksWide + x]);
            }
          }
        }
        lambda[by * blocksWide + bx] = LAMBDA_SCALE1 / (LAMBDA_SCALE2 + m);
      }
    }
    return new AdaptiveQuantField(blocksWide, blocksHigh, lambda);
  }

  /** The trellis lambda of block {@code (bx, by)}: within {@code (0, LAMBDA_SCALE1 / LAMBDA_SCALE2]}. */
  double lambda(int bx, int by) {
    return lambda[by * blocksWide + bx];
  }

  /**
   * The lambda for a block of a component subsampled by {@code (sx, sy)} relative to this field's: the
   * largest (most careful) lambda among the luma blocks it covers.
   */
  double lambdaCovering(int bx, int by, int sx, int sy) {
    double best = 0;
    for (int y = by * sy; y < Math.min(blocksHigh, (by + 1) * sy); y++) {
      for (int x = bx * sx; x < Math.min(blocksWide, (bx + 1) * sx); x++) {
        best = Math.max(best, lambda[y * blocksWide + x]);
      }
    }
    return best == 0 ? LAMBDA_SCALE1 / LAMBDA_SCALE2 : best;
  }

  int blocksWide() {
    return blocksWide;
  }

  int blocksHigh() {
    return blocksHigh;
  }
}
