package dev.squeeze.jpeg;

/** RGB to JFIF YCbCr in floating point, edge padding to whole MCUs, and 2x2 chroma averaging. */
final class ColourConversion {
  private ColourConversion() {}

  /**
   * Converts R, G, B planes ({@code width * height}) to Y, Cb, Cr planes of {@code paddedW * paddedH}, the
   * padding repeating the last column and row (what libjpeg does, so edge blocks carry no false edge).
   */
  static float[][] toYcbcr(int[][] rgb, int width, int height, int paddedW, int paddedH) {
    float[] y = new float[paddedW * paddedH];
    float[] cb = new float[paddedW * paddedH];
    float[] cr = new float[paddedW * paddedH];
    int[] r = rgb[0];
    int[] g = rgb[1];
    int[] b = rgb[2];
    for (int py = 0; py < paddedH; py++) {
      int sy = Math.min(py, height - 1);
      for (int px = 0; px < paddedW; px++) {
        int s = sy * width + Math.min(px, width - 1);
        float rr = r[s];
        float gg = g[s];
        float bb = b[s];
        int d = py * paddedW + px;
        // JFIF (ITU-R BT.601 full range) coefficients
        y[d] = 0.299f * rr + 0.587f * gg + 0.114f * bb;
        cb[d] = -0.168736f * rr - 0.331264f * gg + 0.5f * bb + 128f;
        cr[d] = 0.5f * rr - 0.418688f * gg - 0.081312f * bb + 128f;
      }
    }
    return new float[][] {y, cb, cr};
  }

  /** One plane padded by edge repetition. */
  static float[] pad(int[] plane, int width, int height, int paddedW, int paddedH) {
    float[] out = new float[paddedW * paddedH];
    for (int py = 0; py < paddedH; py++) {
      int sy = Math.min(py, height - 1);
      for (int px = 0; px < paddedW; px++) {
        out[py * paddedW + px] = plane[sy * width + Math.min(px, width - 1)];
      }
    }
    return out;
  }

  /** Averages 2x2 neighbourhoods (box filter, centred between samples as JFIF places subsampled chroma). */
  static float[] downsample2x2(float[] plane, int width, int height) {
    int w = width / 2;
    int h = height / 2;
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      int r0 = 2 * y * width;
      int r1 = r0 + width;
      for (int x = 0; x < w; x++) {
        out[y * w + x] = 0.25f * (plane[r0 + 2 * x] + plane[r0 + 2 * x + 1] + plane[r1 + 2 * x] + plane[r1 + 2 * x + 1]);
      }
    }
    return out;
  }
}
