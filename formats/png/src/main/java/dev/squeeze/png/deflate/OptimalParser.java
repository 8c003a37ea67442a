package dev.squeeze.png.deflate;

import static dev.squeeze.png.deflate.DeflateTables.MAX_MATCH;
import static dev.squeeze.png.deflate.DeflateTables.MIN_MATCH;

import java.util.Arrays;

/**
 * LZ77 parses of a byte range: a lazy greedy parse (for first statistics and block splitting), and
 * Zopfli's iterated optimal parse, a shortest path over byte positions where every edge (a literal or a
 * match of some length) costs the bits the previous iteration's statistics predict. Each iteration
 * re-estimates the statistics from its own result, so parse and code converge together.
 *
 * <p>Two departures from Zopfli. A match edge of each length takes the cheapest distance symbol that
 * reaches it, not the nearest distance: image data repeats at a few distances (the pixel to the left, the
 * row above), whose symbols the statistics make cheap even when a nearer, rarer distance also matches
 * (BlocksProbe on the corpus outputs' scanlines: 2,562 bytes less in total, chelsea.png 210382 to 210029,
 * screenshot_gnome_tool.png 121679 to 121114, none more than 13 bytes larger). And the last passes are priced by
 * the integer code lengths the block will really use ({@link #FINAL_CODE_PASSES}).
 */
final class OptimalParser {
  /** Seed of the statistics perturbation; fixed so output is deterministic. Any value works. */
  private static final long SEED = 0x5EED_2013L;
  /** Iterations without improvement after which statistics are perturbed (Zopfli uses 5). */
  private static final int PERTURB_AFTER = 5;
  /** Weight of the previous statistics once perturbation has begun (Zopfli's 0.5: slower but better). */
  private static final double PREVIOUS_WEIGHT = 0.5;

  private final byte[] in;
  private final MatchFinder finder;
  /**
   * Over-relaxation of the statistics between iterations, before any perturbation: the next costs come from
   * {@code counts + BETA * (counts - previous counts)}, so a parse that drifts (photos drift over dozens of
   * iterations towards fewer, dearer matches) gets there in fewer iterations. Measured with BlocksProbe at 15
   * iterations on chelsea / astronaut / coffee / skimage_logo_rgba scanlines: 0: 209786 / 417722 / 438567 / 144480
   * bytes; 0.5: 209317 / 417741 / 438545 / 144454; 1: 209353 / 417529 / 438572 / 144437; 2: 209388 / 417499 /
   * 438400 / 144688.
   */
  private static final double BETA = 1;

  OptimalParser(byte[] in, MatchFinder finder) {
    this.in = in;
    this.finder = finder;
  }

  /**
   * Lazy greedy parse of [start, end): a match is deferred by one byte when the next position has a
   * longer one. Length-3 matches further than 1024 bytes back are scored one lower, since they usually
   * cost more than three literals (zlib's TOO_FAR heuristic).
   */
  LzStore greedy(int start, int end) {
    LzStore out = new LzStore();
    int pendingLen = 0;
    int pendingDist = 0;
    boolean pending = false;
    for (int pos = start; pos < end; pos++) {
      int m = finder.find(pos, end - pos);
      int len = m >>> 16;
      int dist = m & 0xFFFF;
      int score = score(len, dist);
      if (pending) {
        pending = false;
        if (score > score(pendingLen, pendingDist) + 1) {
          out.addLiteral(in[pos - 1], pos - 1);
          if (score >= MIN_MATCH && len < MAX_MATCH) {
            pending = true;
            pendingLen = len;
            pendingDist = dist;
            continue;
          }
        } else {
          out.addMatch(pendingLen, pendingDist, pos - 1);
          pos += pendingLen - 2;
          continue;
        }
      } else if (score >= MIN_MATCH && len < MAX_MATCH) {
        pending = true;
        pendingLen = len;
        pendingDist = dist;
        continue;
      }
      if (score >= MIN_MATCH) {
        out.addMatch(len, dist, pos);
        pos += len - 1;
      } else {
        out.addLiteral(in[pos], pos);
      }
    }
    // a deferred match starts at least 3 bytes before the end, so the loop always resolves it
    return out;
  }

