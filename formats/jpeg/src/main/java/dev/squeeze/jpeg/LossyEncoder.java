package dev.squeeze.jpeg;

import java.util.List;

/**
 * Encodes pixels at a given quality into quantised coefficients: YCbCr conversion (JFIF), 4:2:0 chroma
 * subsampling by 2x2 averaging, double-precision DCT, Robidoux quantisation tables and trellis
 * quantisation with Huffman code lengths refined over passes, its per-block lambda from an
 * {@link AdaptiveQuantField} over the luma. The result goes through the same Huffman and
 * progressive optimisation as a lossless transcode.
 */
final class LossyEncoder {
  /** AC symbols a baseline table may hold: EOB, ZRL and run 0-15 x size 1-10. */
  private static final int[] AC_SYMBOLS = acSymbols();

  private LossyEncoder() {}

  /**
   * @param planes sample planes, full resolution, row-major {@code width * height}: one (grey) or three (R, G, B)
   * @param trellisPasses 0 for plain rounding, else trellis passes (each refines the rate model)
   */
  static JpegImage encode(int[][] planes, int width, int height, int quality, int trellisPasses) {
    return encode(planes, width, height, quality, trellisPasses, true);
  }

  /** @param subsample 4:2:0 chroma (else 4:4:4) for colour images */
  static JpegImage encode(int[][] planes, int width, int height, int quality, int trellisPasses,
      boolean subsample) {
    boolean colour = planes.length == 3;
    int maxH = colour && subsample ? 2 : 1;
    int mcusWide = JpegImage.ceilDiv(width, 8 * maxH);
    int mcusHigh = JpegImage.ceilDiv(height, 8 * maxH);
    int paddedW = mcusWide * 8 * maxH;
    int paddedH = mcusHigh * 8 * maxH;
    float[][] samples = colour ? ColourConversion.toYcbcr(planes, width, height, paddedW, paddedH)
        : new float[][] {ColourConversion.pad(planes[0], width, height, paddedW, paddedH)};
    int n = samples.length;
    Component[] comps = new Component[n];
    float[][] dct = new float[n][];
    int[] lumaTable = QuantTables.forQuality(quality);
    for (int c = 0; c < n; c++) {
      int h = c == 0 ? maxH : 1;
      float[] plane = c == 0 || maxH == 1 ? samples[c] : ColourConversion.downsample2x2(samples[c], paddedW, paddedH);
      int planeW = c == 0 ? paddedW : paddedW / maxH;
      int cw = JpegImage.ceilDiv(width * h, maxH);
      int ch = JpegImage.ceilDiv(height * h, maxH);
      comps[c] = new Component(c + 1, h, h, c == 0 ? 0 : 1, mcusWide * h, mcusHigh * h,
          JpegImage.ceilDiv(cw, 8), JpegImage.ceilDiv(ch, 8));
      comps[c].quant = lumaTable;
      comps[c].coef = new short[comps[c].blockCount() * 64];
      dct[c] = transformAll(plane, planeW, comps[c], lumaTable[0]);
    }
    JpegImage image = new JpegImage(width, height, comps, List.of());
    for (int c = 0; c < n; c++) {
      roundAll(dct[c], comps[c]);
      comps[c].coefficientsChanged();
    }
    // one masking field from the luma steers every component (a chroma block takes its luma blocks' most
    // careful weight): measured on retina, astronaut and coffee, luma-only steering gave the same bytes
    AdaptiveQuantField field = AdaptiveQuantField.of(dct[0], comps[0].blocksWide, comps[0].blocksHigh);
    for (int pass = 0; pass < trellisPasses; pass++) {
      int[][][] lengths = rateModel(image); // [luma|chroma][dc|ac][symbol]
      for (int c = 0; c < n; c++) {
        int t = c == 0 ? 0 : 1;
        trellis(dct[c], comps[c], new TrellisQuantizer(comps[c].quant, lengths[t][1], lengths[t][0]), field,
            maxH / comps[c].h);
        comps[c].coefficientsChanged();
      }
    }
    return image;
  }

