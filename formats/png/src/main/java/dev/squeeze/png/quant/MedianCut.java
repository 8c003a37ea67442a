package dev.squeeze.png.quant;

import java.util.Arrays;

/**
 * Variance-weighted median cut (Heckbert 1982, with the split rule of Wu 1991): the box with the largest
 * weighted squared error is split next, across its axis of largest variance, at the point that minimises the
 * summed squared error of the two halves. Every split is recorded, so the palette for any colour count up to
 * the maximum can be read back without running the cut again, together with its error.
 */
final class MedianCut {
  private final float[] vec;
  private final double[] w;
  private final int n;
  private final int[] order;
  private final int[] splitPoints;
  private final double[] sseAt;
  private int splits;

  private MedianCut(float[] vec, double[] w, int n, int maxBoxes) {
    this.vec = vec;
    this.w = w;
    this.n = n;
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    this.splitPoints = new int[Math.max(0, maxBoxes - 1)];
    this.sseAt = new double[maxBoxes + 1];
  }

  /** Cuts the {@code n} weighted colours (4 floats each in {@code vec}) into at most {@code maxBoxes} boxes. */
  static MedianCut run(float[] vec, double[] w, int n, int maxBoxes) {
    MedianCut m = new MedianCut(vec, w, n, maxBoxes);
    m.cut(maxBoxes);
    return m;
  }

  /** The most boxes reached (fewer than asked when every box holds a single colour). */
  int maxBoxes() {
    return splits + 1;
  }

  /** Summed weighted squared error of the box means with {@code k} boxes. */
  double sse(int k) {
    return sseAt[Math.min(k, maxBoxes())];
  }

  /** The weighted means of the {@code k} boxes, 4 floats each. */
  float[] palette(int k) {
    k = Math.min(k, maxBoxes());
    int[] bounds = new int[k + 1];
    bounds[0] = 0;
    bounds[1] = n;
    System.arraycopy(splitPoints, 0, bounds, 2, k - 1);
    Arrays.sort(bounds);
    float[] pal = new float[k * 4];
    for (int b = 0; b < k; b++) {
      double sw = 0;
      double[] s = new double[4];
      for (int j = bounds[b]; j < bounds[b + 1]; j++) {
        int e = order[j];
        double we = w[e];
        sw += we;
        for (int c = 0; c < 4; c++) {
          s[c] += we * vec[e * 4 + c];
        }
      }
      for (int c = 0; c < 4; c++) {
        pal[b * 4 + c] = (float) (s[c] / sw);
      }
    }
    return pal;
  }

  private void cut(int maxBoxes) {
    int[] start = new int[maxBoxes];
    int[] end = new int[maxBoxes];
    double[] sse = new double[maxBoxes];
    start[0] = 0;
    end[0] = n;
    sse[0] = rangeSse(0, n);
    int boxes = 1;
    double total = sse[0];
    sseAt[1] = total;
    while (boxes < maxBoxes) {
      int pick = -1;
      for (int b = 0; b < boxes; b++) {
        if (end[b] - start[b] > 1 && sse[b] > 0 && (pick < 0 || sse[b] > sse[pick])) {
          pick = b;
        }
      }
      if (pick < 0) {
        break;
      }
      double[] halves = new double[2];
      int mid = split(start[pick], end[pick], halves);
      total += halves[0] + halves[1] - sse[pick];
      start[boxes] = mid;
      end[boxes] = end[pick];
      sse[boxes] = halves[1];
      end[pick] = mid;
      sse[pick] = halves[0];
      splitPoints[splits++] = mid;
      boxes++;
      sseAt[boxes] = Math.max(0, total);
    }
    for (int k = boxes + 1; k < sseAt.length; k++) {
      sseAt[k] = sseAt[boxes];
    }
  }

  private double rangeSse(int from, int to) {
    double[] s = new double[4];
    double[] q = new double[4];
    return sse(moments(from, to, s, q), s, q);
  }

  /** Adds the weighted sums and sums of squares of the range's colours to {@code s} and {@code q}; returns the weight. */
  private double moments(int from, int to, double[] s, double[] q) {
    double sw = 0;
    for (int j = from; j < to; j++) {
      sw += add(order[j], s, q);
    }
    return sw;
  }

  /** Adds colour {@code e}'s weighted values and squares to {@code s} and {@code q}; returns its weight. */
  private double add(int e, double[] s, double[] q) {
    double we = w[e];
    for (int c = 0; c < 4; c++) {
      double v = vec[e * 4 + c];
      s[c] += we * v;
      q[c] += we * v * v;
    }
    return we;
  }

  private static double sse(double sw, double[] s, double[] q) {
    if (sw <= 0) {
      return 0;
    }
    double r = 0;
    for (int c = 0; c < 4; c++) {
      r += q[c] - s[c] * s[c] / sw;
    }
    return Math.max(0, r);
  }

  /** Sorts the range along its widest axis and splits it where the two halves' error is least. */
  private int split(int from, int to, double[] halves) {
    double[] s = new double[4];
    double[] q = new double[4];
    double sw = moments(from, to, s, q);
    int axis = 0;
    double best = -1;
    for (int c = 0; c < 4; c++) {
      double var = q[c] - s[c] * s[c] / sw;
      if (var > best) {
        best = var;
        axis = c;
      }
    }
    // coordinates are never negative, so their float bits sort like the values; the low half keeps ties stable
    long[] keys = new long[to - from];
    for (int j = from; j < to; j++) {
      int e = order[j];
      keys[j - from] = ((long) Float.floatToIntBits(Math.max(0f, vec[e * 4 + axis])) << 32) | e;
    }
    Arrays.sort(keys);
    for (int j = from; j < to; j++) {
      order[j] = (int) keys[j - from];
    }
    double lw = 0;
    double[] ls = new double[4];
    double[] lq = new double[4];
    double[] rs = new double[4];
    double[] rq = new double[4];
    double bestSse = Double.MAX_VALUE;
    int bestMid = from + 1;
    double bestLeft = 0;
    double bestRight = 0;
    for (int j = from; j < to - 1; j++) {
      lw += add(order[j], ls, lq);
      for (int c = 0; c < 4; c++) {
        rs[c] = s[c] - ls[c];
        rq[c] = q[c] - lq[c];
      }
      double left = sse(lw, ls, lq);
      double right = sse(sw - lw, rs, rq);
      if (left + right < bestSse) {
        bestSse = left + right;
        bestMid = j + 1;
        bestLeft = left;
        bestRight = right;
      }
    }
    halves[0] = bestLeft;
    halves[1] = bestRight;
    return bestMid;
  }
}