  private static int score(int len, int dist) {
    return len == MIN_MATCH && dist > 1024 ? len - 1 : len;
  }

  /**
   * The best parse of [start, end) found in {@code iterations} rounds of shortest path, judged by the
   * size of a dynamic block.
   */
  LzStore optimal(int start, int end, int iterations) {
    // Two starting points, the better first pass wins. From the greedy parse's counts alone, photographic
    // data drifts over 30+ iterations towards a literal-heavy parse (matches get dearer as they get
    // rarer); counting every byte once more as a literal starts near that end. On data made of long
    // repeats (icons with transparent areas) that literal start is far off, and the greedy one is right.
    // Measured at 15 iterations: astronaut IDAT 422869 -> 418085 bytes, adwaita_trash_rgba unchanged.
    SymbolStats greedyStats = SymbolStats.of(greedy(start, end));
    SymbolStats literalStats = greedyStats.copy();
    for (int p = start; p < end; p++) {
      literalStats.litlen[in[p] & 0xFF]++;
    }
    double[] costs = new double[end - start + 1];
    int[] lengths = new int[end - start + 1];
    LzStore fromGreedy = shortestPath(start, end, greedyStats.costs(), costs, lengths);
    LzStore fromLiterals = shortestPath(start, end, literalStats.costs(), costs, lengths);
    long greedyCost = BlockWriter.dynamicBits(fromGreedy, 0, fromGreedy.size());
    long literalCost = BlockWriter.dynamicBits(fromLiterals, 0, fromLiterals.size());
    boolean literalsWin = literalCost < greedyCost;
    LzStore best = literalsWin ? fromLiterals : fromGreedy;
    long bestCost = Math.min(greedyCost, literalCost);
    SymbolStats bestStats = literalsWin ? literalStats : greedyStats;
    SymbolStats stats = SymbolStats.of(best);
    long lastCost = bestCost;
    DeterministicRandom rnd = new DeterministicRandom(SEED);
    boolean perturbed = false;
    SymbolStats prevCounts = null;
    for (int i = 1; i < iterations; i++) {
      LzStore current = shortestPath(start, end, stats.costs(), costs, lengths);
      long cost = BlockWriter.dynamicBits(current, 0, current.size());
      if (cost < bestCost) {
        best = current;
        bestStats = stats;
        bestCost = cost;
      }
      SymbolStats used = stats;
      SymbolStats counts = SymbolStats.of(current);
      stats = counts;
      if (perturbed) {
        stats = stats.plusWeighted(used, PREVIOUS_WEIGHT);
      } else if (prevCounts != null) {
        stats = counts.extrapolated(prevCounts, BETA);
      }
      prevCounts = counts;
      if (i > PERTURB_AFTER && cost == lastCost) {
        stats = bestStats.copy();
        stats.randomize(rnd);
        perturbed = true;
      }
      lastCost = cost;
    }
    // final passes priced by the integer code lengths the block will really have, not by entropy
    for (int i = 0; i < FINAL_CODE_PASSES; i++) {
      DynamicTree tree = BlockWriter.dynamicTree(best, 0, best.size());
      LzStore current = shortestPath(start, end, SymbolCosts.codeLengths(tree.litlenLengths, tree.distLengths),
          costs, lengths);
      long cost = BlockWriter.dynamicBits(current, 0, current.size());
      if (cost >= bestCost) {
        break;
      }
      best = current;
      bestCost = cost;
    }
    return best;
  }

  /**
   * Passes priced by the real code lengths after the entropy-priced iterations (they stop early once a pass
   * gains nothing). Measured with BlocksProbe on chelsea, astronaut, screenshot_gnome_tool and coffee's
   * scanlines: 0 passes 210029 / 417819 / 121114 / 438805 bytes, 1 pass 209804 / 417746 / 120933 / 438582,
   * 3 passes 209786 / 417722 / 120918 / 438567, 6 passes the same as 3.
   */
  private static final int FINAL_CODE_PASSES = 3;

