package dev.squeeze.png;

import java.util.HashMap;
import java.util.Map;

/**
 * Palette orders driven by the image's content rather than by a per-colour key, for maximum effort: colours
 * that touch in the image get nearby indices (Zeng's re-indexing). For filtered rows that keeps index
 * differences small; for unfiltered rows, which is what wins on palette images, an order only relabels bytes, so
 * LZ77 matches and Huffman code lengths stay the same and what changes is the code-length headers of each
 * deflate block (colours used in the same region get contiguous symbols: fewer, longer runs of zero lengths)
 * and the filter-type byte 0 that joins the run of whatever colour has index 0.
 *
 * <p>Orders are permutations of the positions in a {@link PaletteBuilder.Counts}; the caller places
 * translucent colours first when it wants tRNS short.
 */
final class PaletteOrders {
  private PaletteOrders() {}

  /**
   * Symmetric co-occurrence counts of the colours of {@code c}: entry {@code [a * n + b]} counts horizontally
   * or vertically adjacent pixel pairs of colours a and b (a != b; the diagonal stays 0, it says nothing about
   * an order).
   */
  static long[] adjacency(PixelImage img, PaletteBuilder.Counts c) {
    int n = c.size();
    Map<Integer, Integer> position = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      position.put(c.colors()[i], i);
    }
    int w = img.width;
    int h = img.height;
    int[] px = img.argb;
    int[] above = new int[w];
    int[] row = new int[w];
    long[] co = new long[n * n];
    int last = px[0];
    int lastPos = position.get(last);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = px[y * w + x];
        if (p != last) {
          last = p;
          lastPos = position.get(p);
        }
        row[x] = lastPos;
        if (x > 0 && row[x - 1] != lastPos) {
          co[row[x - 1] * n + lastPos]++;
        }
        if (y > 0 && above[x] != lastPos) {
          co[above[x] * n + lastPos]++;
        }
      }
      int[] t = above;
      above = row;
      row = t;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        long s = co[a * n + b] + co[b * n + a];
        co[a * n + b] = s;
        co[b * n + a] = s;
      }
    }
    return co;
  }

  /**
   * One-sided Zeng growth: the list starts with {@code first}; then the members of each group in turn are
   * appended, each time the unplaced member of the current group whose weighted adjacency to the whole list is
   * largest (a listed colour {@code d} places from the end weighs {@code weight[d]}). Groups keep translucent
   * colours before opaque ones; the fixed first entry keeps the row-edge colour at index 0, where unfiltered
   * rows' filter-type byte joins its runs. Members touching nothing listed follow by frequency.
   *
   * @return {@code first} followed by every member of every group (first excluded from the groups)
   */
  static int[] chain(long[] co, PaletteBuilder.Counts c, int first, int[][] groups, double[] weight) {
    int n = c.size();
    int[] list = new int[n];
    int len = 0;
    list[len++] = first;
    boolean[] placed = new boolean[n];
    placed[first] = true;
    // each step rescores every unplaced member against the whole list: about n^3 / 6 multiply-adds for n <= 256
    // colours, 3-6 ms on logo.png's 256 (measured with a throwaway timer), negligible beside a zlib trial
    for (int[] group : groups) {
      int left = 0;
      for (int u : group) {
        if (!placed[u]) {
          left++;
        }
      }
      for (; left > 0; left--) {
        double bestScore = 0;
        int bestU = -1;
        for (int u : group) {
          if (placed[u]) {
            continue;
          }
          double s = 0;
          for (int k = 0; k < len; k++) {
            long v = co[u * n + list[k]];
            if (v != 0) {
              s += v * weight[Math.min(len - k, weight.length - 1)];
            }
          }
          if (bestU < 0 || s > bestScore || (s == bestScore && c.counts()[u] > c.counts()[bestU])) {
            bestScore = s;
            bestU = u;
          }
        }
        placed[bestU] = true;
        list[len++] = bestU;
      }
    }
    return java.util.Arrays.copyOf(list, len);
  }

  /**
   * Zeng's decaying weights, log2(1 + 1/d) for a listed colour d places from the attaching end (the published
   * method's weighting as we read its description). Chosen over equal weights and end-only weights with
   * PaletteOrderProbe: with zopfli on unfiltered rows it was best on screenshot_gnome_tool (122296 bytes against
   * 122467 and 122405) and logo (24464 against 24535 and 24516), close on the others.
   */
  static double[] zengWeights(int n) {
    double[] w = new double[n + 2];
    for (int d = 1; d < w.length; d++) {
      w[d] = Math.log1p(1.0 / d) / Math.log(2);
    }
    return w;
  }
}
