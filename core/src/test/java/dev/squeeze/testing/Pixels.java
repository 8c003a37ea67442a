package dev.squeeze.testing;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Decoded pixels in one canonical form, so that images stored differently (palette, grey, RGB, 8 or 16
 * bits) can be compared exactly: RGBA with 16 bits per channel, fully transparent pixels zeroed (their
 * colour is invisible, and optimizers may clean it).
 */
public final class Pixels {
  private final int width;
  private final int height;
  private final long[] rgba16;

  private Pixels(int width, int height, long[] rgba16) {
    this.width = width;
    this.height = height;
    this.rgba16 = rgba16;
  }

  public static Pixels of(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    long[] out = new long[w * h];
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    boolean sixteen = !(cm instanceof IndexColorModel) && r.getTransferType() == DataBuffer.TYPE_USHORT;
    // getRGB on a grey ComponentColorModel converts linear grey to sRGB (100 reads back as 168), so two
    // stores of the same grey pixels (grey vs palette or RGB) would compare unequal: read grey samples raw.
    boolean grey8 = !(cm instanceof IndexColorModel) && r.getTransferType() == DataBuffer.TYPE_BYTE
        && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    if (grey8) {
      boolean alpha = cm.hasAlpha();
      int[] px = new int[r.getNumBands()];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          r.getPixel(x, y, px);
          long v = px[0] * 257L;
          long a = alpha ? px[1] * 257L : 0xFFFF;
          out[y * w + x] = a == 0 ? 0 : (v << 48) | (v << 32) | (v << 16) | a;
        }
      }
    } else if (sixteen) {
      int bands = r.getNumBands();
      boolean alpha = cm.hasAlpha();
      int[] px = new int[bands];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          r.getPixel(x, y, px);
          long red;
          long g;
          long b;
          long a;
          if (bands <= 2) {
            red = g = b = px[0];
            a = alpha ? px[1] : 0xFFFF;
          } else {
            red = px[0];
            g = px[1];
            b = px[2];
            a = alpha ? px[3] : 0xFFFF;
          }
          out[y * w + x] = a == 0 ? 0 : (red << 48) | (g << 32) | (b << 16) | a;
        }
      }
    } else {
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < argb.length; i++) {
        long c = argb[i] & 0xFFFFFFFFL;
        long a = (c >>> 24) * 257;
        long red = ((c >> 16) & 0xFF) * 257;
        long g = ((c >> 8) & 0xFF) * 257;
        long b = (c & 0xFF) * 257;
        out[i] = a == 0 ? 0 : (red << 48) | (g << 32) | (b << 16) | a;
      }
    }
    return new Pixels(w, h, out);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Index of the first differing pixel, or -1 when both are identical in size and every pixel. */
  public int firstDifference(Pixels other) {
    if (width != other.width || height != other.height) {
      return 0;
    }
    return Arrays.mismatch(rgba16, other.rgba16);
  }

  /** A human-readable description of pixel {@code i}, for assertion messages. */
  public String describe(int i) {
    long p = rgba16[i];
    return String.format("(%d,%d) rgba16=%04x,%04x,%04x,%04x", i % width, i / width, p >>> 48, (p >>> 32) & 0xFFFF,
        (p >>> 16) & 0xFFFF, p & 0xFFFF);
  }
}
