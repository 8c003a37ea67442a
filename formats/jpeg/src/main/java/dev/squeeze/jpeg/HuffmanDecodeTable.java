package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;

/** A Huffman table from a DHT segment, prepared for decoding: a 9-bit look-up plus canonical slow path. */
final class HuffmanDecodeTable {
  /** 9 bits resolve most symbols in one look-up (libjpeg uses 8); longer codes take the slow path. */
  private static final int LOOKUP_BITS = 9;

  private final int[] fast = new int[1 << LOOKUP_BITS];
  private final int[] maxCode = new int[18];
  private final int[] valOffset = new int[17];
  private final int[] symbols;

  private HuffmanDecodeTable(int[] symbols) {
    this.symbols = symbols;
  }

  /**
   * @param counts counts[len] codes of each length 1..16 (index 0 unused)
   * @param symbols the symbols in code order
   */
  static HuffmanDecodeTable of(int[] counts, int[] symbols, boolean dc) throws CorruptInputException {
    HuffmanDecodeTable t = new HuffmanDecodeTable(symbols);
    int code = 0;
    int p = 0;
    for (int len = 1; len <= 16; len++) {
      t.valOffset[len] = p - code;
      for (int i = 0; i < counts[len]; i++) {
        int sym = symbols[p++];
        if (dc && sym > 15) {
          throw new CorruptInputException("JPEG DC Huffman table has symbol " + sym + " (at most 15)");
        }
        if (len <= LOOKUP_BITS) {
          int shift = LOOKUP_BITS - len;
          int base = code << shift;
          for (int j = 0; j < (1 << shift); j++) {
            t.fast[base + j] = (len << 8) | sym;
          }
        }
        code++;
      }
      t.maxCode[len] = counts[len] == 0 ? -1 : code - 1;
      // the all-ones code is reserved; libjpeg rejects tables that use it, and so do we
      if (code >= (1 << len)) {
        throw new CorruptInputException("JPEG Huffman table overflows its code space at length " + len);
      }
      code <<= 1;
    }
    t.maxCode[17] = Integer.MAX_VALUE;
    return t;
  }

  int decode(BitReader in) throws CorruptInputException {
    int peek = in.peek(16);
    int e = fast[peek >>> (16 - LOOKUP_BITS)];
    if (e != 0) {
      in.skip(e >>> 8);
      return e & 0xFF;
    }
    for (int len = LOOKUP_BITS + 1; len <= 16; len++) {
      int code = peek >>> (16 - len);
      if (code <= maxCode[len]) {
        in.skip(len);
        return symbols[valOffset[len] + code];
      }
    }
    throw new CorruptInputException("JPEG scan contains an invalid Huffman code");
  }
}
