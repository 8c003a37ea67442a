package dev.squeeze.png.deflate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses where to end one deflate block and start the next so that the sum of block sizes is smallest,
 * as Zopfli does: repeatedly take the largest block not yet settled, find the split point minimising the
 * two halves' cost, and keep it if it beats the unsplit block.
 */
final class BlockSplitter {
  /** Blocks with fewer entries are never split (Zopfli's value; the header alone costs more). */
  private static final int MIN_ENTRIES = 10;
  /** Below this many candidate points every one is tried, above it a narrowing search is used. */
  private static final int EXHAUSTIVE_BELOW = 1024;
  /** Probes per round of the narrowing search (Zopfli uses 9). */
  private static final int PROBES = 9;

  private BlockSplitter() {}

  /** Split points (entry indices, ascending, strictly inside the parse), at most {@code maxBlocks - 1}. */
  static int[] split(LzStore s, int maxBlocks) {
    TreeSet<Integer> points = new TreeSet<>();
    TreeSet<Integer> settled = new TreeSet<>();
    if (s.size() < MIN_ENTRIES || maxBlocks <= 1) {
      return new int[0];
    }
    int lstart = 0;
    int lend = s.size();
    while (points.size() + 1 < maxBlocks) {
      final int a = lstart;
      final int b = lend;
      long[] best = findMinimum(i -> BlockWriter.bestBits(s, a, i) + BlockWriter.bestBits(s, i, b), a + 1, b);
      int at = (int) best[0];
      if (best[1] >= BlockWriter.bestBits(s, a, b) || at <= a + 1 || at >= b) {
        settled.add(a);
      } else {
        points.add(at);
      }
      // next: the largest block still open
      List<Integer> bounds = new ArrayList<>();
      bounds.add(0);
      bounds.addAll(points);
      bounds.add(s.size());
      int bestLen = -1;
      for (int k = 0; k + 1 < bounds.size(); k++) {
        int st = bounds.get(k);
        int en = bounds.get(k + 1);
        if (!settled.contains(st) && en - st >= MIN_ENTRIES && en - st > bestLen) {
          bestLen = en - st;
          lstart = st;
          lend = en;
        }
      }
      if (bestLen < 0) {
        break;
      }
    }
    return points.stream().mapToInt(Integer::intValue).toArray();
  }

  interface Cost {
    long at(int i);
  }

  /** {index, cost} of a (local) minimum of {@code f} over [start, end). */
  static long[] findMinimum(Cost f, int start, int end) {
    if (end - start < EXHAUSTIVE_BELOW) {
      long best = Long.MAX_VALUE;
      int at = start;
      for (int i = start; i < end; i++) {
        long c = f.at(i);
        if (c < best) {
          best = c;
          at = i;
        }
      }
      return new long[] {at, best};
    }
    long lastBest = Long.MAX_VALUE;
    int at = start;
    int[] p = new int[PROBES];
    long[] v = new long[PROBES];
    while (end - start > PROBES) {
      for (int k = 0; k < PROBES; k++) {
        p[k] = start + (int) ((k + 1L) * (end - start) / (PROBES + 1));
        v[k] = f.at(p[k]);
      }
      int bk = 0;
      for (int k = 1; k < PROBES; k++) {
        if (v[k] < v[bk]) {
          bk = k;
        }
      }
      if (v[bk] > lastBest) {
        break;
      }
      start = bk == 0 ? start : p[bk - 1];
      end = bk == PROBES - 1 ? end : p[bk + 1];
      at = p[bk];
      lastBest = v[bk];
    }
    return new long[] {at, lastBest};
  }
}