  /**
   * DCT of every block of a component's padded plane (after {@link OvershootDeringing}), kept as floats
   * (natural order) for the quantisation passes.
   */
  private static float[] transformAll(float[] plane, int planeW, Component comp, int dcQuant) {
    float[] out = new float[comp.blockCount() * 64];
    ForwardDct fdct = new ForwardDct();
    double[] block = new double[64];
    double[] coef = new double[64];
    for (int by = 0; by < comp.blocksHigh; by++) {
      for (int bx = 0; bx < comp.blocksWide; bx++) {
        for (int y = 0; y < 8; y++) {
          int row = (by * 8 + y) * planeW + bx * 8;
          for (int x = 0; x < 8; x++) {
            block[y * 8 + x] = plane[row + x] - 128.0;
          }
        }
        OvershootDeringing.apply(block, dcQuant);
        fdct.transform(block, coef);
        int off = (by * comp.blocksWide + bx) * 64;
        for (int k = 0; k < 64; k++) {
          out[off + k] = (float) coef[k];
        }
      }
    }
    return out;
  }

  private static void roundAll(float[] dct, Component comp) {
    int[] q = comp.quant;
    short[] coef = comp.coef;
    for (int off = 0; off < coef.length; off += 64) {
      for (int k = 0; k < 64; k++) {
        double v = dct[off + ZigZag.NATURAL[k]] / q[k];
        long r = Math.round(Math.abs(v));
        coef[off + k] = (short) (Math.min(1023, r) * (v < 0 ? -1 : 1));
      }
    }
  }

  /** @param sub the component's subsampling factor relative to the field's (luma) blocks */
  private static void trellis(float[] dct, Component comp, TrellisQuantizer tq, AdaptiveQuantField field, int sub) {
    int w = comp.blocksWide;
    double[] lambdas = new double[w];
    float[] dc = new float[w];
    int[] offsets = new int[w];
    int lastDc = 0;
    for (int by = 0; by < comp.blocksHigh; by++) {
      for (int bx = 0; bx < w; bx++) {
        int off = (by * w + bx) * 64;
        double lambda = sub == 1 ? field.lambda(bx, by) : field.lambdaCovering(bx, by, sub, sub);
        lambdas[bx] = tq.quantizeAc(dct, off, comp.coef, off, lambda);
        dc[bx] = dct[off];
        offsets[bx] = off;
      }
      lastDc = tq.quantizeDcRow(dc, lambdas, w, comp.coef, offsets, lastDc);
    }
  }

  /**
   * Huffman code lengths the current coefficients would get (luma and chroma tables, DC and AC), with every
   * legal symbol counted once more so that symbols not yet used still have a finite price.
   */
  private static int[][][] rateModel(JpegImage image) {
    int n = image.components.length;
    long[][][] freq = new long[2][2][256];
    for (int c = 0; c < n; c++) {
      SymbolCounter counter = new SymbolCounter(8);
      ScanEncoder.encode(image, Scan.sequential(c), counter);
      int t = c == 0 ? 0 : 1;
      for (int s = 0; s < 256; s++) {
        freq[t][0][s] += counter.freq[0][s];
        freq[t][1][s] += counter.freq[4][s];
      }
    }
    int[][][] lengths = new int[2][2][];
    for (int t = 0; t < 2; t++) {
      for (int s = 0; s <= 11; s++) {
        freq[t][0][s]++;
      }
      for (int s : AC_SYMBOLS) {
        freq[t][1][s]++;
      }
      lengths[t][0] = HuffmanCode.optimal(freq[t][0]).length;
      lengths[t][1] = HuffmanCode.optimal(freq[t][1]).length;
    }
    return lengths;
  }

  private static int[] acSymbols() {
    int[] s = new int[162];
    int i = 0;
    s[i++] = 0x00;
    s[i++] = 0xF0;
    for (int r = 0; r < 16; r++) {
      for (int size = 1; size <= 10; size++) {
        s[i++] = (r << 4) | size;
      }
    }
    return s;
  }
}
