package dev.squeeze.jpeg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses a progressive scan script by costing candidate scans, in the spirit of mozjpeg's
 * {@code optimize_scans}: per component, the AC band split (whole 1-63, or 1-s and s+1-63) and the
 * successive-approximation depth. A band's first scan at bit position {@code a} and each refinement scan
 * cost the same whatever other scans are chosen (they depend only on the coefficients, the band and the
 * bit position), so every candidate is coded once into a counter and the cheapest combination is exact
 * up to byte stuffing.
 */
final class ScanScriptSearch {
  /** Split points after which a band is cut: mozjpeg's candidates (2, 5, 8, 12, 18), from its jcmaster.c. */
  private static final int[] SPLITS = {2, 5, 8, 12, 18};
  /** Deepest first-scan bit position tried: mozjpeg tries up to 3 for luma (2 for chroma). */
  private static final int MAX_AL = 3;

  private final JpegImage image;

  private ScanScriptSearch(JpegImage image) {
    this.image = image;
  }

  /** The cheapest progressive script found for {@code image}. */
  static List<Scan> search(JpegImage image) {
    return new ScanScriptSearch(image).run();
  }

  private List<Scan> run() {
    int n = image.components.length;
    List<Scan> firsts = new ArrayList<>();
    List<Scan> refinements = new ArrayList<>();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    long interleaved = n > 1 && image.blocksPerMcu() <= 10 ? cost(new Scan(all, 0, 0, 0, 0)) : Long.MAX_VALUE;
    long separate = 0;
    for (int i = 0; i < n && separate < interleaved; i++) {
      separate += cost(new Scan(new int[] {i}, 0, 0, 0, 0));
    }
    if (interleaved <= separate) {
      firsts.add(new Scan(all, 0, 0, 0, 0));
    } else {
      for (int i = 0; i < n; i++) {
        firsts.add(new Scan(new int[] {i}, 0, 0, 0, 0));
      }
    }
    for (int i = 0; i < n; i++) {
      acPlan(i, firsts, refinements);
    }
    refinements.sort(Comparator.comparingInt(Scan::ah).reversed());
    List<Scan> script = new ArrayList<>(firsts);
    script.addAll(refinements);
    return script;
  }

  /** Band [lo, hi] of component c: costs of its first scan at each bit position and of each refinement. */
  private final class Band {
    final int lo;
    final int hi;
    final long[] first = new long[MAX_AL + 1];
    /** refine[k]: the scan that brings bit k in (Ah = k + 1, Al = k). */
    final long[] refine = new long[MAX_AL];

    Band(int c, int lo, int hi) {
      this.lo = lo;
      this.hi = hi;
      for (int a = 0; a <= MAX_AL; a++) {
        first[a] = cost(new Scan(new int[] {c}, lo, hi, 0, a));
      }
      for (int k = 0; k < MAX_AL; k++) {
        refine[k] = cost(new Scan(new int[] {c}, lo, hi, k + 1, k));
      }
    }

    /** Cheapest first-plus-refinements chain for this band alone, and its depth. */
    long best() {
      return chain(bestDepth());
    }

    int bestDepth() {
      int best = 0;
      for (int a = 1; a <= MAX_AL; a++) {
        if (chain(a) < chain(best)) {
          best = a;
        }
      }
      return best;
    }

    long chain(int a) {
      long c = first[a];
      for (int k = 0; k < a; k++) {
        c += refine[k];
      }
      return c;
    }
  }

  private void acPlan(int c, List<Scan> firsts, List<Scan> refinements) {
    Band full = new Band(c, 1, 63);
    Band[] low = new Band[SPLITS.length];
    Band[] high = new Band[SPLITS.length];
    for (int s = 0; s < SPLITS.length; s++) {
      low[s] = new Band(c, 1, SPLITS[s]);
      high[s] = new Band(c, SPLITS[s] + 1, 63);
    }
    // plan A: bands coded independently, each with its own depth (split index -1: the whole band)
    long bestA = full.best();
    int bestSplitA = -1;
    for (int s = 0; s < SPLITS.length; s++) {
      long v = low[s].best() + high[s].best();
      if (v < bestA) {
        bestA = v;
        bestSplitA = s;
      }
    }
    // plan B: one depth a for all of 1..63; first scans and each refinement level split independently
    long bestB = Long.MAX_VALUE;
    int bestDepthB = 0;
    for (int a = 1; a <= MAX_AL; a++) {
      long v = bestSplitCost(full, low, high, a, true);
      for (int k = 0; k < a; k++) {
        v += bestSplitCost(full, low, high, k, false);
      }
      if (v < bestB) {
        bestB = v;
        bestDepthB = a;
      }
    }
    int[] comp = {c};
    if (bestA <= bestB) {
      if (bestSplitA < 0) {
        addChain(comp, full, full.bestDepth(), firsts, refinements);
      } else {
        addChain(comp, low[bestSplitA], low[bestSplitA].bestDepth(), firsts, refinements);
        addChain(comp, high[bestSplitA], high[bestSplitA].bestDepth(), firsts, refinements);
      }
      return;
    }
    addLevel(comp, full, low, high, bestDepthB, true, firsts);
    for (int k = bestDepthB - 1; k >= 0; k--) {
      addLevel(comp, full, low, high, k, false, refinements);
    }
  }

  private static long levelCost(Band b, int level, boolean first) {
    return first ? b.first[level] : b.refine[level];
  }

  private static int bestSplit(Band full, Band[] low, Band[] high, int level, boolean first) {
    long best = levelCost(full, level, first);
    int split = -1;
    for (int s = 0; s < low.length; s++) {
      long v = levelCost(low[s], level, first) + levelCost(high[s], level, first);
      if (v < best) {
        best = v;
        split = s;
      }
    }
    return split;
  }

  private static long bestSplitCost(Band full, Band[] low, Band[] high, int level, boolean first) {
    int s = bestSplit(full, low, high, level, first);
    return s < 0 ? levelCost(full, level, first)
        : levelCost(low[s], level, first) + levelCost(high[s], level, first);
  }

  private static void addLevel(int[] comp, Band full, Band[] low, Band[] high, int level, boolean first,
      List<Scan> to) {
    int s = bestSplit(full, low, high, level, first);
    int ah = first ? 0 : level + 1;
    if (s < 0) {
      to.add(new Scan(comp, 1, 63, ah, level));
    } else {
      to.add(new Scan(comp, low[s].lo, low[s].hi, ah, level));
      to.add(new Scan(comp, high[s].lo, high[s].hi, ah, level));
    }
  }

  private static void addChain(int[] comp, Band b, int depth, List<Scan> firsts, List<Scan> refinements) {
    firsts.add(new Scan(comp, b.lo, b.hi, 0, depth));
    for (int k = depth - 1; k >= 0; k--) {
      refinements.add(new Scan(comp, b.lo, b.hi, k + 1, k));
    }
  }

  private long cost(Scan scan) {
    SymbolCounter counter = new SymbolCounter(8);
    ScanEncoder.encode(image, scan, counter);
    return ScanTables.optimise(counter, scan, 4).estimatedBytes(scan.comps().length);
  }
}
