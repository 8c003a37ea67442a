package dev.squeeze.png.deflate;

/** The fixed tables of RFC 1951 section 3.2.5: length and distance symbols with their extra bits. */
final class DeflateTables {
  static final int MIN_MATCH = 3;
  static final int MAX_MATCH = 258;
  static final int WINDOW = 32768;
  static final int END_OF_BLOCK = 256;
  /** Literal/length alphabet size including the two unused symbols 286 and 287 (fixed code). */
  static final int LITLEN_SYMBOLS = 288;
  static final int DIST_SYMBOLS = 32;

  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163,
    195, 227, 258
  };
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DIST_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577
  };
  private static final int[] DIST_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };

  private static final short[] LENGTH_SYMBOL = new short[MAX_MATCH + 1];
  private static final byte[] DIST_SYMBOL = new byte[WINDOW + 1];

  static {
    for (int code = 0; code < LENGTH_BASE.length; code++) {
      int end = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] : MAX_MATCH + 1;
      for (int len = LENGTH_BASE[code]; len < end; len++) {
        LENGTH_SYMBOL[len] = (short) (257 + code);
      }
    }
    // length 258 has its own symbol 285 although 284's range would also reach it
    LENGTH_SYMBOL[MAX_MATCH] = 285;
    for (int code = 0; code < DIST_BASE.length; code++) {
      int end = code + 1 < DIST_BASE.length ? DIST_BASE[code + 1] : WINDOW + 1;
      for (int d = DIST_BASE[code]; d < end; d++) {
        DIST_SYMBOL[d] = (byte) code;
      }
    }
  }

  private DeflateTables() {}

  /** Literal/length symbol (257..285) for a match length 3..258. */
  static int lengthSymbol(int length) {
    return LENGTH_SYMBOL[length];
  }

  static int lengthExtraBits(int length) {
    return LENGTH_EXTRA[LENGTH_SYMBOL[length] - 257];
  }

  static int lengthExtraValue(int length) {
    return length - LENGTH_BASE[LENGTH_SYMBOL[length] - 257];
  }

  /** Extra bits of a literal/length symbol (0 for literals and end of block). */
  static int symbolExtraBits(int litlenSymbol) {
    return litlenSymbol <= 256 || litlenSymbol > 285 ? 0 : LENGTH_EXTRA[litlenSymbol - 257];
  }

  /** Distance symbol (0..29) for a distance 1..32768. */
  static int distSymbol(int dist) {
    return DIST_SYMBOL[dist];
  }

  static int distSymbolExtraBits(int distSymbol) {
    return DIST_EXTRA[distSymbol];
  }

  static int distExtraBits(int dist) {
    return DIST_EXTRA[DIST_SYMBOL[dist]];
  }

  static int distExtraValue(int dist) {
    return dist - DIST_BASE[DIST_SYMBOL[dist]];
  }
}
