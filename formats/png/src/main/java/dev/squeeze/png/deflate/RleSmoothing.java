package dev.squeeze.png.deflate;

/**
 * Evens out symbol counts so the resulting code lengths come in runs that symbols 16/17/18 code cheaply.
 * The idea is Brotli's "optimize Huffman for RLE", also used by Zopfli: a few data bits are traded for
 * a shorter code description, and the caller keeps the smoothed code only when the block gets smaller.
 */
final class RleSmoothing {
  /** Counts within this distance of a stride's average join it (Brotli's value). */
  private static final long NEAR = 4;

  private RleSmoothing() {}

  static long[] smooth(long[] counts) {
    long[] out = counts.clone();
    int n = counts.length;
    while (n > 0 && counts[n - 1] == 0) {
      n--;
    }
    if (n == 0) {
      return out;
    }
    // runs that already code well (5+ zeros, 7+ equal non-zeros) are left alone
    boolean[] good = new boolean[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && counts[j] == counts[i]) {
        j++;
      }
      if ((counts[i] == 0 && j - i >= 5) || (counts[i] != 0 && j - i >= 7)) {
        for (int k = i; k < j; k++) {
          good[k] = true;
        }
      }
      i = j;
    }
    int stride = 0;
    long sum = 0;
    long limit = strideStart(counts, 0, n);
    for (int i = 0; i <= n; i++) {
      boolean breakHere = i == n || good[i] || (i > 0 && good[i - 1]) || Math.abs(counts[i] - limit) >= NEAR;
      if (breakHere) {
        if (stride >= 4 || (stride >= 3 && sum == 0)) {
          long avg = sum == 0 ? 0 : Math.max(1, (sum + stride / 2) / stride);
          for (int k = i - stride; k < i; k++) {
            out[k] = avg;
          }
        }
        stride = 0;
        sum = 0;
        if (i < n) {
          limit = strideStart(counts, i, n);
        }
      }
      if (i < n) {
        stride++;
        sum += counts[i];
        if (stride >= 4) {
          limit = (sum + stride / 2) / stride;
        }
      }
    }
    return out;
  }

  private static long strideStart(long[] counts, int i, int n) {
    if (i + 3 < n) {
      return (counts[i] + counts[i + 1] + counts[i + 2] + counts[i + 3] + 2) / 4;
    }
    return counts[i];
  }
}
