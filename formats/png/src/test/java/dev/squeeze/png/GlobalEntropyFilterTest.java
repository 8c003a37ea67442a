package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GlobalEntropyFilterTest {
  @Test
  void filteredRowsUnfilterToTheInput() throws Exception {
    long seed = System.nanoTime();
    System.out.println("GlobalEntropyFilterTest seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] types = {{PngHeader.GREY, 8}, {PngHeader.GREY, 16}, {PngHeader.RGB, 8}, {PngHeader.RGBA, 8},
        {PngHeader.RGBA, 16}, {PngHeader.GREY_ALPHA, 8}, {PngHeader.GREY, 1}, {PngHeader.GREY, 4}};
    for (int round = 0; round < 40; round++) {
      int[] t = types[rnd.nextInt(types.length)];
      int width = 1 + rnd.nextInt(60);
      int height = 1 + rnd.nextInt(30);
      Encoding e0 = new Encoding("t", t[0], t[1], null, null, width, height, new byte[0]);
      byte[] rows = new byte[e0.stride() * height];
      int alphabet = 1 + rnd.nextInt(256);
      for (int i = 0; i < rows.length; i++) {
        // a gradient plus noise, so that different rows prefer different filters
        rows[i] = (byte) ((i % e0.stride()) / 3 + (i / e0.stride()) * 2 + rnd.nextInt(alphabet) / 16);
      }
      Encoding e = new Encoding("t", t[0], t[1], null, null, width, height, rows);
      byte[] out = Filters.apply(e, Filters.Strategy.GLOBAL_ENTROPY);
      assertThat(out).as("seed %d round %d", seed, round).hasSize(height * (e.stride() + 1));
      PngDecoder.unfilter(out, 0, height, e.stride(), e.filterBpp());
      for (int y = 0; y < height; y++) {
        byte[] row = java.util.Arrays.copyOfRange(out, y * (e.stride() + 1) + 1, (y + 1) * (e.stride() + 1));
        byte[] want = java.util.Arrays.copyOfRange(rows, y * e.stride(), (y + 1) * e.stride());
        assertThat(row).as("seed %d round %d row %d", seed, round, y).isEqualTo(want);
      }
    }
  }
}
