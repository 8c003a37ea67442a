package dev.squeeze.jpeg;

/**
 * Rate-distortion optimised quantisation of DCT blocks (trellis quantisation, as mozjpeg does it): for each
 * block, a dynamic programme over the zig-zag positions chooses, per coefficient, among the rounded value
 * and the largest value of every smaller magnitude category (or zero), minimising
 * {@code bits + lambda * weighted squared error}, with bits from the current Huffman code lengths. DC values
 * are then chosen along each row of blocks among the rounded value and its two neighbours, costing the
 * DC difference codes.
 *
 * <p>The weighting follows mozjpeg's defaults: errors are weighted by {@code 1/q^2} per coefficient (so the
 * search trades bits against error in quantiser steps), and lambda falls as the block's AC energy grows,
 * {@code lambda = 2^14.75 / (2^16.5 + mean AC energy)} in the DCT scale of libjpeg (8x ours): busy blocks mask
 * errors, flat blocks show them. Those two constants are mozjpeg's {@code lambda_log_scale1/2}, tuned there
 * on the Kodak set. {@link LossyEncoder} passes a lambda per block from an {@link AdaptiveQuantField} instead,
 * which masks by the neighbourhood's texture rather than the block's own energy.
 */
final class TrellisQuantizer {
  private static final double LAMBDA_SCALE1 = Math.pow(2, 14.75);
  private static final double LAMBDA_SCALE2 = Math.pow(2, 16.5);
  /** libjpeg's forward DCT output is 8 times the orthonormal T.81 value, and mozjpeg's constants assume it. */
  private static final double LIBJPEG_SCALE = 8;
  private static final int MAX_AC = 1023;

  private final int[] quantZz;
  private final double[] weight = new double[64];
  private final int[] acLength;
  private final int[] dcLength;

  // per-block scratch
  private final double[] zeroDist = new double[64];
  private final double[] cost = new double[64];
  private final int[] runStart = new int[64];
  private final int[] value = new int[64];
  private final int[] candidate = new int[11];
  private final int[] candidateBits = new int[11];
  private final double[] candidateDist = new double[11];

  /**
   * @param quantZz quantisation table in zig-zag order
   * @param acLength Huffman code length per AC symbol (0: no code, the symbol is not chosen)
   * @param dcLength Huffman code length per DC category 0..11
   */
  TrellisQuantizer(int[] quantZz, int[] acLength, int[] dcLength) {
    this.quantZz = quantZz;
    this.acLength = acLength;
    this.dcLength = dcLength;
    for (int k = 0; k < 64; k++) {
      weight[k] = 1.0 / ((double) quantZz[k] * quantZz[k]);
    }
  }

  /**
   * Quantises the AC coefficients of one block into {@code out[off+1..off+63]} (zig-zag order) and returns the
   * block's lambda, for {@link #quantizeDcRow}.
   *
   * @param dct 64 unquantised coefficients, natural order, orthonormal scale (as {@link ForwardDct} gives)
   */
  double quantizeAc(float[] dct, int dctOff, short[] out, int off) {
    return quantizeAc(dct, dctOff, out, off, Double.NaN);
  }

