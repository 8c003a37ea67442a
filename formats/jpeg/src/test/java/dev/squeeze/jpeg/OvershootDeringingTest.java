package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OvershootDeringingTest {
  @Test
  void onlySaturatedSamplesMoveAndOnlyUpwardsWithinTheCap() {
    long seed = System.nanoTime();
    System.out.println("OvershootDeringingTest seed " + seed);
    Random rnd = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      double[] block = new double[64];
      for (int k = 0; k < 64; k++) {
        block[k] = rnd.nextInt(3) == 0 ? 127 : rnd.nextInt(256) - 128;
      }
      double[] before = block.clone();
      int dcQuant = 1 + rnd.nextInt(40);
      OvershootDeringing.apply(block, dcQuant);
      for (int k = 0; k < 64; k++) {
        String what = "seed " + seed + " block " + i + " sample " + k;
        if (before[k] < 126.5) {
          assertThat(block[k]).as(what).isEqualTo(before[k]);
        } else {
          assertThat(block[k]).as(what).isBetween(127.0, 127.0 + Math.min(31, 2 * dcQuant));
        }
      }
    }
  }

  @Test
  void blocksWithoutSaturationOrEntirelySaturatedStayAsTheyAre() {
    double[] flat = new double[64];
    java.util.Arrays.fill(flat, 127);
    OvershootDeringing.apply(flat, 8);
    assertThat(flat).containsOnly(127.0);
    double[] dark = new double[64];
    java.util.Arrays.fill(dark, -50);
    dark[10] = 126;
    double[] copy = dark.clone();
    OvershootDeringing.apply(dark, 8);
    assertThat(dark).isEqualTo(copy);
  }

  @Test
  void anEdgeAgainstWhiteOvershoots() {
    double[] block = new double[64];
    for (int k = 0; k < 64; k++) {
      block[k] = (k % 8) < 4 ? -128 : 127; // black left half, white right half
    }
    OvershootDeringing.apply(block, 16);
    double max = 0;
    for (double v : block) {
      max = Math.max(max, v);
    }
    assertThat(max).isGreaterThan(127);
  }
}
