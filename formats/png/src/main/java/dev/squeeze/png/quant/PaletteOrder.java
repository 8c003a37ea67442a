package dev.squeeze.png.quant;

import java.util.Arrays;

/**
 * Puts a palette in the order a PNG writer wants: entries that are not opaque first (so the tRNS chunk can
 * stop after them), then opaque entries from most to least used (small indices for common colours). Entries
 * no pixel uses are dropped.
 */
final class PaletteOrder {
  private PaletteOrder() {}

  static QuantizedImage arrange(int w, int h, int[] palette, byte[] idx, double mse, int quality, boolean exact) {
    int k = palette.length;
    long[] use = new long[k];
    for (byte b : idx) {
      use[b & 0xFF]++;
    }
    // sort keys: group (0 = not opaque, 1 = opaque), then alpha or popularity, then colour, then old index
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      int ax = palette[x] >>> 24;
      int ay = palette[y] >>> 24;
      boolean ox = ax == 0xFF;
      boolean oy = ay == 0xFF;
      if (ox != oy) {
        return ox ? 1 : -1;
      }
      int c = ox ? Long.compare(use[y], use[x]) : Integer.compare(ax, ay);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(palette[x], palette[y]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    int[] remap = new int[k];
    int used = 0;
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      int old = order[i];
      if (use[old] > 0) {
        remap[old] = used;
        out[used++] = palette[old];
      }
    }
    byte[] newIdx = new byte[idx.length];
    for (int i = 0; i < idx.length; i++) {
      newIdx[i] = (byte) remap[idx[i] & 0xFF];
    }
    return new QuantizedImage(w, h, Arrays.copyOf(out, used), newIdx, mse, quality, exact);
  }
}
