package dev.squeeze.png.deflate;

/** The five PNG filter types (PNG specification section 9.2), applied to one row. */
final class Filters {
  private Filters() {}

  /**
   * Writes row {@code row} of {@code px} filtered with {@code type} into {@code out} at {@code at}.
   *
   * @param prev offset of the previous row in {@code px}, or -1 for the first row (treated as zeros)
   */
  static void apply(int type, byte[] px, int row, int prev, int len, int bpp, byte[] out, int at) {
    for (int i = 0; i < len; i++) {
      int x = px[row + i] & 0xFF;
      int a = i >= bpp ? px[row + i - bpp] & 0xFF : 0;
      int b = prev >= 0 ? px[prev + i] & 0xFF : 0;
      int c = prev >= 0 && i >= bpp ? px[prev + i - bpp] & 0xFF : 0;
      int pred;
      switch (type) {
        case 0 -> pred = 0;
        case 1 -> pred = a;
        case 2 -> pred = b;
        case 3 -> pred = (a + b) >>> 1;
        case 4 -> pred = paeth(a, b, c);
        default -> throw new IllegalArgumentException("filter type " + type);
      }
      out[at + i] = (byte) (x - pred);
    }
  }

  static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) {
      return a;
    }
    return pb <= pc ? b : c;
  }
}
