package dev.squeeze.png.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One palette for several frames: properties on random frames; every case prints its seed. */
class FrameQuantizerTest {
  private static final int CASES = 20;

  @Test
  void oneSharedPaletteOfAtMost256ColoursServesEveryFrame() {
    long seed = System.nanoTime();
    System.out.println("oneSharedPalette seed=" + seed);
    Random r = new Random(seed);
    for (int t = 0; t < CASES; t++) {
      int count = 1 + r.nextInt(4);
      List<int[]> frames = new ArrayList<>();
      int[] w = new int[count];
      int[] h = new int[count];
      for (int f = 0; f < count; f++) {
        w[f] = 1 + r.nextInt(50);
        h[f] = 1 + r.nextInt(50);
        frames.add(PaletteQuantizerTest.randomImage(r, w[f], h[f], r.nextBoolean()));
      }
      SharedPalette q = FrameQuantizer.quantize(frames, w, h, QuantizeOptions.defaults().withQuality(0, 100))
          .orElseThrow();
      assertThat(q.images()).isEqualTo(count);
      assertThat(q.colors()).as("seed %d case %d", seed, t).isBetween(1, 256);
      int[] palette = q.paletteArgb();
      for (int f = 0; f < count; f++) {
        byte[] idx = q.indices(f);
        int[] shown = q.toArgb(f);
        assertThat(idx).hasSize(w[f] * h[f]);
        for (int i = 0; i < idx.length; i++) {
          assertThat(idx[i] & 0xFF).as("seed %d case %d", seed, t).isLessThan(palette.length);
          // fully transparent pixels stay fully transparent (the "keep the canvas" pixels of blended frames)
          if ((frames.get(f)[i] >>> 24) == 0) {
            assertThat(shown[i] >>> 24).as("seed %d case %d frame %d pixel %d", seed, t, f, i).isZero();
          }
        }
      }
    }
  }

  @Test
  void framesWithAtMost256ColoursTogetherComeBackExactly() {
    Random r = new Random(7);
    int[] colours = new int[200];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = 0xFF000000 | r.nextInt(1 << 24);
    }
    List<int[]> frames = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      int[] px = new int[30 * 20];
      for (int i = 0; i < px.length; i++) {
        px[i] = colours[r.nextInt(colours.length)];
      }
      frames.add(px);
    }
    SharedPalette q = FrameQuantizer.quantize(frames, new int[] {30, 30, 30}, new int[] {20, 20, 20},
        QuantizeOptions.defaults()).orElseThrow();
    assertThat(q.exact()).isTrue();
    for (int f = 0; f < 3; f++) {
      assertThat(q.toArgb(f)).isEqualTo(frames.get(f));
    }
  }

  @Test
  void framesNoPaletteCanServeAtTheMinimumQualityAreRefused() {
    Random r = new Random(3);
    List<int[]> frames = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      int[] px = new int[40 * 40];
      for (int i = 0; i < px.length; i++) {
        px[i] = 0xFF000000 | r.nextInt(1 << 24);
      }
      frames.add(px);
    }
    assertThat(FrameQuantizer.quantize(frames, new int[] {40, 40}, new int[] {40, 40},
        QuantizeOptions.defaults().withQuality(90, 100))).isEmpty();
  }
}
