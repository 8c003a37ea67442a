package dev.squeeze.png;

/**
 * Chooses each row's filter by the cost of its bytes under a byte histogram of the whole filtered image, and
 * refines the histogram from the choice over a few passes. Deflate's literal code is shared by the rows of a
 * block, so a row is cheap when it uses the byte values the other rows use; per-row entropy rewards a row for
 * being uniform in itself, even in byte values that are rare elsewhere.
 *
 * <p>A maximum-effort candidate. Under zopfli it was 0.01-0.2% smaller than per-row entropy on photos
 * (astronaut.png 417894 to 417806 bytes, coffee.png 439010 to 438901, page_scan_grey.png 40809 to 40779,
 * ZopfliOracleProbe) and larger on chelsea.png (215129 to 215521), so it is one more trial, not a replacement.
 */
final class GlobalEntropyFilter {
  /**
   * Refinement passes after the first choice (the loop also stops when no row changes). Not tuned: a guess
   * that the choice settles quickly, as each pass only moves rows towards the bytes most rows already use.
   */
  private static final int PASSES = 4;

  private GlobalEntropyFilter() {}

  static byte[] filter(Encoding e) {
    int stride = e.stride();
    int bpp = e.filterBpp();
    int height = e.height();
    byte[] rows = e.rows();
    byte[] chosen = new byte[height];
    byte[][] trial = new byte[5][stride];
    // the first model: every filter of every row counted, so no single filter is favoured at the start
    long[] hist = new long[256];
    for (int y = 0; y < height; y++) {
      filterAll(rows, y, stride, bpp, trial);
      for (byte[] t : trial) {
        for (byte b : t) {
          hist[b & 0xFF]++;
        }
      }
    }
    double[] cost = new double[256];
    for (int pass = 0; pass <= PASSES; pass++) {
      costs(hist, cost);
      long[] next = new long[256];
      boolean changed = false;
      for (int y = 0; y < height; y++) {
        filterAll(rows, y, stride, bpp, trial);
        int best = 0;
        double bestCost = Double.MAX_VALUE;
        for (int f = 0; f < 5; f++) {
          double c = 0;
          for (byte b : trial[f]) {
            c += cost[b & 0xFF];
          }
          if (c < bestCost) {
            bestCost = c;
            best = f;
          }
        }
        if (chosen[y] != best) {
          changed = true;
          chosen[y] = (byte) best;
        }
        for (byte b : trial[best]) {
          next[b & 0xFF]++;
        }
      }
      hist = next;
      if (!changed && pass > 0) {
        break;
      }
    }
    byte[] out = new byte[height * (stride + 1)];
    for (int y = 0; y < height; y++) {
      int f = chosen[y];
      Filters.filterRow(f, rows, y * stride, y == 0 ? -1 : (y - 1) * stride, stride, bpp, trial[0]);
      out[y * (stride + 1)] = (byte) f;
      System.arraycopy(trial[0], 0, out, y * (stride + 1) + 1, stride);
    }
    return out;
  }

  private static void filterAll(byte[] rows, int y, int stride, int bpp, byte[][] trial) {
    for (int f = 0; f < 5; f++) {
      Filters.filterRow(f, rows, y * stride, y == 0 ? -1 : (y - 1) * stride, stride, bpp, trial[f]);
    }
  }

  /** Bits per byte value under {@code hist}, with a half count for unseen values so none is free or infinite. */
  private static void costs(long[] hist, double[] cost) {
    double total = 0;
    for (long h : hist) {
      total += h + 0.5;
    }
    for (int i = 0; i < 256; i++) {
      cost[i] = -Math.log((hist[i] + 0.5) / total) / Math.log(2);
    }
  }
}
