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
    long[] f = Arrays.copyOf(freq, 257);
    f[256] = 1; // the reserved code point: guarantees no real symbol gets the all-ones code
    int[] codeSize = new int[257];
    int[] others = new int[257];
    Arrays.fill(others, -1);
    while (true) {
      // the two least frequent live entries; ties go to the higher symbol value, as libjpeg's loop does
      int v1 = -1;
      int v2 = -1;
      long f1 = Long.MAX_VALUE;
      long f2 = Long.MAX_VALUE;
      for (int i = 0; i <= 256; i++) {
        long fi = f[i];
        if (fi == 0) {
          continue;
        }
        if (fi <= f1) {
          v2 = v1;
          f2 = f1;
          v1 = i;
          f1 = fi;
        } else if (fi <= f2) {
          v2 = i;
          f2 = fi;
        }
      }
      if (v2 < 0) {
        break;
      }
      f[v1] += f[v2];
      f[v2] = 0;
      codeSize[v1]++;
      int t = v1;
      while (others[t] >= 0) {
        t = others[t];
        codeSize[t]++;
      }
      others[t] = v2;
      codeSize[v2]++;
      t = v2;
      while (others[t] >= 0) {
        t = others[t];
        codeSize[t]++;
      }
    }
    int[] bits = new int[33];
    for (int i = 0; i <= 256; i++) {
      if (codeSize[i] > 0) {
        if (codeSize[i] > 32) {
          throw new IllegalStateException("Huffman code length " + codeSize[i] + " over 32");
        }
        bits[codeSize[i]]++;
      }
    }
    // Annex K.3 figure K.3: fold lengths over 16 back, keeping the code complete
    for (int i = 32; i > 16; i--) {
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
    for (int len = 1; len <= 32; len++) {
      for (int s = 0; s < 256; s++) {
        if (codeSize[s] == len) {
          symbols[p++] = s;
        }
      }
    }
    return new HuffmanCode(counts, symbols);
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
