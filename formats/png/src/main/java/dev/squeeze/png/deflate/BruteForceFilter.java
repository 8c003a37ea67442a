package dev.squeeze.png.deflate;

import java.util.Objects;
import java.util.zip.Deflater;

/**
 * PNG scanline filtering (PNG specification section 9) chosen by brute force: each row gets the filter
 * type whose filtered bytes deflate smallest right after the rows already chosen. The rows before it
 * (up to {@link #CONTEXT_BYTES}) are given to the compressor as a preset dictionary, so a filter that lets
 * the row repeat earlier rows is rewarded, which the sum-of-absolute-values heuristic cannot see. This is
 * the idea of oxipng's and zopflipng's brute-force strategies; it costs five small deflate runs per row.
 *
 * <p>Intended for maximum effort: the result is one more candidate for the PNG engine to compress in full
 * and compare, since it usually, but not always, beats the heuristics.
 */
public final class BruteForceFilter {
  /**
   * Dictionary given to each trial: large enough to hold several rows of a typical image (and so the
   * matches that matter for the next row), small enough that presetting it costs little next to the row.
   */
  static final int CONTEXT_BYTES = 16 * 1024;
  /** zlib level of the trials; 9 measures best what a strong final deflate will see. */
  private static final int TRIAL_LEVEL = 9;

  private BruteForceFilter() {}

  /**
   * Filters {@code height} rows of {@code rowBytes} unfiltered bytes each.
   *
   * @param pixels the unfiltered rows, back to back, no filter-type bytes
   * @param bytesPerPixel bytes of one complete pixel, rounded up to at least 1 (PNG's "bpp")
   * @return the filtered rows, each preceded by its filter-type byte: {@code height * (1 + rowBytes)}
   */
  public static byte[] filter(byte[] pixels, int height, int rowBytes, int bytesPerPixel) {
    Objects.requireNonNull(pixels, "pixels");
    if (height < 0 || rowBytes < 0 || (long) height * rowBytes != pixels.length) {
      throw new IllegalArgumentException(
          "pixels has " + pixels.length + " bytes, not height " + height + " x rowBytes " + rowBytes);
    }
    if (bytesPerPixel < 1 || bytesPerPixel > 8) {
      throw new IllegalArgumentException("bytesPerPixel must be within 1..8, was " + bytesPerPixel);
    }
    int stride = rowBytes + 1;
    byte[] out = new byte[height * stride];
    byte[][] candidates = new byte[5][stride];
    byte[] sink = new byte[stride + stride / 2 + 64];
    Deflater trial = new Deflater(TRIAL_LEVEL, true);
    try {
      for (int y = 0; y < height; y++) {
        int row = y * rowBytes;
        int prev = y == 0 ? -1 : row - rowBytes;
        int best = 0;
        long bestSize = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
          byte[] c = candidates[type];
          c[0] = (byte) type;
          Filters.apply(type, pixels, row, prev, rowBytes, bytesPerPixel, c, 1);
          long size = trialSize(trial, out, y * stride, c, sink);
          if (size < bestSize) {
            bestSize = size;
            best = type;
          }
        }
        System.arraycopy(candidates[best], 0, out, y * stride, stride);
      }
    } finally {
      trial.end();
    }
    return out;
  }

  private static long trialSize(Deflater d, byte[] done, int doneEnd, byte[] row, byte[] sink) {
    d.reset();
    int ctx = Math.min(CONTEXT_BYTES, doneEnd);
    if (ctx > 0) {
      d.setDictionary(done, doneEnd - ctx, ctx);
    }
    d.setInput(row);
    d.finish();
    long total = 0;
    while (!d.finished()) {
      total += d.deflate(sink);
    }
    return total;
  }
}
