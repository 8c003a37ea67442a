package dev.squeeze.png.deflate;

/**
 * Bit costs of literals and matches that the optimal parser minimises: either the fixed Huffman code's
 * lengths, or entropy estimates (-log2 of a symbol's share) from symbol statistics. Fractional entropy
 * costs rather than integer Huffman lengths are what Zopfli found to converge best, because they still
 * tell rare symbols apart that a Huffman code would round to the same length.
 */
final class SymbolCosts {
  final double[] literal = new double[256];
  /** Cost of a match length including its extra bits, indexed 3..258. */
  final double[] length = new double[DeflateTables.MAX_MATCH + 1];
  /** Cost of a distance symbol including its extra bits, indexed 0..29. */
  final double[] distSymbol = new double[30];

  private SymbolCosts() {}

  double match(int len, int dist) {
    return length[len] + distSymbol[DeflateTables.distSymbol(dist)];
  }

  /** The smallest cost any match can have, a bound the parser uses to skip hopeless work. */
  double minMatchCost() {
    double minLen = Double.MAX_VALUE;
    for (int l = DeflateTables.MIN_MATCH; l <= DeflateTables.MAX_MATCH; l++) {
      minLen = Math.min(minLen, length[l]);
    }
    double minDist = Double.MAX_VALUE;
    for (double d : distSymbol) {
      minDist = Math.min(minDist, d);
    }
    return minLen + minDist;
  }

  /** Costs of the fixed Huffman code of RFC 1951 section 3.2.6. */
  static SymbolCosts fixed() {
    SymbolCosts c = new SymbolCosts();
    for (int i = 0; i < 256; i++) {
      c.literal[i] = i < 144 ? 8 : 9;
    }
    for (int l = DeflateTables.MIN_MATCH; l <= DeflateTables.MAX_MATCH; l++) {
      int sym = DeflateTables.lengthSymbol(l);
      c.length[l] = (sym < 280 ? 7 : 8) + DeflateTables.lengthExtraBits(l);
    }
    for (int s = 0; s < 30; s++) {
      c.distSymbol[s] = 5 + DeflateTables.distSymbolExtraBits(s);
    }
    return c;
  }

  /** Entropy costs from symbol counts; a symbol never seen costs as much as one seen once. */
  static SymbolCosts entropy(double[] litlenCounts, double[] distCounts) {
    return ofSymbolBits(entropyBits(litlenCounts, DeflateTables.LITLEN_SYMBOLS), entropyBits(distCounts, 30));
  }

  /** Costs of literals, lengths and distances from the bits of each literal/length and distance symbol. */
  private static SymbolCosts ofSymbolBits(double[] ll, double[] d) {
    SymbolCosts c = new SymbolCosts();
    System.arraycopy(ll, 0, c.literal, 0, 256);
    for (int l = DeflateTables.MIN_MATCH; l <= DeflateTables.MAX_MATCH; l++) {
      c.length[l] = ll[DeflateTables.lengthSymbol(l)] + DeflateTables.lengthExtraBits(l);
    }
    for (int s = 0; s < 30; s++) {
      c.distSymbol[s] = d[s] + DeflateTables.distSymbolExtraBits(s);
    }
    return c;
  }

  /**
   * Costs from the code lengths a block would actually use; a symbol without a code (length 0) is priced as
   * if it got the longest code plus one, since adding it lengthens the tree.
   */
  static SymbolCosts codeLengths(int[] litlenLengths, int[] distLengths) {
    return ofSymbolBits(codeBits(litlenLengths, DeflateTables.LITLEN_SYMBOLS), codeBits(distLengths, 30));
  }

  private static double[] codeBits(int[] lengths, int n) {
    int max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, lengths[i]);
    }
    double[] bits = new double[n];
    for (int i = 0; i < n; i++) {
      bits[i] = lengths[i] == 0 ? max + 1 : lengths[i];
    }
    return bits;
  }


  private static double[] entropyBits(double[] counts, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += counts[i];
    }
    double log2Sum = sum == 0 ? log2(n) : log2(sum);
    double[] bits = new double[n];
    for (int i = 0; i < n; i++) {
      bits[i] = counts[i] <= 0 ? log2Sum : Math.max(0, log2Sum - log2(counts[i]));
    }
    return bits;
  }

  private static double log2(double x) {
    return Math.log(x) * (1 / Math.log(2));
  }
}
