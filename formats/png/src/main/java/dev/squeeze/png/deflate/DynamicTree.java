package dev.squeeze.png.deflate;

import java.util.Arrays;

/**
 * The two Huffman codes of a dynamic block and the cheapest way to send them (RFC 1951 section 3.2.7):
 * code lengths are run-length coded with symbols 16, 17 and 18, and every on/off combination of those
 * three is tried because for small blocks leaving one out can save header bits.
 */
final class DynamicTree {
  private static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  private static final int MAX_BITS = 15;
  private static final int MAX_CL_BITS = 7;

  final int[] litlenLengths;
  final int[] distLengths;
  private final int rleFlags;
  private final long headerBits;
  private final long dataBits;

  private DynamicTree(int[] ll, int[] d, int rleFlags, long headerBits, long dataBits) {
    this.litlenLengths = ll;
    this.distLengths = d;
    this.rleFlags = rleFlags;
    this.headerBits = headerBits;
    this.dataBits = dataBits;
  }

  /** Total bits of the block after its 3-bit block header: code description plus data. */
  long bits() {
    return headerBits + dataBits;
  }

  /**
   * The cheapest dynamic tree for these counts (end of block already counted in {@code ll}). Tries the
   * plain optimal lengths and lengths from counts smoothed for run-length coding (an idea from Brotli that
   * Zopfli adopted), keeping whichever makes the whole block smaller.
   */
  static DynamicTree build(long[] ll, long[] d) {
    DynamicTree plain = forCounts(ll, d, ll, d);
    DynamicTree smoothed = forCounts(RleSmoothing.smooth(ll), RleSmoothing.smooth(d), ll, d);
    return smoothed.bits() < plain.bits() ? smoothed : plain;
  }

  private static DynamicTree forCounts(long[] llShape, long[] dShape, long[] ll, long[] d) {
    int[] llLen = HuffmanCodes.lengthLimited(llShape, MAX_BITS);
    int[] dLen = HuffmanCodes.lengthLimited(dShape, MAX_BITS);
    patchDistances(dLen);
    long data = 0;
    for (int s = 0; s < ll.length; s++) {
      if (ll[s] > 0) {
        data += ll[s] * (llLen[s] + DeflateTables.symbolExtraBits(s));
      }
    }
    for (int s = 0; s < 30; s++) {
      if (d[s] > 0) {
        data += d[s] * (dLen[s] + DeflateTables.distSymbolExtraBits(s));
      }
    }
    long bestHeader = Long.MAX_VALUE;
    int bestFlags = 0;
    int[] seq = sequence(llLen, dLen);
    for (int flags = 0; flags < 8; flags++) {
      long h = headerBits(seq, countsOf(seq, flags), flags);
      if (h < bestHeader) {
        bestHeader = h;
        bestFlags = flags;
      }
    }
    return new DynamicTree(llLen, dLen, bestFlags, bestHeader, data);
  }

  /**
   * Some old inflaters reject a distance code with fewer than two codes; giving two codes a length of one
   * costs nothing when no distance is used, and at most one bit per distance otherwise (as zlib does).
   */
  private static void patchDistances(int[] dLen) {
    int used = 0;
    int only = -1;
    for (int i = 0; i < 30; i++) {
      if (dLen[i] != 0) {
        used++;
        only = i;
      }
    }
    if (used == 0) {
      dLen[0] = 1;
      dLen[1] = 1;
    } else if (used == 1) {
      dLen[only == 0 ? 1 : 0] = 1;
    }
  }

