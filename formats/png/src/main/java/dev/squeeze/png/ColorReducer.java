package dev.squeeze.png;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The lossless reductions: finds every smaller colour type and bit depth that stores exactly the same
 * pixels (opaque alpha dropped, RGB to grey, up to 256 colours to a palette in several orders, 1/2/4-bit
 * grey and palettes, a single transparent colour as a tRNS key) and builds each as an {@link Encoding}.
 */
final class ColorReducer {
  private ColorReducer() {}

  static List<Encoding> candidates(PixelImage img, boolean tryAllPaletteOrders) {
    return candidates(img, tryAllPaletteOrders, false);
  }

  /** @param edgeFirstPalette also try the palette order of {@link PaletteBuilder#encodings} for maximum effort */
  static List<Encoding> candidates(PixelImage img, boolean tryAllPaletteOrders, boolean edgeFirstPalette) {
    return img.isSixteenBit() ? candidates16(img) : candidates8(img, tryAllPaletteOrders, edgeFirstPalette);
  }

  private static List<Encoding> candidates8(PixelImage img, boolean tryAllPaletteOrders, boolean edgeFirstPalette) {
    int[] px = img.argb;
    boolean opaque = true;
    boolean binaryAlpha = true;
    boolean grey = true;
    for (int p : px) {
      int a = p >>> 24;
      if (a != 255) {
        opaque = false;
        if (a != 0) {
          binaryAlpha = false;
        }
      }
      if (((p >> 16) & 0xFF) != (p & 0xFF) || ((p >> 8) & 0xFF) != (p & 0xFF)) {
        grey = false;
      }
    }
    List<Encoding> out = new ArrayList<>();
    PaletteBuilder.Counts counts = PaletteBuilder.count(px, 256);
    if (counts != null) {
      out.addAll(PaletteBuilder.encodings(img, counts, tryAllPaletteOrders, edgeFirstPalette));
    }
    if (grey) {
      out.add(grey8(img, opaque, binaryAlpha));
    }
    // truecolour only when nothing smaller holds the colours, or when the palette may lose (many colours):
    // a heuristic that saves a trial: with up to 128 colours one index byte (or less) per pixel against three
    // and a PLTE of at most 396 bytes; with more colours the palette's 768 bytes can lose on small images
    if (!grey && (counts == null || counts.size() > 128)) {
      out.add(truecolor8(img, opaque, binaryAlpha));
    }
    return out;
  }

  private static Encoding grey8(PixelImage img, boolean opaque, boolean binaryAlpha) {
    int[] px = img.argb;
    BitSet used = new BitSet(256);
    for (int p : px) {
      if (p != 0 || opaque) {
        used.set(p & 0xFF);
      }
    }
    int depth = 1;
    for (; depth < 8; depth *= 2) {
      int step = 255 / ((1 << depth) - 1);
      boolean fits = true;
      for (int v = used.nextSetBit(0); v >= 0; v = used.nextSetBit(v + 1)) {
        if (v % step != 0) {
          fits = false;
          break;
        }
      }
      // a tRNS key only at 8 bits: the JDK's reader ignores tRNS on 1/2/4-bit grey, and a palette covers those
      if (fits && opaque) {
        break;
      }
    }
    if (opaque || (binaryAlpha && freeGrey(used, depth) >= 0)) {
      int key = opaque ? -1 : freeGrey(used, depth);
      int step = 255 / ((1 << depth) - 1);
      PackedRows rows = new PackedRows(img.width, img.height, depth);
      for (int y = 0; y < img.height; y++) {
        for (int x = 0; x < img.width; x++) {
          int p = px[y * img.width + x];
          rows.put(x, y, p == 0 && !opaque ? key : (p & 0xFF) / step);
        }
      }
      byte[] trns = key < 0 ? null : new byte[] {0, (byte) key};
      return new Encoding("grey" + depth + (key < 0 ? "" : "+key"), PngHeader.GREY, depth, null, trns, img.width,
          img.height, rows.bytes());
    }
    byte[] rows = new byte[px.length * 2];
    for (int i = 0; i < px.length; i++) {
      rows[2 * i] = (byte) px[i];
      rows[2 * i + 1] = (byte) (px[i] >>> 24);
    }
    return new Encoding("grey-alpha8", PngHeader.GREY_ALPHA, 8, null, null, img.width, img.height, rows);
  }