  /**
   * As {@link #quantizeAc(float[], int, short[], int)} with the block's lambda given (from an
   * {@link AdaptiveQuantField}); NaN derives it from the block's own AC energy, as mozjpeg does.
   */
  double quantizeAc(float[] dct, int dctOff, short[] out, int off, double blockLambda) {
    double norm = 0;
    for (int k = 1; k < 64; k++) {
      double x = dct[dctOff + ZigZag.NATURAL[k]] * LIBJPEG_SCALE;
      norm += x * x;
    }
    norm /= 63;
    double lambda = Double.isNaN(blockLambda) ? LAMBDA_SCALE1 / (LAMBDA_SCALE2 + norm) : blockLambda;
    zeroDist[0] = 0;
    cost[0] = 0;
    int zrl = acLength[0xF0];
    for (int i = 1; i < 64; i++) {
      double xs = dct[dctOff + ZigZag.NATURAL[i]] * LIBJPEG_SCALE;
      boolean negative = xs < 0;
      double x = Math.abs(xs);
      double q = LIBJPEG_SCALE * quantZz[i];
      double lw = lambda * weight[i];
      zeroDist[i] = zeroDist[i - 1] + x * x * lw;
      int qval = (int) ((x + q / 2) / q);
      value[i] = 0;
      if (qval == 0) {
        cost[i] = Double.MAX_VALUE;
        continue;
      }
      qval = Math.min(qval, MAX_AC);
      int n = ScanEncoder.bitLength(qval);
      for (int k = 0; k < n; k++) {
        int c = k < n - 1 ? (2 << k) - 1 : qval;
        double d = c * q - x;
        candidate[k] = c;
        candidateBits[k] = k + 1;
        candidateDist[k] = d * d * lw;
      }
      double best = Double.MAX_VALUE;
      int bestValue = 0;
      int bestStart = 0;
      for (int j = 0; j < i; j++) {
        if (j != 0 && value[j] == 0) {
          continue;
        }
        int run = i - 1 - j;
        if (run >= 16 && zrl == 0) {
          continue;
        }
        int runBits = (run >> 4) * zrl;
        run &= 15;
        double base = zeroDist[i - 1] - zeroDist[j] + cost[j] + runBits;
        for (int k = 0; k < n; k++) {
          int codeBits = acLength[(run << 4) + candidateBits[k]];
          if (codeBits == 0) {
            continue;
          }
          double c = base + codeBits + candidateBits[k] + candidateDist[k];
          if (c < best) {
            best = c;
            bestValue = candidate[k];
            bestStart = j;
          }
        }
      }
      cost[i] = best;
      if (best < Double.MAX_VALUE) {
        value[i] = negative ? -bestValue : bestValue;
        runStart[i] = bestStart;
      }
    }
    // where to end the block: after the last kept coefficient, paying for an EOB unless it is position 63
    int eob = acLength[0];
    int last = 0;
    double best = zeroDist[63] + eob;
    for (int i = 1; i < 64; i++) {
      if (value[i] != 0) {
        double c = cost[i] + zeroDist[63] - zeroDist[i] + (i < 63 ? eob : 0);
        if (c < best) {
          best = c;
          last = i;
        }
      }
    }
    for (int i = 1; i < 64; i++) {
      out[off + i] = 0;
    }
    while (last > 0) {
      out[off + last] = (short) value[last];
      last = runStart[last];
    }
    return lambda;
  }

  /**
   * Chooses the DC values of a row of blocks (left to right, continuing the DC prediction from
   * {@code previousDc}) and stores them at {@code out[offsets[b]]}.
   *
   * @param dc the blocks' unquantised DC coefficients (orthonormal scale)
   * @param lambdas each block's lambda from {@link #quantizeAc}
   * @return the last DC value, to continue the prediction into the next row
   */
  int quantizeDcRow(float[] dc, double[] lambdas, int n, short[] out, int[] offsets, int previousDc) {
    final int candidates = 3; // the rounded value and its two neighbours, as mozjpeg's DC trellis
    double q = LIBJPEG_SCALE * quantZz[0];
    int[][] cand = new int[n][candidates];
    double[][] acc = new double[n][candidates];
    int[][] back = new int[n][candidates];
    for (int b = 0; b < n; b++) {
      double xs = dc[b] * LIBJPEG_SCALE;
      double x = Math.abs(xs);
      int sign = xs < 0 ? -1 : 1;
      int qval = (int) ((x + q / 2) / q);
      double lw = lambdas[b] * weight[0];
      for (int k = 0; k < candidates; k++) {
        int c = Math.max(-MAX_AC, Math.min(MAX_AC, qval - 1 + k));
        double d = c * q - x;
        double dist = d * d * lw;
        c *= sign;
        cand[b][k] = c;
        if (b == 0) {
          acc[b][k] = dcBits(c - previousDc) + dist;
          back[b][k] = -1;
        } else {
          double bestCost = Double.MAX_VALUE;
          for (int l = 0; l < candidates; l++) {
            double cst = acc[b - 1][l] + dcBits(c - cand[b - 1][l]) + dist;
            if (cst < bestCost) {
              bestCost = cst;
              back[b][k] = l;
            }
          }
          acc[b][k] = bestCost;
        }
      }
    }
    int j = 0;
    for (int k = 1; k < candidates; k++) {
      if (acc[n - 1][k] < acc[n - 1][j]) {
        j = k;
      }
    }
    int lastDc = cand[n - 1][j];
    for (int b = n - 1; b >= 0; b--) {
      out[offsets[b]] = (short) cand[b][j];
      j = back[b][j];
    }
    return lastDc;
  }

  private double dcBits(int diff) {
    int n = ScanEncoder.bitLength(Math.abs(diff));
    int len = n < dcLength.length ? dcLength[n] : 0;
    return len == 0 ? 1e9 : n + len;
  }
}