  /** Writes the code description (HLIT, HDIST, HCLEN and the coded lengths). */
  void writeHeader(BitWriter out) {
    int[] seq = sequence(litlenLengths, distLengths);
    int hlit = hlit(litlenLengths);
    int hdist = hdist(distLengths);
    long[] clCounts = countsOf(seq, rleFlags);
    int[] clLen = clLengths(clCounts);
    int[] clCode = HuffmanCodes.canonicalCodes(clLen, MAX_CL_BITS);
    int hclen = hclen(clLen);
    out.writeBits(hlit - 257, 5);
    out.writeBits(hdist - 1, 5);
    out.writeBits(hclen - 4, 4);
    for (int i = 0; i < hclen; i++) {
      out.writeBits(clLen[CL_ORDER[i]], 3);
    }
    rle(seq, rleFlags, (sym, extra) -> {
      out.writeCode(clCode[sym], clLen[sym]);
      if (sym == 16) {
        out.writeBits(extra, 2);
      } else if (sym == 17) {
        out.writeBits(extra, 3);
      } else if (sym == 18) {
        out.writeBits(extra, 7);
      }
    });
  }

  private static long headerBits(int[] seq, long[] clCounts, int flags) {
    int[] clLen = clLengths(clCounts);
    long bits = 14 + 3L * hclen(clLen);
    for (int s = 0; s < 19; s++) {
      bits += clCounts[s] * clLen[s];
    }
    return bits + clCounts[16] * 2 + clCounts[17] * 3 + clCounts[18] * 7;
  }

  /**
   * zlib's inflate rejects an incomplete code-length code, so a lone code-length symbol gets a partner.
   */
  private static int[] clLengths(long[] clCounts) {
    int[] len = HuffmanCodes.lengthLimited(clCounts, MAX_CL_BITS);
    int used = 0;
    for (int l : len) {
      used += l > 0 ? 1 : 0;
    }
    if (used == 1) {
      len[len[0] == 0 ? 0 : 1] = 1;
    }
    return len;
  }

  private static long[] countsOf(int[] seq, int flags) {
    long[] counts = new long[19];
    rle(seq, flags, (sym, extra) -> counts[sym]++);
    return counts;
  }

  private static int hclen(int[] clLen) {
    int hclen = 19;
    while (hclen > 4 && clLen[CL_ORDER[hclen - 1]] == 0) {
      hclen--;
    }
    return hclen;
  }

  private static int hlit(int[] llLen) {
    int n = 286;
    while (n > 257 && llLen[n - 1] == 0) {
      n--;
    }
    return n;
  }

  private static int hdist(int[] dLen) {
    int n = 30;
    while (n > 1 && dLen[n - 1] == 0) {
      n--;
    }
    return n;
  }

  private static int[] sequence(int[] llLen, int[] dLen) {
    int hlit = hlit(llLen);
    int hdist = hdist(dLen);
    int[] seq = Arrays.copyOf(llLen, hlit + hdist);
    System.arraycopy(dLen, 0, seq, hlit, hdist);
    return seq;
  }

  interface ClSink {
    void emit(int symbol, int extra);
  }

  /**
   * Run-length codes {@code seq}; flags bit 0 allows symbol 16 (repeat previous), bit 1 symbol 17 (3-10
   * zeros), bit 2 symbol 18 (11-138 zeros).
   */
  static void rle(int[] seq, int flags, ClSink sink) {
    boolean use16 = (flags & 1) != 0;
    boolean use17 = (flags & 2) != 0;
    boolean use18 = (flags & 4) != 0;
    int i = 0;
    int n = seq.length;
    while (i < n) {
      int v = seq[i];
      int run = 1;
      while (i + run < n && seq[i + run] == v) {
        run++;
      }
      i += run;
      if (v == 0 && (use17 || use18)) {
        while (run >= 3) {
          if (use18 && run >= 11) {
            int r = Math.min(run, 138);
            sink.emit(18, r - 11);
            run -= r;
          } else if (use17) {
            int r = Math.min(run, 10);
            sink.emit(17, r - 3);
            run -= r;
          } else {
            break;
          }
        }
      } else if (use16 && run >= 4) {
        sink.emit(v, 0);
        run--;
        while (run >= 3) {
          int r = Math.min(run, 6);
          sink.emit(16, r - 3);
          run -= r;
        }
      }
      for (; run > 0; run--) {
        sink.emit(v, 0);
      }
    }
  }
}
