package dev.squeeze.jpeg;

import java.util.Arrays;

/**
 * An optimal length-limited Huffman code for one table, built from symbol frequencies as in ITU T.81
 * Annex K.2 (code lengths by repeated merging of the two least frequent entries, then lengths over 16
 * bits folded back, with one reserved code point so that no code is all ones).
 */
final class HuffmanCode {
  /** counts[len]: codes of each length 1..16 (index 0 unused), as in a DHT segment. */
  final int[] counts;
  /** Symbols in code order, as in a DHT segment. */
  final int[] symbols;
  /** Code and length per symbol; length 0 for symbols that never occur. */
  final int[] code = new int[256];
  final int[] length = new int[256];

  private HuffmanCode(int[] counts, int[] symbols) {
    this.counts = counts;
    this.symbols = symbols;
    int c = 0;
    int p = 0;
    for (int len = 1; len <= 16; len++) {
      for (int i = 0; i < counts[len]; i++) {
        int s = symbols[p++];
        code[s] = c++;
        length[s] = len;
      }
      c <<= 1;
    }
  }

  /** The code for {@code freq} (256 symbol counts; not modified). A table with no symbols gets one dummy code. */
  static HuffmanCode optimal(long[] freq) {
    boolean any = false;
    for (int s = 0; s < 256 && !any; s++) {
      any = freq[s] != 0;
    }
    if (!any) {
      // no symbol at all (an empty scan): a valid one-entry table keeps decoders happy
      return new HuffmanCode(oneCode(), new int[] {0});
    }
    int[] codeSize = codeLengths(freq);
    int maxLen = 0;
    for (int i = 0; i <= 256; i++) {
      maxLen = Math.max(maxLen, codeSize[i]);
    }
    int[] bits = new int[Math.max(33, maxLen + 1)];
    for (int i = 0; i <= 256; i++) {
      if (codeSize[i] > 0) {
        bits[codeSize[i]]++;
      }
    }
    // Annex K.3 figure K.3: fold lengths over 16 back, keeping the code complete
    for (int i = bits.length - 1; i > 16; i--) {
      while (bits[i] > 0) {
        int j = i - 2;
        while (bits[j] == 0) {
          j--;
        }
        bits[i] -= 2;
        bits[i - 1]++;
        bits[j + 1] += 2;
        bits[j]--;
      }
    }
    int i = 16;
    while (bits[i] == 0) {
      i--;
    }
    bits[i]--; // drop the reserved code point
    int[] counts = Arrays.copyOf(bits, 17);
    int n = 0;
    for (int len = 1; len <= 16; len++) {
      n += counts[len];
    }
    int[] symbols = new int[n];
    int p = 0;
    for (int len = 1; len < bits.length; len++) {
      for (int s = 0; s < 256; s++) {
        if (codeSize[s] == len) {
          symbols[p++] = s;
        }
      }
    }
    return new HuffmanCode(counts, symbols);
  }

  /**
   * Unlimited Huffman code lengths for the 256 symbols plus the reserved one (index 256, count 1), by the
   * two-queue construction over the leaves sorted by count: O(n log n), where the literal K.2 procedure is
   * O(n^2) (it matters: the scan-script search builds hundreds of codes per image). The reserved entry sorts
   * first among equal counts, so it ends as deep as any, and dropping it keeps the code near optimal.
   */
  private static int[] codeLengths(long[] freq) {
    int n = 0;
    long[] keys = new long[257];
    for (int s = 0; s <= 256; s++) {
      long f = s == 256 ? 1 : freq[s];
      if (f > 0) {
        // count in the high bits; among equal counts the reserved entry first, then higher symbols first
        keys[n++] = (f << 9) | (s == 256 ? 0 : 256 - s + 1);
      }
    }
    Arrays.sort(keys, 0, n);
    int nodes = 2 * n - 1;
    long[] weight = new long[nodes];
    int[] parent = new int[nodes];
    int[] symbol = new int[n];
    for (int i = 0; i < n; i++) {
      weight[i] = keys[i] >>> 9;
      int tag = (int) (keys[i] & 511);
      symbol[i] = tag == 0 ? 256 : 256 - tag + 1;
    }
    int leaf = 0;
    int inner = n; // internal nodes are created in order of non-decreasing weight: a second queue
    for (int next = n; next < nodes; next++) {
      int a = leaf < n && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
      int b = leaf < n && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
      weight[next] = weight[a] + weight[b];
      parent[a] = next;
      parent[b] = next;
    }
    int[] depth = new int[nodes];
    for (int i = nodes - 2; i >= 0; i--) {
      depth[i] = depth[parent[i]] + 1;
    }
    int[] codeSize = new int[257];
    for (int i = 0; i < n; i++) {
      codeSize[symbol[i]] = depth[i];
    }
    return codeSize;
  }

  private static int[] oneCode() {
    int[] c = new int[17];
    c[1] = 1;
    return c;
  }

  /** Bits needed to code {@code freq} with this code (symbols only, not their appended magnitude bits). */
  long cost(long[] freq) {
    long bits = 0;
    for (int s = 0; s < 256; s++) {
      if (freq[s] != 0) {
        bits += freq[s] * length[s];
      }
    }
    return bits;
  }

  /** Bytes of this table inside a DHT segment: class/id, 16 counts, the symbols. */
  int tableBytes() {
    return 17 + symbols.length;
  }

  /** Bits for {@code freq} with its own optimal code: the cheapest a scan coding these symbols can be. */
  static long optimalCost(long[] freq) {
    return optimal(freq).cost(freq);
  }
}
