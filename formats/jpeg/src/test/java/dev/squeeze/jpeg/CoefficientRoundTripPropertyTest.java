package dev.squeeze.jpeg;

import static dev.squeeze.jpeg.CoefficientAssert.assertSameCoefficients;

import dev.squeeze.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random coefficient images (random size, sampling, component count, quantisation tables, sparse and dense
 * blocks up to the 8-bit extremes) encode and decode to exactly the same coefficients: baseline, the
 * searched progressive script, and random valid progressive scripts. Each case prints its seed.
 */
class CoefficientRoundTripPropertyTest {
  /** Enough cases to hit every sampling layout and script shape several times, in about a second. */
  private static final int CASES = 150;

  @Test
  void encodeThenDecodeGivesBackEveryCoefficient() throws Exception {
    long base = System.nanoTime();
    for (int i = 0; i < CASES; i++) {
      long seed = base + i;
      Random rnd = new Random(seed);
      JpegImage image = randomImage(rnd);
      String what = "seed " + seed + " (" + image.width + "x" + image.height + ", " + image.components.length + " comps)";
      try {
        byte[] baseline = JpegWriter.write(image, List.of(), false, JpegTranscoder.sequentialScript(image));
        assertSameCoefficients(image, JpegDecoder.decode(baseline, Limits.defaults()), what + " baseline");
        byte[] searched = JpegWriter.write(image, List.of(), true, ScanScriptSearch.search(image));
        assertSameCoefficients(image, JpegDecoder.decode(searched, Limits.defaults()), what + " searched");
        List<Scan> script = randomScript(rnd, image);
        byte[] random = JpegWriter.write(image, List.of(), true, script);
        assertSameCoefficients(image, JpegDecoder.decode(random, Limits.defaults()), what + " script " + script);
      } catch (Throwable t) {
        System.out.println("failing case: " + what);
        throw t;
      }
    }
    System.out.println("CoefficientRoundTripPropertyTest: " + CASES + " cases from seed " + base);
  }

  private static final int[][] SAMPLINGS = {{1, 1}, {2, 1}, {1, 2}, {2, 2}, {4, 1}, {3, 2}, {4, 2}, {1, 4}};

  static JpegImage randomImage(Random rnd) {
    int n = 1 + rnd.nextInt(4);
    int width = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 140);
    int height = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 100);
    int[][] hv = new int[n][];
    for (int i = 0; i < n; i++) {
      hv[i] = i == 0 || rnd.nextInt(4) == 0 ? SAMPLINGS[rnd.nextInt(SAMPLINGS.length)] : new int[] {1, 1};
    }
    int maxH = 1;
    int maxV = 1;
    for (int[] s : hv) {
      maxH = Math.max(maxH, s[0]);
      maxV = Math.max(maxV, s[1]);
    }
    int mcusWide = JpegImage.ceilDiv(width, 8 * maxH);
    int mcusHigh = JpegImage.ceilDiv(height, 8 * maxV);
    Component[] comps = new Component[n];
    for (int i = 0; i < n; i++) {
      int h = hv[i][0];
      int v = hv[i][1];
      comps[i] = new Component(i + 1, h, v, Math.min(i, 1), mcusWide * h, mcusHigh * v,
          JpegImage.ceilDiv(JpegImage.ceilDiv(width * h, maxH), 8),
          JpegImage.ceilDiv(JpegImage.ceilDiv(height * v, maxV), 8));
      int[] q = new int[64];
      boolean wide = rnd.nextInt(10) == 0;
      for (int k = 0; k < 64; k++) {
        q[k] = 1 + rnd.nextInt(wide ? 1000 : 255);
      }
      comps[i].quant = q;
      comps[i].coef = new short[comps[i].blockCount() * 64];
      fill(rnd, comps[i].coef);
    }
    return new JpegImage(width, height, comps, List.of());
  }

  /** Photo-like blocks (energy falling with frequency), with some dense and some extreme ones. */
  private static void fill(Random rnd, short[] coef) {
    int dc = rnd.nextInt(2047) - 1023;
    for (int off = 0; off < coef.length; off += 64) {
      int kind = rnd.nextInt(20);
      dc = Math.max(-1023, Math.min(1023, dc + (int) (rnd.nextGaussian() * 40)));
      coef[off] = (short) (kind == 0 ? (rnd.nextBoolean() ? 1023 : -1023) : dc);
      for (int k = 1; k < 64; k++) {
        int v;
        if (kind == 0) {
          v = rnd.nextInt(2047) - 1023; // dense, full range
        } else if (kind == 1) {
          v = 0; // empty block
        } else {
          double scale = 60.0 / (1 + k);
          v = rnd.nextInt(3) == 0 ? (int) Math.round(rnd.nextGaussian() * scale) : 0;
        }
        coef[off + k] = (short) Math.max(-1023, Math.min(1023, v));
      }
    }
  }

  /** A random valid progressive script: DC (maybe by successive approximation), AC bands with random depths. */
  static List<Scan> randomScript(Random rnd, JpegImage image) {
    int n = image.components.length;
    List<Scan> firsts = new ArrayList<>();
    List<Scan> later = new ArrayList<>();
    int dcAl = rnd.nextInt(3);
    if (n > 1 && image.blocksPerMcu() <= 10 && rnd.nextBoolean()) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      firsts.add(new Scan(all, 0, 0, 0, dcAl));
      for (int k = dcAl - 1; k >= 0; k--) {
        later.add(new Scan(all, 0, 0, k + 1, k));
      }
    } else {
      for (int i = 0; i < n; i++) {
        firsts.add(new Scan(new int[] {i}, 0, 0, 0, dcAl));
        for (int k = dcAl - 1; k >= 0; k--) {
          later.add(new Scan(new int[] {i}, 0, 0, k + 1, k));
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int lo = 1;
      while (lo <= 63) {
        int hi = rnd.nextInt(3) == 0 ? 63 : Math.min(63, lo + rnd.nextInt(20));
        int al = rnd.nextInt(5);
        firsts.add(new Scan(new int[] {i}, lo, hi, 0, al));
        for (int k = al - 1; k >= 0; k--) {
          later.add(new Scan(new int[] {i}, lo, hi, k + 1, k));
        }
        lo = hi + 1;
      }
    }
    later.sort((a, b) -> b.ah() - a.ah());
    firsts.addAll(later);
    return firsts;
  }
}
