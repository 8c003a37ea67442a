package dev.squeeze.png.deflate;

/**
 * Compresses one master block: split on a greedy parse, parse each block optimally, split again on the
 * optimal parse and keep whichever split is smaller, then write every block as the cheapest of stored,
 * fixed and dynamic.
 */
final class PartEncoder {
  /**
   * Blocks with fewer entries than this, or whose fixed coding is within 10% of dynamic, also get an
   * optimal parse under the fixed code's costs (Zopfli's rule: only then can fixed win).
   */
  private static final int FIXED_RETRY_ENTRIES = 1000;
  private static final double FIXED_RETRY_RATIO = 1.1;

  private final byte[] in;
  private final int start;
  private final int end;
  private final int iterations;
  private final int maxBlocks;
  private final OptimalParser parser;

  PartEncoder(byte[] in, int windowStart, int start, int end, int iterations, int maxBlocks, int maxChain) {
    this.in = in;
    this.start = start;
    this.end = end;
    this.iterations = iterations;
    this.maxBlocks = maxBlocks;
    this.parser = new OptimalParser(in, new MatchFinder(in, windowStart, start, end, maxChain));
  }

  void write(BitWriter out, boolean last) {
    LzStore greedy = parser.greedy(start, end);
    int[] greedySplit = BlockSplitter.split(greedy, maxBlocks);
    int[] byteBounds = new int[greedySplit.length + 2];
    byteBounds[0] = start;
    for (int k = 0; k < greedySplit.length; k++) {
      byteBounds[k + 1] = greedy.pos(greedySplit[k]);
    }
    byteBounds[byteBounds.length - 1] = end;

    LzStore combined = new LzStore();
    int[] firstSplit = new int[greedySplit.length];
    for (int k = 0; k + 1 < byteBounds.length; k++) {
      if (k > 0) {
        firstSplit[k - 1] = combined.size();
      }
      combined.appendAll(parser.optimal(byteBounds[k], byteBounds[k + 1], iterations));
    }
    int[] secondSplit = BlockSplitter.split(combined, maxBlocks);
    int[] split = totalBits(combined, secondSplit) < totalBits(combined, firstSplit) ? secondSplit : firstSplit;

    int from = 0;
    for (int k = 0; k <= split.length; k++) {
      int to = k < split.length ? split[k] : combined.size();
      writeBlock(out, combined, from, to, last && k == split.length);
      from = to;
    }
  }

  private static long totalBits(LzStore s, int[] split) {
    long bits = 0;
    int from = 0;
    for (int k = 0; k <= split.length; k++) {
      int to = k < split.length ? split[k] : s.size();
      bits += BlockWriter.bestBits(s, from, to);
      from = to;
    }
    return bits;
  }

  private void writeBlock(BitWriter out, LzStore s, int from, int to, boolean last) {
    int a = s.pos(from);
    int b = a + BlockWriter.byteLength(s, from, to);
    long stored = BlockWriter.storedBits(b - a);
    long fixed = BlockWriter.fixedBits(s, from, to);
    DynamicTree tree = BlockWriter.dynamicTree(s, from, to);
    long dynamic = 3 + tree.bits();
    LzStore fixedStore = s;
    int fixedFrom = from;
    int fixedTo = to;
    if (to - from < FIXED_RETRY_ENTRIES || fixed <= dynamic * FIXED_RETRY_RATIO) {
      LzStore alt = parser.optimalFixed(a, b);
      long altBits = BlockWriter.fixedBits(alt, 0, alt.size());
      if (altBits < fixed) {
        fixed = altBits;
        fixedStore = alt;
        fixedFrom = 0;
        fixedTo = alt.size();
      }
    }
    if (stored < fixed && stored < dynamic) {
      BlockWriter.writeStored(out, in, a, b, last);
    } else if (fixed < dynamic) {
      BlockWriter.writeFixed(out, fixedStore, fixedFrom, fixedTo, last);
    } else {
      BlockWriter.writeDynamic(out, s, from, to, tree, last);
    }
  }
}
