package dev.squeeze.png.deflate;

import java.util.Arrays;

/**
 * Length-limited Huffman code lengths by the package-merge algorithm (Larmore and Hirschberg, 1990),
 * which gives the optimal prefix code under a maximum code length, and canonical codes per RFC 1951
 * section 3.2.2.
 */
final class HuffmanCodes {
  private HuffmanCodes() {}

  /**
   * Optimal code lengths for {@code freqs} with no code longer than {@code maxBits}; unused symbols get 0.
   * A single used symbol gets length 1.
   */
  static int[] lengthLimited(long[] freqs, int maxBits) {
    int n = freqs.length;
    int[] lengths = new int[n];
    int used = 0;
    for (long f : freqs) {
      if (f > 0) {
        used++;
      }
    }
    if (used == 0) {
      return lengths;
    }
    int[] symbols = new int[used];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (freqs[i] > 0) {
        symbols[k++] = i;
      }
    }
    if (used == 1) {
      lengths[symbols[0]] = 1;
      return lengths;
    }
    if (used > (1 << maxBits)) {
      throw new IllegalArgumentException(used + " symbols cannot fit in " + maxBits + "-bit codes");
    }
    // leaves sorted by weight, ties by symbol, so that equal inputs always give equal codes
    long[] keys = new long[used];
    for (int i = 0; i < used; i++) {
      keys[i] = (freqs[symbols[i]] << 9) | symbols[i];
    }
    Arrays.sort(keys);
    int[] order = new int[used];
    long[] leafWeight = new long[used];
    for (int i = 0; i < used; i++) {
      order[i] = (int) (keys[i] & 511);
      leafWeight[i] = keys[i] >>> 9;
    }
    // An unrestricted Huffman code is optimal too when it fits the limit, and is far cheaper to build;
    // the block splitter builds thousands of codes, so try it first.
    int[] plain = plainHuffman(leafWeight);
    int deepest = 0;
    for (int l : plain) {
      deepest = Math.max(deepest, l);
    }
    if (deepest <= maxBits) {
      for (int i = 0; i < used; i++) {
        lengths[order[i]] = plain[i];
      }
      return lengths;
    }
    // Nodes: index < used is a leaf; packages live in flat arrays with two children each.
    int capacity = used + maxBits * used + 4;
    long[] weight = new long[capacity];
    int[] left = new int[capacity];
    int[] right = new int[capacity];
    System.arraycopy(leafWeight, 0, weight, 0, used);
    int nodes = used;
    int[] list = new int[2 * used];
    int listSize = used;
    for (int i = 0; i < used; i++) {
      list[i] = i;
    }
    int[] next = new int[2 * used];
    for (int level = 1; level < maxBits; level++) {
      // package adjacent pairs of the previous list, then merge them with the leaves by weight
      int packages = listSize / 2;
      int firstPackage = nodes;
      if (nodes + packages > capacity) {
        int grow = Math.max(capacity * 2, nodes + packages);
        weight = Arrays.copyOf(weight, grow);
        left = Arrays.copyOf(left, grow);
        right = Arrays.copyOf(right, grow);
        capacity = grow;
      }
      for (int p = 0; p < packages; p++) {
        int a = list[2 * p];
        int b = list[2 * p + 1];
        weight[nodes] = weight[a] + weight[b];
        left[nodes] = a;
        right[nodes] = b;
        nodes++;
      }
      int li = 0;
      int pi = 0;
      int out = 0;
      while (li < used || pi < packages) {
        if (pi >= packages || (li < used && weight[li] <= weight[firstPackage + pi])) {
          next[out++] = li++;
        } else {
          next[out++] = firstPackage + pi++;
        }
      }
      int[] t = list;
      list = next;
      next = t;
      listSize = out;
    }
    // the code length of a leaf is how often it occurs inside the first 2n-2 items
    int[] count = new int[used];
    int[] stack = new int[capacity];
    for (int i = 0; i < 2 * used - 2; i++) {
      int sp = 0;
      stack[sp++] = list[i];
      while (sp > 0) {
        int node = stack[--sp];
        if (node < used) {
          count[node]++;
        } else {
          stack[sp++] = left[node];
          stack[sp++] = right[node];
        }
      }
    }
    for (int i = 0; i < used; i++) {
      lengths[order[i]] = count[i];
    }
    return lengths;
  }

  /** Huffman depths of leaves sorted by ascending weight (two-queue construction, O(n)). */
  private static int[] plainHuffman(long[] w) {
    int m = w.length;
    long[] nodeWeight = new long[2 * m - 1];
    int[] parent = new int[2 * m - 1];
    System.arraycopy(w, 0, nodeWeight, 0, m);
    int leaf = 0;
    int inner = m;
    int next = m;
    for (; next < 2 * m - 1; next++) {
      int a = leaf < m && (inner >= next || nodeWeight[leaf] <= nodeWeight[inner]) ? leaf++ : inner++;
      int b = leaf < m && (inner >= next || nodeWeight[leaf] <= nodeWeight[inner]) ? leaf++ : inner++;
      nodeWeight[next] = nodeWeight[a] + nodeWeight[b];
      parent[a] = next;
      parent[b] = next;
    }
    int[] depth = new int[2 * m - 1];
    for (int i = 2 * m - 3; i >= 0; i--) {
      depth[i] = depth[parent[i]] + 1;
    }
    return java.util.Arrays.copyOf(depth, m);
  }

  /** Canonical codes (natural bit order) for the given lengths, RFC 1951 section 3.2.2. */
  static int[] canonicalCodes(int[] lengths, int maxBits) {
    int[] blCount = new int[maxBits + 1];
    for (int len : lengths) {
      if (len > 0) {
        blCount[len]++;
      }
    }
    int[] nextCode = new int[maxBits + 2];
    int code = 0;
    for (int bits = 1; bits <= maxBits; bits++) {
      code = (code + blCount[bits - 1]) << 1;
      nextCode[bits] = code;
    }
    int[] codes = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] > 0) {
        codes[i] = nextCode[lengths[i]]++;
      }
    }
    return codes;
  }
}
