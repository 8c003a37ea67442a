package dev.squeeze.png;

/**
 * PNG row filtering (specification section 9) with the strategies that choose a filter per row: each
 * fixed filter, the minimum sum of absolute values (libpng's heuristic), and the minimum Shannon entropy of
 * the row's bytes.
 */
final class Filters {
  /** How to choose each row's filter. */
  enum Strategy {
    NONE, SUB, UP, AVERAGE, PAETH, MIN_SUM, ENTROPY
  }

  private Filters() {}

  static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  /** The rows of {@code e} filtered by {@code strategy}: height rows of one filter-type byte and stride bytes. */
  static byte[] apply(Encoding e, Strategy strategy) {
    int stride = e.stride();
    int bpp = e.filterBpp();
    byte[] rows = e.rows();
    byte[] out = new byte[e.height() * (stride + 1)];
    byte[][] trial = new byte[5][stride];
    int[] histogram = new int[256];
    for (int y = 0; y < e.height(); y++) {
      int cur = y * stride;
      int prev = y == 0 ? -1 : cur - stride;
      int chosen;
      if (strategy.ordinal() <= Strategy.PAETH.ordinal()) {
        chosen = strategy.ordinal();
        filterRow(chosen, rows, cur, prev, stride, bpp, trial[chosen]);
      } else {
        chosen = 0;
        double best = Double.MAX_VALUE;
        for (int f = 0; f < 5; f++) {
          filterRow(f, rows, cur, prev, stride, bpp, trial[f]);
          double score = strategy == Strategy.MIN_SUM ? absSum(trial[f]) : entropy(trial[f], histogram);
          if (score < best) {
            best = score;
            chosen = f;
          }
        }
      }
      int o = y * (stride + 1);
      out[o] = (byte) chosen;
      System.arraycopy(trial[chosen], 0, out, o + 1, stride);
    }
    return out;
  }

  static void filterRow(int f, byte[] d, int cur, int prev, int stride, int bpp, byte[] out) {
    switch (f) {
      case 0 -> System.arraycopy(d, cur, out, 0, stride);
      case 1 -> {
        for (int i = 0; i < stride; i++) {
          out[i] = (byte) (d[cur + i] - (i >= bpp ? d[cur + i - bpp] : 0));
        }
      }
      case 2 -> {
        for (int i = 0; i < stride; i++) {
          out[i] = (byte) (d[cur + i] - (prev >= 0 ? d[prev + i] : 0));
        }
      }
      case 3 -> {
        for (int i = 0; i < stride; i++) {
          int a = i >= bpp ? d[cur + i - bpp] & 0xFF : 0;
          int b = prev >= 0 ? d[prev + i] & 0xFF : 0;
          out[i] = (byte) (d[cur + i] - ((a + b) >>> 1));
        }
      }
      default -> {
        for (int i = 0; i < stride; i++) {
          int a = i >= bpp ? d[cur + i - bpp] & 0xFF : 0;
          int b = prev >= 0 ? d[prev + i] & 0xFF : 0;
          int c = i >= bpp && prev >= 0 ? d[prev + i - bpp] & 0xFF : 0;
          out[i] = (byte) (d[cur + i] - paeth(a, b, c));
        }
      }
    }
  }

  private static long absSum(byte[] row) {
    long s = 0;
    for (byte b : row) {
      s += Math.abs(b);
    }
    return s;
  }

  private static double entropy(byte[] row, int[] histogram) {
    java.util.Arrays.fill(histogram, 0);
    for (byte b : row) {
      histogram[b & 0xFF]++;
    }
    double bits = 0;
    for (int c : histogram) {
      if (c > 0) {
        bits -= c * Math.log((double) c / row.length);
      }
    }
    return bits;
  }
}
