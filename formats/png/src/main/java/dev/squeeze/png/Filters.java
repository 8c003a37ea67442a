package dev.squeeze.png;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * PNG row filtering (specification section 9) with the strategies that choose a filter per row: each
 * fixed filter, the minimum sum of absolute values (libpng's heuristic), and the minimum Shannon entropy of
 * the row's bytes.
 */
final class Filters {
  /** How to choose each row's filter. */
  enum Strategy {
    NONE, SUB, UP, AVERAGE, PAETH, MIN_SUM, ENTROPY,
    /** Each row's filter chosen by deflating it after the rows before it (slow: maximum effort). */
    BRUTE_FORCE,
    /**
     * Each row's filter chosen by the bits its bytes cost under one byte histogram of the whole filtered image,
     * refined over a few passes (maximum effort): a Huffman code is shared by all rows, so a row should use
     * the bytes the other rows use, which per-row entropy cannot see.
     */
    GLOBAL_ENTROPY
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
    return applyAll(e, List.of(strategy)).get(strategy);
  }

  /**
   * The rows of {@code e} filtered by each of {@code strategies}, computing each row's five filtered forms once
   * for all of them (the heuristics share them).
   */
  static Map<Strategy, byte[]> applyAll(Encoding e, List<Strategy> strategies) {
    Map<Strategy, byte[]> result = new EnumMap<>(Strategy.class);
    List<Strategy> perRow = new ArrayList<>();
    for (Strategy s : strategies) {
      if (s == Strategy.BRUTE_FORCE) {
        result.put(s, dev.squeeze.png.deflate.BruteForceFilter.filter(e.rows(), e.height(), e.stride(), e.filterBpp()));
      } else if (s == Strategy.GLOBAL_ENTROPY) {
        result.put(s, GlobalEntropyFilter.filter(e));
      } else {
        perRow.add(s);
      }
    }
    if (perRow.isEmpty()) {
      return result;
    }
    int stride = e.stride();
    int bpp = e.filterBpp();
    byte[] rows = e.rows();
    boolean minSum = perRow.contains(Strategy.MIN_SUM);
    boolean minEntropy = perRow.contains(Strategy.ENTROPY);
    boolean needAll = minSum || minEntropy;
    boolean[] need = new boolean[5];
    for (Strategy s : perRow) {
      if (s.ordinal() < 5) {
        need[s.ordinal()] = true;
      }
    }
    byte[][] outs = new byte[perRow.size()][e.height() * (stride + 1)];
    byte[][] trial = new byte[5][stride];
    long[] sums = new long[5];
    double[] entropies = new double[5];
    int[] histogram = new int[256];
    for (int y = 0; y < e.height(); y++) {
      int cur = y * stride;
      int prev = y == 0 ? -1 : cur - stride;
      for (int f = 0; f < 5; f++) {
        if (needAll || need[f]) {
          filterRow(f, rows, cur, prev, stride, bpp, trial[f]);
          sums[f] = minSum ? absSum(trial[f]) : 0;
          entropies[f] = minEntropy ? entropy(trial[f], histogram) : 0;
        }
      }
      for (int k = 0; k < perRow.size(); k++) {
        Strategy s = perRow.get(k);
        int chosen = switch (s) {
          case MIN_SUM -> argMin(sums);
          case ENTROPY -> argMin(entropies);
          default -> s.ordinal();
        };
        int o = y * (stride + 1);
        outs[k][o] = (byte) chosen;
        System.arraycopy(trial[chosen], 0, outs[k], o + 1, stride);
      }
    }
    for (int k = 0; k < perRow.size(); k++) {
      result.put(perRow.get(k), outs[k]);
    }
    return result;
  }

  private static int argMin(long[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int argMin(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }

  static void filterRow(int f, byte[] d, int cur, int prev, int stride, int bpp, byte[] out) {
    int lead = Math.min(bpp, stride);
    switch (f) {
      case 0 -> System.arraycopy(d, cur, out, 0, stride);
      case 1 -> {
        System.arraycopy(d, cur, out, 0, lead);
        for (int i = lead; i < stride; i++) {
          out[i] = (byte) (d[cur + i] - d[cur + i - bpp]);
        }
      }
      case 2 -> {
        if (prev < 0) {
          System.arraycopy(d, cur, out, 0, stride);
        } else {
          for (int i = 0; i < stride; i++) {
            out[i] = (byte) (d[cur + i] - d[prev + i]);
          }
        }
      }
      case 3 -> {
        if (prev < 0) {
          System.arraycopy(d, cur, out, 0, lead);
          for (int i = lead; i < stride; i++) {
            out[i] = (byte) (d[cur + i] - ((d[cur + i - bpp] & 0xFF) >>> 1));
          }
        } else {
          for (int i = 0; i < lead; i++) {
            out[i] = (byte) (d[cur + i] - ((d[prev + i] & 0xFF) >>> 1));
          }
          for (int i = lead; i < stride; i++) {
            out[i] = (byte) (d[cur + i] - (((d[cur + i - bpp] & 0xFF) + (d[prev + i] & 0xFF)) >>> 1));
          }
        }
      }
      default -> {
        if (prev < 0) {
          // with no previous row Paeth predicts from the left neighbour alone, as Sub does
          System.arraycopy(d, cur, out, 0, lead);
          for (int i = lead; i < stride; i++) {
            out[i] = (byte) (d[cur + i] - d[cur + i - bpp]);
          }
        } else {
          for (int i = 0; i < lead; i++) {
            out[i] = (byte) (d[cur + i] - d[prev + i]);
          }
          for (int i = lead; i < stride; i++) {
            out[i] = (byte) (d[cur + i] - paeth(d[cur + i - bpp] & 0xFF, d[prev + i] & 0xFF, d[prev + i - bpp] & 0xFF));
          }
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
