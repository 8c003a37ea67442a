package dev.squeeze.png;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * Decoded pixels in the form every reduction starts from: 8-bit ARGB ints, or 16-bit RGBA longs when some
 * sample needs 16 bits. Fully transparent pixels are always zero: their colour is invisible, and a single
 * value there compresses best and lets a palette hold one transparent entry.
 */
final class PixelImage {
  final int width;
  final int height;
  /** 8-bit pixels as 0xAARRGGBB; null when {@link #rgba16} holds them. */
  final int[] argb;
  /** 16-bit pixels as RRRRGGGGBBBBAAAA; null when {@link #argb} holds them. */
  final long[] rgba16;

  private PixelImage(int width, int height, int[] argb, long[] rgba16) {
    this.width = width;
    this.height = height;
    this.argb = argb;
    this.rgba16 = rgba16;
  }

  static PixelImage of8(int width, int height, int[] argb) {
    for (int i = 0; i < argb.length; i++) {
      if ((argb[i] >>> 24) == 0) {
        argb[i] = 0;
      }
    }
    return new PixelImage(width, height, argb, null);
  }

  /** 16-bit pixels, narrowed to 8 bits when every sample's two bytes are equal (the lossless 16-to-8 reduction). */
  static PixelImage of16(int width, int height, long[] rgba16) {
    boolean narrow = true;
    for (int i = 0; i < rgba16.length; i++) {
      long p = rgba16[i];
      if ((p & 0xFFFF) == 0) {
        rgba16[i] = p = 0;
      }
      // each sample v is representable in 8 bits when v == b * 257, i.e. its high and low bytes are equal
      if (narrow && ((p >>> 8) & 0x00FF_00FF_00FF_00FFL) != (p & 0x00FF_00FF_00FF_00FFL)) {
        narrow = false;
      }
    }
    if (!narrow) {
      return new PixelImage(width, height, null, rgba16);
    }
    int[] argb = new int[rgba16.length];
    for (int i = 0; i < argb.length; i++) {
      long p = rgba16[i];
      argb[i] = (int) (((p & 0xFF) << 24) | ((p >>> 56) << 16) | (((p >>> 40) & 0xFF) << 8) | ((p >>> 24) & 0xFF));
    }
    return new PixelImage(width, height, argb, null);
  }

  /** The pixels as 8-bit ARGB: {@link #argb} itself, or the high byte of each 16-bit sample. */
  int[] argb8() {
    if (argb != null) {
      return argb;
    }
    int[] out = new int[rgba16.length];
    for (int i = 0; i < out.length; i++) {
      long p = rgba16[i];
      out[i] = (int) ((((p >>> 8) & 0xFF) << 24) | ((p >>> 56) << 16) | (((p >>> 40) & 0xFF) << 8) | ((p >>> 24) & 0xFF));
    }
    return out;
  }

  boolean isSixteenBit() {
    return rgba16 != null;
  }

  /** The pixels as a 16-bit or 8-bit RGBA BufferedImage (for scaling). */
  BufferedImage toBufferedImage() {
    if (argb != null) {
      BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      img.setRGB(0, 0, width, height, argb, 0, width);
      return img;
    }
    var cs = java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB);
    var cm = new java.awt.image.ComponentColorModel(cs, true, false, java.awt.Transparency.TRANSLUCENT,
        DataBuffer.TYPE_USHORT);
    WritableRaster r = cm.createCompatibleWritableRaster(width, height);
    int[] px = new int[4];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        long p = rgba16[y * width + x];
        px[0] = (int) (p >>> 48);
        px[1] = (int) ((p >>> 32) & 0xFFFF);
        px[2] = (int) ((p >>> 16) & 0xFFFF);
        px[3] = (int) (p & 0xFFFF);
        r.setPixel(x, y, px);
      }
    }
    return new BufferedImage(cm, r, false, null);
  }

  /** 8-bit pixels of any BufferedImage (the output of scaling). */
  static PixelImage fromBufferedImage(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    return of8(w, h, img.getRGB(0, 0, w, h, null, 0, w));
  }
}
