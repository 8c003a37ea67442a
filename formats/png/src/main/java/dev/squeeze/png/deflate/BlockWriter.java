package dev.squeeze.png.deflate;

/** Sizes and writes the three kinds of deflate block (RFC 1951 section 3.2.3) for a range of a parse. */
final class BlockWriter {
  /** A stored block holds at most this many bytes (LEN is 16 bits). */
  private static final int MAX_STORED = 65535;
  private static final int[] FIXED_LL_LEN = new int[DeflateTables.LITLEN_SYMBOLS];
  private static final int[] FIXED_D_LEN = new int[DeflateTables.DIST_SYMBOLS];
  private static final int[] FIXED_LL_CODE;
  private static final int[] FIXED_D_CODE;

  static {
    for (int i = 0; i < DeflateTables.LITLEN_SYMBOLS; i++) {
      FIXED_LL_LEN[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    }
    java.util.Arrays.fill(FIXED_D_LEN, 5);
    FIXED_LL_CODE = HuffmanCodes.canonicalCodes(FIXED_LL_LEN, 15);
    FIXED_D_CODE = HuffmanCodes.canonicalCodes(FIXED_D_LEN, 15);
  }

  private BlockWriter() {}

  /** Input bytes covered by entries [from, to). */
  static int byteLength(LzStore s, int from, int to) {
    if (to <= from) {
      return 0;
    }
    return s.pos(to - 1) + s.span(to - 1) - s.pos(from);
  }

  /** Bits of stored blocks for {@code len} bytes: header and byte alignment counted as 5 bytes per block. */
  static long storedBits(int len) {
    long blocks = Math.max(1, (len + MAX_STORED - 1) / MAX_STORED);
    return blocks * 40 + len * 8L;
  }

  static long fixedBits(LzStore s, int from, int to) {
    long[] ll = new long[DeflateTables.LITLEN_SYMBOLS];
    long[] d = new long[DeflateTables.DIST_SYMBOLS];
    s.histogram(from, to, ll, d);
    long bits = 3 + FIXED_LL_LEN[DeflateTables.END_OF_BLOCK];
    for (int i = 0; i < ll.length; i++) {
      bits += ll[i] * (FIXED_LL_LEN[i] + DeflateTables.symbolExtraBits(i));
    }
    for (int i = 0; i < 30; i++) {
      bits += d[i] * (5 + DeflateTables.distSymbolExtraBits(i));
    }
    return bits;
  }

  static DynamicTree dynamicTree(LzStore s, int from, int to) {
    long[] ll = new long[DeflateTables.LITLEN_SYMBOLS];
    long[] d = new long[DeflateTables.DIST_SYMBOLS];
    s.histogram(from, to, ll, d);
    ll[DeflateTables.END_OF_BLOCK] = 1;
    return DynamicTree.build(ll, d);
  }

  static long dynamicBits(LzStore s, int from, int to) {
    return 3 + dynamicTree(s, from, to).bits();
  }

  /** The smallest of the three block kinds, in bits. */
  static long bestBits(LzStore s, int from, int to) {
    long stored = storedBits(byteLength(s, from, to));
    long fixed = fixedBits(s, from, to);
    long dyn = dynamicBits(s, from, to);
    return Math.min(stored, Math.min(fixed, dyn));
  }

  static void writeStored(BitWriter out, byte[] in, int start, int end, boolean last) {
    int p = start;
    do {
      int n = Math.min(MAX_STORED, end - p);
      boolean final_ = last && p + n == end;
      out.writeBits(final_ ? 1 : 0, 1);
      out.writeBits(0, 2);
      out.alignToByte();
      out.writeBits(n, 16);
      out.writeBits(~n & 0xFFFF, 16);
      out.writeBytes(in, p, n);
      p += n;
    } while (p < end);
  }

  static void writeFixed(BitWriter out, LzStore s, int from, int to, boolean last) {
    out.writeBits(last ? 1 : 0, 1);
    out.writeBits(1, 2);
    writeData(out, s, from, to, FIXED_LL_LEN, FIXED_LL_CODE, FIXED_D_LEN, FIXED_D_CODE);
  }

  static void writeDynamic(BitWriter out, LzStore s, int from, int to, DynamicTree tree, boolean last) {
    out.writeBits(last ? 1 : 0, 1);
    out.writeBits(2, 2);
    tree.writeHeader(out);
    int[] llCode = HuffmanCodes.canonicalCodes(tree.litlenLengths, 15);
    int[] dCode = HuffmanCodes.canonicalCodes(tree.distLengths, 15);
    writeData(out, s, from, to, tree.litlenLengths, llCode, tree.distLengths, dCode);
  }

  private static void writeData(
      BitWriter out, LzStore s, int from, int to, int[] llLen, int[] llCode, int[] dLen, int[] dCode) {
    for (int i = from; i < to; i++) {
      int d = s.dist(i);
      if (d == 0) {
        int lit = s.litlen(i);
        out.writeCode(llCode[lit], llLen[lit]);
      } else {
        int len = s.litlen(i);
        int sym = DeflateTables.lengthSymbol(len);
        out.writeCode(llCode[sym], llLen[sym]);
        out.writeBits(DeflateTables.lengthExtraValue(len), DeflateTables.lengthExtraBits(len));
        int ds = DeflateTables.distSymbol(d);
        out.writeCode(dCode[ds], dLen[ds]);
        out.writeBits(DeflateTables.distExtraValue(d), DeflateTables.distExtraBits(d));
      }
    }
    out.writeCode(llCode[DeflateTables.END_OF_BLOCK], llLen[DeflateTables.END_OF_BLOCK]);
  }
}
