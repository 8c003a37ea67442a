package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the masking field on random block layouts (flat and textured blocks); each case prints its seed. */
class AdaptiveQuantFieldTest {
  private static final int CASES = 200;
  private static final double MAX = AdaptiveQuantField.LAMBDA_SCALE1 / AdaptiveQuantField.LAMBDA_SCALE2;

  /** Random blocks: about half flat (DC only), the rest with AC of random amplitude. */
  private static float[] randomBlocks(Random rnd, int w, int h, boolean[] flat) {
    float[] dct = new float[w * h * 64];
    for (int b = 0; b < w * h; b++) {
      dct[b * 64] = (float) (rnd.nextGaussian() * 300);
      flat[b] = rnd.nextBoolean();
      if (!flat[b]) {
        double amp = Math.exp(rnd.nextDouble() * 6); // 1 to 400: faint grain to strong texture
        for (int k = 1; k < 64; k++) {
          dct[b * 64 + k] = (float) (rnd.nextGaussian() * amp);
        }
      }
    }
    return dct;
  }

  @Test
  void theFieldIsDeterministicBoundedAndFavoursSmoothNeighbourhoods() {
    long base = System.nanoTime();
    System.out.println("AdaptiveQuantFieldTest: " + CASES + " cases from seed " + base);
    for (int i = 0; i < CASES; i++) {
      long seed = base + i;
      Random rnd = new Random(seed);
      int w = 1 + rnd.nextInt(12);
      int h = 1 + rnd.nextInt(12);
      boolean[] flat = new boolean[w * h];
      float[] dct = randomBlocks(rnd, w, h, flat);
      AdaptiveQuantField a = AdaptiveQuantField.of(dct, w, h);
      AdaptiveQuantField b = AdaptiveQuantField.of(dct.clone(), w, h);
      for (int by = 0; by < h; by++) {
        for (int bx = 0; bx < w; bx++) {
          String what = "seed " + seed + " block " + bx + "," + by;
          double l = a.lambda(bx, by);
          assertThat(l).as(what).isEqualTo(b.lambda(bx, by));
          assertThat(l).as(what).isGreaterThan(0).isLessThanOrEqualTo(MAX);
          if (nearFlat(flat, w, h, bx, by)) {
            // a flat block, or any block (an edge, texture) next to one, gets the full weight: errors show there
            assertThat(l).as(what).isEqualTo(MAX);
          }
        }
      }
      // adding texture to one block never raises any block's weight, and a block only lowers when its whole
      // neighbourhood is textured
      int t = rnd.nextInt(w * h);
      float[] busier = dct.clone();
      for (int k = 1; k < 64; k++) {
        busier[t * 64 + k] += (float) (rnd.nextGaussian() * 500);
      }
      AdaptiveQuantField c = AdaptiveQuantField.of(busier, w, h);
      for (int by = 0; by < h; by++) {
        for (int bx = 0; bx < w; bx++) {
          assertThat(c.lambda(bx, by)).as("seed " + seed + " block " + bx + "," + by)
              .isLessThanOrEqualTo(a.lambda(bx, by));
        }
      }
    }
  }

  @Test
  void texturedNeighbourhoodsGetLessWeightThanSmoothOnes() {
    long seed = System.nanoTime();
    System.out.println("AdaptiveQuantFieldTest textured: seed " + seed);
    Random rnd = new Random(seed);
    int w = 6;
    int h = 6;
    float[] dct = new float[w * h * 64];
    // left half strongly textured, right half flat
    for (int by = 0; by < h; by++) {
      for (int bx = 0; bx < 3; bx++) {
        for (int k = 1; k < 64; k++) {
          dct[(by * w + bx) * 64 + k] = (float) (rnd.nextGaussian() * 200);
        }
      }
    }
    AdaptiveQuantField f = AdaptiveQuantField.of(dct, w, h);
    for (int by = 0; by < h; by++) {
      String what = "seed " + seed + " row " + by;
      assertThat(f.lambda(1, by)).as(what).isLessThan(MAX / 2);
      assertThat(f.lambda(2, by)).as(what + " (textured, next to flat)").isEqualTo(MAX);
      assertThat(f.lambda(4, by)).as(what).isEqualTo(MAX);
    }
    // a 4:2:0 chroma block covering textured and flat luma takes the most careful weight
    assertThat(f.lambdaCovering(1, 0, 2, 2)).isEqualTo(MAX);
    assertThat(f.lambdaCovering(0, 1, 2, 2)).isLessThan(MAX / 2);
  }

  private static boolean nearFlat(boolean[] flat, int w, int h, int bx, int by) {
    for (int y = Math.max(0, by - 1); y <= Math.min(h - 1, by + 1); y++) {
      for (int x = Math.max(0, bx - 1); x <= Math.min(w - 1, bx + 1); x++) {
        if (flat[y * w + x]) {
          return true;
        }
      }
    }
    return false;
  }
}