  /** The shortest path under the fixed Huffman code's costs, for blocks that end up fixed. */
  LzStore optimalFixed(int start, int end) {
    return shortestPath(start, end, SymbolCosts.fixed(), new double[end - start + 1], new int[end - start + 1]);
  }

  // per-position scratch of the shortest path: each distance symbol's longest match, its cost, and their order
  private final int[] symLens = new int[DeflateTables.DIST_SYMBOLS];
  private final int[] symDists = new int[DeflateTables.DIST_SYMBOLS];
  private final double[] symCost = new double[DeflateTables.DIST_SYMBOLS];
  private final int[] order = new int[DeflateTables.DIST_SYMBOLS];
  /** Distance of the match ending at each node of the current shortest path. */
  private int[] dists = new int[0];

  private LzStore shortestPath(int start, int end, SymbolCosts model, double[] costs, int[] lengths) {
    int n = end - start;
    if (dists.length < n + 1) {
      dists = new int[n + 1];
    }
    Arrays.fill(costs, 0, n + 1, Double.POSITIVE_INFINITY);
    costs[0] = 0;
    double minMatch = model.minMatchCost();
    double longRunStep = model.match(MAX_MATCH, 1);
    for (int j = 0; j < n; j++) {
      int pos = start + j;
      while (j > MAX_MATCH + 1
          && finder.runLength(pos) > 2 * MAX_MATCH
          && finder.runLength(pos - MAX_MATCH) > MAX_MATCH
          && j + MAX_MATCH < n) {
        costs[j + MAX_MATCH] = costs[j] + longRunStep;
        lengths[j + MAX_MATCH] = MAX_MATCH;
        dists[j + MAX_MATCH] = 1;
        j += MAX_MATCH;
        pos += MAX_MATCH;
      }
      double base = costs[j];
      double lit = base + model.literal[in[pos] & 0xFF];
      if (lit < costs[j + 1]) {
        costs[j + 1] = lit;
        lengths[j + 1] = 1;
      }
      int count = finder.symbolMatches(pos, end - pos, symLens, symDists);
      if (count == 0) {
        continue;
      }
      // cheapest symbol first; each later symbol only adds the lengths beyond those already covered
      for (int k = 0; k < count; k++) {
        double c = model.distSymbol[DeflateTables.distSymbol(symDists[k])];
        int at = k;
        while (at > 0 && symCost[order[at - 1]] > c) {
          order[at] = order[at - 1];
          at--;
        }
        symCost[k] = c;
        order[at] = k;
      }
      int covered = MIN_MATCH - 1;
      for (int o = 0; o < count && covered < MAX_MATCH; o++) {
        int k = order[o];
        int len = symLens[k];
        if (len <= covered) {
          continue;
        }
        double distCost = symCost[k];
        int d = symDists[k];
        for (int l = covered + 1; l <= len; l++) {
          if (base + minMatch >= costs[j + l]) {
            continue;
          }
          double c = base + model.length[l] + distCost;
          if (c < costs[j + l]) {
            costs[j + l] = c;
            lengths[j + l] = l;
            dists[j + l] = d;
          }
        }
        covered = len;
      }
    }
    return follow(start, end, lengths);
  }

  private LzStore follow(int start, int end, int[] lengths) {
    int n = end - start;
    int steps = 0;
    for (int j = n; j > 0; j -= lengths[j]) {
      steps++;
    }
    int[] path = new int[steps];
    int k = steps;
    for (int j = n; j > 0; j -= lengths[j]) {
      path[--k] = j;
    }
    LzStore out = new LzStore();
    int pos = start;
    for (int j : path) {
      int len = lengths[j];
      if (len == 1) {
        out.addLiteral(in[pos], pos);
      } else {
        out.addMatch(len, dists[j], pos);
      }
      pos += len;
    }
    return out;
  }


}
