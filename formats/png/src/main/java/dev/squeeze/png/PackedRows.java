package dev.squeeze.png;

/** Rows of 1-, 2-, 4- or 8-bit samples packed most significant bit first, as PNG stores them. */
final class PackedRows {
  private final int depth;
  private final int stride;
  private final byte[] bytes;

  PackedRows(int width, int height, int depth) {
    this.depth = depth;
    this.stride = (int) PngHeader.rowBytes(width, depth);
    this.bytes = new byte[stride * height];
  }

  void put(int x, int y, int value) {
    int bit = x * depth;
    int i = y * stride + (bit >>> 3);
    bytes[i] |= (byte) (value << (8 - depth - (bit & 7)));
  }

  byte[] bytes() {
    return bytes;
  }
}
