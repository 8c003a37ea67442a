package dev.squeeze.png.deflate;

import java.nio.ByteBuffer;

/** Test helper: a non-interlaced PNG's unfiltered rows and their geometry. */
final class PngRaw {
  final int height;
  final int rowBytes;
  final int bpp;
  final byte[] pixels;

  private PngRaw(int height, int rowBytes, int bpp, byte[] pixels) {
    this.height = height;
    this.rowBytes = rowBytes;
    this.bpp = bpp;
    this.pixels = pixels;
  }

  /** Null for interlaced files, which the brute-force search does not handle here. */
  static PngRaw of(byte[] png) {
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(16);
    int width = b.getInt();
    int height = b.getInt();
    int depth = png[24] & 0xFF;
    int colorType = png[25] & 0xFF;
    if (png[28] != 0) {
      return null;
    }
    int channels = switch (colorType) {
      case 0, 3 -> 1;
      case 2 -> 3;
      case 4 -> 2;
      case 6 -> 4;
      default -> throw new IllegalArgumentException("colour type " + colorType);
    };
    int bitsPerPixel = channels * depth;
    int rowBytes = (width * bitsPerPixel + 7) / 8;
    int bpp = Math.max(1, bitsPerPixel / 8);
    return new PngRaw(height, rowBytes, bpp, unfilter(IdatData.of(png), height, rowBytes, bpp));
  }

  static byte[] unfilter(byte[] data, int height, int rowBytes, int bpp) {
    byte[] px = new byte[height * rowBytes];
    for (int y = 0; y < height; y++) {
      int type = data[y * (rowBytes + 1)];
      int in = y * (rowBytes + 1) + 1;
      int row = y * rowBytes;
      for (int i = 0; i < rowBytes; i++) {
        int a = i >= bpp ? px[row + i - bpp] & 0xFF : 0;
        int up = y > 0 ? px[row - rowBytes + i] & 0xFF : 0;
        int c = y > 0 && i >= bpp ? px[row - rowBytes + i - bpp] & 0xFF : 0;
        int pred = switch (type) {
          case 0 -> 0;
          case 1 -> a;
          case 2 -> up;
          case 3 -> (a + up) >>> 1;
          case 4 -> Filters.paeth(a, up, c);
          default -> throw new IllegalArgumentException("filter " + type + " in row " + y);
        };
        px[row + i] = (byte) (data[in + i] + pred);
      }
    }
    return px;
  }

  /** All rows filtered with one type. */
  byte[] filteredWith(int type) {
    byte[] out = new byte[height * (rowBytes + 1)];
    for (int y = 0; y < height; y++) {
      out[y * (rowBytes + 1)] = (byte) type;
      Filters.apply(type, pixels, y * rowBytes, y == 0 ? -1 : (y - 1) * rowBytes, rowBytes, bpp, out,
          y * (rowBytes + 1) + 1);
    }
    return out;
  }
}
