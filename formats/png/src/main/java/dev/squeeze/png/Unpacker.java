package dev.squeeze.png;

/** Turns unfiltered PNG rows of any colour type and bit depth into {@link PixelImage} pixels. */
final class Unpacker {
  private final PngHeader h;
  private final int[] paletteArgb;
  private final int[] argb;
  private final long[] rgba16;
  /** The tRNS key colour in raw samples (grey, or r, g, b); -1 when there is none. */
  private final int keyGrey;
  private final int keyR;
  private final int keyG;
  private final int keyB;

  Unpacker(PngHeader h, byte[] plte, byte[] trns) {
    this.h = h;
    int n = h.width() * h.height();
    if (h.bitDepth() == 16) {
      rgba16 = new long[n];
      argb = null;
    } else {
      argb = new int[n];
      rgba16 = null;
    }
    int kg = -1;
    int kr = -1;
    int kgr = -1;
    int kb = -1;
    if (trns != null && h.colorType() == PngHeader.GREY && trns.length >= 2) {
      kg = PngBytes.u16(trns, 0);
    } else if (trns != null && h.colorType() == PngHeader.RGB && trns.length >= 6) {
      kr = PngBytes.u16(trns, 0);
      kgr = PngBytes.u16(trns, 2);
      kb = PngBytes.u16(trns, 4);
    }
    keyGrey = kg;
    keyR = kr;
    keyG = kgr;
    keyB = kb;
    if (h.colorType() == PngHeader.PALETTE) {
      // entries past PLTE's end decode as opaque black, as the JDK reader and libpng do
      paletteArgb = new int[256];
      java.util.Arrays.fill(paletteArgb, 0xFF000000);
      for (int i = 0; i < plte.length / 3; i++) {
        int a = trns != null && i < trns.length ? trns[i] & 0xFF : 0xFF;
        paletteArgb[i] = (a << 24) | ((plte[3 * i] & 0xFF) << 16) | ((plte[3 * i + 1] & 0xFF) << 8) | (plte[3 * i + 2] & 0xFF);
      }
    } else {
      paletteArgb = null;
    }
  }

  /** Reads {@code count} pixels from {@code raw} at {@code off} into row {@code y}, columns x0, x0+dx, .... */
  void row(byte[] raw, int off, int count, int x0, int dx, int y) {
    int base = y * h.width() + x0;
    int d = h.bitDepth();
    switch (h.colorType()) {
      case PngHeader.GREY -> {
        if (d == 16) {
          for (int i = 0; i < count; i++) {
            long v = PngBytes.u16(raw, off + 2 * i);
            rgba16[base + i * dx] = v == keyGrey ? 0 : (v << 48) | (v << 32) | (v << 16) | 0xFFFF;
          }
        } else {
          int max = (1 << d) - 1;
          for (int i = 0; i < count; i++) {
            int v = sample(raw, off, i, d);
            int g = v * 255 / max;
            argb[base + i * dx] = v == keyGrey ? 0 : 0xFF000000 | (g << 16) | (g << 8) | g;
          }
        }
      }
      case PngHeader.PALETTE -> {
        for (int i = 0; i < count; i++) {
          argb[base + i * dx] = paletteArgb[sample(raw, off, i, d)];
        }
      }
      case PngHeader.RGB -> {
        if (d == 16) {
          for (int i = 0; i < count; i++) {
            int p = off + 6 * i;
            long r = PngBytes.u16(raw, p);
            long g = PngBytes.u16(raw, p + 2);
            long b = PngBytes.u16(raw, p + 4);
            boolean key = r == keyR && g == keyG && b == keyB;
            rgba16[base + i * dx] = key ? 0 : (r << 48) | (g << 32) | (b << 16) | 0xFFFF;
          }
        } else {
          for (int i = 0; i < count; i++) {
            int p = off + 3 * i;
            int r = raw[p] & 0xFF;
            int g = raw[p + 1] & 0xFF;
            int b = raw[p + 2] & 0xFF;
            boolean key = r == keyR && g == keyG && b == keyB;
            argb[base + i * dx] = key ? 0 : 0xFF000000 | (r << 16) | (g << 8) | b;
          }
        }
      }
      case PngHeader.GREY_ALPHA -> {
        if (d == 16) {
          for (int i = 0; i < count; i++) {
            long v = PngBytes.u16(raw, off + 4 * i);
            long a = PngBytes.u16(raw, off + 4 * i + 2);
            rgba16[base + i * dx] = (v << 48) | (v << 32) | (v << 16) | a;
          }
        } else {
          for (int i = 0; i < count; i++) {
            int v = raw[off + 2 * i] & 0xFF;
            int a = raw[off + 2 * i + 1] & 0xFF;
            argb[base + i * dx] = (a << 24) | (v << 16) | (v << 8) | v;
          }
        }
      }
      default -> {
        if (d == 16) {
          for (int i = 0; i < count; i++) {
            int p = off + 8 * i;
            long r = PngBytes.u16(raw, p);
            long g = PngBytes.u16(raw, p + 2);
            long b = PngBytes.u16(raw, p + 4);
            long a = PngBytes.u16(raw, p + 6);
            rgba16[base + i * dx] = (r << 48) | (g << 32) | (b << 16) | a;
          }
        } else {
          for (int i = 0; i < count; i++) {
            int p = off + 4 * i;
            argb[base + i * dx] = ((raw[p + 3] & 0xFF) << 24) | ((raw[p] & 0xFF) << 16) | ((raw[p + 1] & 0xFF) << 8)
                | (raw[p + 2] & 0xFF);
          }
        }
      }
    }
  }

  private static int sample(byte[] raw, int off, int i, int depth) {
    if (depth == 8) {
      return raw[off + i] & 0xFF;
    }
    int bit = i * depth;
    return (raw[off + (bit >>> 3)] >>> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  }

  PixelImage image() {
    return argb != null ? PixelImage.of8(h.width(), h.height(), argb) : PixelImage.of16(h.width(), h.height(), rgba16);
  }
}
