package dev.squeeze.jpeg;

/**
 * Quantisation tables for the lossy encoder: a base table scaled by a cjpeg-style quality (1-100).
 *
 * <p>The base is the table N. Robidoux tuned for ImageMagick, which mozjpeg uses by default
 * ({@code quant_tbl_master_idx} 3 under its max-compression profile) for both luma and chroma. Its
 * entries grow smoothly with frequency and are gentler than Annex K at low frequencies and harsher at
 * the highest ones: at equal bytes it keeps more of the low-frequency detail that eyes and SSIM weigh
 * most, and trellis quantisation then removes the high-frequency coefficients that do not pay for
 * themselves. Using one table for chroma relies on 4:2:0 subsampling to discount colour detail.
 */
final class QuantTables {
  /** Robidoux's table, natural (row-major) order. */
  private static final int[] ROBIDOUX = {
      16, 16, 16, 18, 25, 37, 56, 85,
      16, 17, 20, 27, 34, 40, 53, 75,
      16, 20, 24, 31, 43, 62, 91, 135,
      18, 27, 31, 40, 53, 74, 106, 156,
      25, 34, 43, 53, 69, 94, 131, 189,
      37, 40, 62, 74, 94, 124, 169, 238,
      56, 53, 91, 106, 131, 169, 226, 311,
      85, 75, 135, 156, 189, 238, 311, 418};

  /** T.81 Annex K.1 luminance table, natural order: libjpeg's, and most cameras' and editors' base. */
  private static final int[] ANNEX_K = {
      16, 11, 10, 16, 24, 40, 51, 61,
      12, 12, 14, 19, 26, 58, 60, 55,
      14, 13, 16, 24, 40, 57, 69, 56,
      14, 17, 22, 29, 51, 87, 80, 62,
      18, 22, 37, 56, 68, 109, 103, 77,
      24, 35, 55, 64, 81, 104, 113, 92,
      49, 64, 78, 87, 103, 121, 120, 101,
      72, 92, 95, 98, 112, 100, 103, 99};

  private QuantTables() {}

  /** libjpeg's quality curve: 5000/q percent below 50, 200 - 2q percent from 50. */
  static int scaleFactor(int quality) {
    int q = Math.max(1, Math.min(100, quality));
    return q < 50 ? 5000 / q : 200 - 2 * q;
  }

  /** The table for {@code quality} in zig-zag order, entries within 1..255 (baseline-compatible). */
  static int[] forQuality(int quality) {
    return scaled(ROBIDOUX, quality);
  }

  /** libjpeg's luma table for {@code quality} (Annex K scaled the same way), zig-zag order. */
  static int[] annexK(int quality) {
    return scaled(ANNEX_K, quality);
  }

  private static int[] scaled(int[] natural, int quality) {
    int scale = scaleFactor(quality);
    int[] zz = new int[64];
    for (int k = 0; k < 64; k++) {
      long v = ((long) natural[ZigZag.NATURAL[k]] * scale + 50) / 100;
      zz[k] = (int) Math.max(1, Math.min(255, v));
    }
    return zz;
  }
}