  /** A grey level unused by opaque pixels at {@code depth}, in raw sample units, or -1. */
  private static int freeGrey(BitSet used, int depth) {
    int max = (1 << depth) - 1;
    int step = 255 / max;
    for (int v = 0; v <= max; v++) {
      if (!used.get(v * step)) {
        return v;
      }
    }
    return -1;
  }

  private static Encoding truecolor8(PixelImage img, boolean opaque, boolean binaryAlpha) {
    int[] px = img.argb;
    int key = -1;
    if (!opaque && binaryAlpha) {
      BitSet used = new BitSet(1 << 24);
      for (int p : px) {
        if (p != 0) {
          used.set(p & 0xFFFFFF);
        }
      }
      key = used.nextClearBit(0);
      if (key >= 1 << 24) {
        key = -1;
      }
    }
    if (opaque || key >= 0) {
      byte[] rows = new byte[px.length * 3];
      for (int i = 0; i < px.length; i++) {
        int p = px[i] == 0 && !opaque ? key : px[i];
        rows[3 * i] = (byte) (p >> 16);
        rows[3 * i + 1] = (byte) (p >> 8);
        rows[3 * i + 2] = (byte) p;
      }
      byte[] trns = key < 0 ? null : new byte[] {0, (byte) (key >> 16), 0, (byte) (key >> 8), 0, (byte) key};
      return new Encoding("rgb8" + (key < 0 ? "" : "+key"), PngHeader.RGB, 8, null, trns, img.width, img.height, rows);
    }
    byte[] rows = new byte[px.length * 4];
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      rows[4 * i] = (byte) (p >> 16);
      rows[4 * i + 1] = (byte) (p >> 8);
      rows[4 * i + 2] = (byte) p;
      rows[4 * i + 3] = (byte) (p >>> 24);
    }
    return new Encoding("rgba8", PngHeader.RGBA, 8, null, null, img.width, img.height, rows);
  }

  private static List<Encoding> candidates16(PixelImage img) {
    long[] px = img.rgba16;
    boolean opaque = true;
    boolean grey = true;
    for (long p : px) {
      if ((p & 0xFFFF) != 0xFFFF) {
        opaque = false;
      }
      long r = p >>> 48;
      if (r != ((p >>> 32) & 0xFFFF) || r != ((p >>> 16) & 0xFFFF)) {
        grey = false;
      }
    }
    int channels = (grey ? 1 : 3) + (opaque ? 0 : 1);
    int type = grey ? (opaque ? PngHeader.GREY : PngHeader.GREY_ALPHA) : (opaque ? PngHeader.RGB : PngHeader.RGBA);
    byte[] rows = new byte[px.length * channels * 2];
    int o = 0;
    for (long p : px) {
      long[] samples = grey ? new long[] {p >>> 48, p & 0xFFFF} : new long[] {p >>> 48, (p >>> 32) & 0xFFFF,
          (p >>> 16) & 0xFFFF, p & 0xFFFF};
      int n = grey ? 1 : 3;
      for (int c = 0; c < n; c++) {
        rows[o++] = (byte) (samples[c] >>> 8);
        rows[o++] = (byte) samples[c];
      }
      if (!opaque) {
        long a = p & 0xFFFF;
        rows[o++] = (byte) (a >>> 8);
        rows[o++] = (byte) a;
      }
    }
    return List.of(new Encoding(Arrays.asList("grey", "?", "rgb", "?", "grey-alpha", "?", "rgba").get(type) + "16",
        type, 16, null, null, img.width, img.height, rows));
  }
}
