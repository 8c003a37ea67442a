package dev.squeeze.png;

import dev.squeeze.CorruptInputException;

/** The IHDR fields, checked against the PNG specification's allowed combinations. */
record PngHeader(int width, int height, int bitDepth, int colorType, boolean interlaced) {
  static final int GREY = 0;
  static final int RGB = 2;
  static final int PALETTE = 3;
  static final int GREY_ALPHA = 4;
  static final int RGBA = 6;

  static PngHeader parse(byte[] d) throws CorruptInputException {
    if (d.length != 13) {
      throw new CorruptInputException("IHDR must be 13 bytes, was " + d.length);
    }
    long w = PngBytes.u32(d, 0);
    long h = PngBytes.u32(d, 4);
    int depth = d[8] & 0xFF;
    int type = d[9] & 0xFF;
    if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      throw new CorruptInputException("IHDR dimensions out of range: " + w + "x" + h);
    }
    boolean ok = switch (type) {
      case GREY -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
      case PALETTE -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
      case RGB, GREY_ALPHA, RGBA -> depth == 8 || depth == 16;
      default -> false;
    };
    if (!ok) {
      throw new CorruptInputException("IHDR colour type " + type + " with bit depth " + depth + " is not valid PNG");
    }
    if (d[10] != 0 || d[11] != 0) {
      throw new CorruptInputException("IHDR compression/filter method must be 0");
    }
    if ((d[12] & 0xFF) > 1) {
      throw new CorruptInputException("IHDR interlace method must be 0 or 1, was " + (d[12] & 0xFF));
    }
    return new PngHeader((int) w, (int) h, depth, type, d[12] == 1);
  }

  static int channels(int colorType) {
    return switch (colorType) {
      case GREY, PALETTE -> 1;
      case GREY_ALPHA -> 2;
      case RGB -> 3;
      default -> 4;
    };
  }

  int bitsPerPixel() {
    return channels(colorType) * bitDepth;
  }

  /** Bytes of one unfiltered row of {@code w} pixels, without the filter-type byte. */
  static long rowBytes(long w, int bitsPerPixel) {
    return (w * bitsPerPixel + 7) / 8;
  }

  /** Bytes of the whole decompressed image data (filter bytes included), interlaced or not. */
  long rawSize() {
    int bpp = bitsPerPixel();
    if (!interlaced) {
      return height * (1 + rowBytes(width, bpp));
    }
    long total = 0;
    for (int p = 0; p < 7; p++) {
      long pw = Adam7.passWidth(width, p);
      long ph = Adam7.passHeight(height, p);
      if (pw > 0 && ph > 0) {
        total += ph * (1 + rowBytes(pw, bpp));
      }
    }
    return total;
  }

  byte[] toBytes() {
    byte[] d = new byte[13];
    PngBytes.put32(d, 0, width);
    PngBytes.put32(d, 4, height);
    d[8] = (byte) bitDepth;
    d[9] = (byte) colorType;
    d[12] = (byte) (interlaced ? 1 : 0);
    return d;
  }
}
