package dev.squeeze.png;

import dev.squeeze.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measuring tool, not a test: for each palette-reducible PNG prints every palette order's best zlib-9 size over
 * all filter strategies (with PLTE and tRNS), the best size with a filter, and with -Dprobe.zopfli=true zopfli's
 * size on the best strategy. Beside the engine's orders it tries two-sided Zeng lists (Zeng's log weights, equal
 * weights, end-only weights; translucent colours ordered with the rest or apart) and one-sided chains from the
 * frequency order's first colour and from the row-edge colour; -Dprobe.chainOnly=true skips the two-sided ones.
 */
public final class PaletteOrderProbe {
  private PaletteOrderProbe() {}

  public static void main(String[] args) throws Exception {
    boolean zopfli = Boolean.getBoolean("probe.zopfli");
    DeflateCompressor nine = new JdkDeflateCompressor(9, java.util.zip.Deflater.DEFAULT_STRATEGY);
    DeflateCompressor zop = new ZopfliCompressor(dev.squeeze.png.deflate.ZopfliDeflater.defaults());
    for (String a : args) {
      PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(a)), Limits.defaults()));
      if (img.isSixteenBit()) {
        continue;
      }
      PaletteBuilder.Counts c = PaletteBuilder.count(img.argb, 256);
      if (c == null) {
        continue;
      }
      List<Encoding> encs = new ArrayList<>(PaletteBuilder.encodings(img, c, true, true));
      long t0 = System.nanoTime();
      long[] co = PaletteOrders.adjacency(img, c);
      int n = c.size();
      int[] all = IntStream.range(0, n).toArray();
      int[] trans = IntStream.range(0, n).filter(i -> (c.colors()[i] >>> 24) != 255).toArray();
      int[] opaque = IntStream.range(0, n).filter(i -> (c.colors()[i] >>> 24) == 255).toArray();
      Map<String, double[]> weights = new LinkedHashMap<>();
      weights.put("zeng", PaletteOrders.zengWeights(n));
      weights.put("flat", flatWeights(n));
      weights.put("end", endWeights(n));
      long tAdj = System.nanoTime() - t0;
      int freqFirst = -1;
      for (int i = 0; i < n; i++) {
        boolean ti = (c.colors()[i] >>> 24) != 255;
        if (freqFirst < 0 || (ti && (c.colors()[freqFirst] >>> 24) == 255)
            || (ti == ((c.colors()[freqFirst] >>> 24) != 255) && c.counts()[i] > c.counts()[freqFirst])) {
          freqFirst = i;
        }
      }
      int edge = PaletteBuilder.edgeColor(img, c);
      for (var w : weights.entrySet()) {
        for (int x : new int[] {freqFirst, edge}) {
          int[] t2 = IntStream.of(trans).filter(i -> i != x).toArray();
          int[] o2 = IntStream.of(opaque).filter(i -> i != x).toArray();
          int[] ord = PaletteOrders.chain(co, c, x, new int[][] {t2, o2}, w.getValue());
          encs.add(PaletteBuilder.build(img, c, boxed(ord), w.getKey() + "-chain" + (x == edge ? "-edge" : "-freq")));
          if (edge == freqFirst) {
            break;
          }
        }
      }
      for (var w : weights.entrySet()) {
        if (Boolean.getBoolean("probe.chainOnly")) {
          break;
        }
        long t1 = System.nanoTime();
        int[] whole = zeng(co, c, all, w.getValue());
        long tz = System.nanoTime() - t1;
        int[] split = concat(zeng(co, c, trans, w.getValue()),
            zeng(co, c, opaque, w.getValue()));
        encs.add(PaletteBuilder.build(img, c, boxed(whole), w.getKey() + "-whole"));
        encs.add(PaletteBuilder.build(img, c, boxed(reverse(whole)), w.getKey() + "-whole-rev"));
        if (trans.length > 0) {
          encs.add(PaletteBuilder.build(img, c, boxed(split), w.getKey() + "-split"));
          encs.add(PaletteBuilder.build(img, c, boxed(concat(zeng(co, c, trans, w.getValue()),
              reverse(zeng(co, c, opaque, w.getValue())))), w.getKey() + "-split-rev"));
        }
        System.out.printf("  %s: adjacency %d us, order %d us%n", w.getKey(), tAdj / 1000, tz / 1000);
      }
      System.out.printf("%s  %d colours (%d translucent)%n", Path.of(a).getFileName(), n, trans.length);
      for (Encoding e : encs) {
        int best = Integer.MAX_VALUE;
        Filters.Strategy bs = null;
        byte[] bf = null;
        int bestFiltered = Integer.MAX_VALUE;
        for (Filters.Strategy s : Filters.Strategy.values()) {
          byte[] f = Filters.apply(e, s);
          int size = nine.compressedSize(f);
          if (s != Filters.Strategy.NONE) {
            bestFiltered = Math.min(bestFiltered, size);
          }
          if (size < best) {
            best = size;
            bs = s;
            bf = f;
          }
        }
        int over = 12 + e.palette().length + (e.transparency() == null ? 0 : 12 + e.transparency().length);
        String z = zopfli ? String.format(" zopfli %7d", zop.compress(bf).length + over) : "";
        System.out.printf("  %-26s %-14s zlib9 %7d filtered %7d%s%n", e.label(), bs, best + over,
            bestFiltered + over, z);
      }
    }
  }

  /**
   * Zeng's greedy re-indexing, as modified by Pinho and Neves: the list starts with the most frequently
   * adjacent pair, then repeatedly takes the unplaced colour and list end whose position-weighted adjacency
   * to the listed colours is largest and attaches it there. A listed colour {@code d} places from the end
   * weighs {@code weight[d]} (d = 1 for the end entry itself). Colours that touch nothing placed are attached
   * in order of frequency at the right end.
   *
   * @param members the positions in {@code c} to order (a subset, e.g. only the opaque colours)
   * @return the members in the new order
   */
  private static int[] zeng(long[] co, PaletteBuilder.Counts c, int[] members, double[] weight) {
    return zeng(co, c, members, weight, -1);
  }

  /**
   * As the above, but with {@code first >= 0} the list starts
   * with that colour and grows only rightwards, so it keeps index 0 of the group.
   */
  private static int[] zeng(long[] co, PaletteBuilder.Counts c, int[] members, double[] weight, int first) {
    int n = c.size();
    int m = members.length;
    if (m <= 1 || (m == 2 && first < 0)) {
      return members.clone();
    }
    // the list is kept in a buffer of 2m slots, growing leftwards from m and rightwards from m
    int[] list = new int[2 * m + 1];
    int left = m;
    int right = m;
    boolean[] placed = new boolean[n];
    if (first >= 0) {
      list[right++] = first;
      placed[first] = true;
    }
    int bestA = -1;
    int bestB = -1;
    long best = -1;
    for (int i = 0; i < m && first < 0; i++) {
      for (int j = i + 1; j < m; j++) {
        long v = co[members[i] * n + members[j]];
        if (v > best) {
          best = v;
          bestA = members[i];
          bestB = members[j];
        }
      }
    }
    // the more frequent colour first, so it lands nearer index 0 unless later growth moves it
    if (first < 0) {
      if (c.counts()[bestB] > c.counts()[bestA]) {
        int t = bestA;
        bestA = bestB;
        bestB = t;
      }
      list[right++] = bestA;
      list[right++] = bestB;
      placed[bestA] = true;
      placed[bestB] = true;
    }
    for (int step = right - left; step < m; step++) {
      double bestScore = -1;
      int bestU = -1;
      boolean bestLeft = false;
      int len = right - left;
      for (int u : members) {
        if (placed[u]) {
          continue;
        }
        double sl = 0;
        double sr = 0;
        for (int k = 0; k < len; k++) {
          long v = co[u * n + list[left + k]];
          if (v != 0) {
            sl += v * weight[Math.min(k + 1, weight.length - 1)];
            sr += v * weight[Math.min(len - k, weight.length - 1)];
          }
        }
        if (first < 0 && (sl > bestScore || (sl == bestScore && bestU >= 0 && c.counts()[u] > c.counts()[bestU]))) {
          bestScore = sl;
          bestU = u;
          bestLeft = true;
        }
        if (sr > bestScore || (sr == bestScore && bestU >= 0 && c.counts()[u] > c.counts()[bestU])) {
          bestScore = sr;
          bestU = u;
          bestLeft = false;
        }
      }
      if (bestScore <= 0) {
        // nothing unplaced touches the list: the most frequent of the rest goes to the right end
        bestU = -1;
        for (int u : members) {
          if (!placed[u] && (bestU < 0 || c.counts()[u] > c.counts()[bestU])) {
            bestU = u;
          }
        }
        bestLeft = false;
      }
      placed[bestU] = true;
      if (bestLeft) {
        list[--left] = bestU;
      } else {
        list[right++] = bestU;
      }
    }
    int[] out = new int[m];
    System.arraycopy(list, left, out, 0, m);
    return out;
  }

  /** Equal weights: the attached colour's total adjacency to the list, wherever its partners are. */
  private static double[] flatWeights(int n) {
    double[] w = new double[n + 2];
    java.util.Arrays.fill(w, 1, w.length, 1.0);
    return w;
  }

  /** Only the end colour counts: a nearest-neighbour chain on adjacency. */
  private static double[] endWeights(int n) {
    double[] w = new double[n + 2];
    w[1] = 1;
    return w;
  }


  private static int[] concat(int[] a, int[] b) {
    int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static int[] reverse(int[] a) {
    int[] r = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  private static Integer[] boxed(int[] a) {
    return IntStream.of(a).boxed().toArray(Integer[]::new);
  }
}
