package dev.squeeze.png.deflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squeeze.testing.Corpus;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BruteForceFilterTest {
  @Test
  void filteredRowsUnfilterToTheInput() {
    long seed = System.nanoTime();
    System.out.println("filteredRowsUnfilterToTheInput seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 30; round++) {
      int bpp = 1 + rnd.nextInt(8);
      int rowBytes = rnd.nextInt(0, 200);
      int height = rnd.nextInt(0, 40);
      byte[] px = new byte[rowBytes * height];
      int alphabet = 1 + rnd.nextInt(256);
      for (int i = 0; i < px.length; i++) {
        // a gradient plus noise, so that different rows prefer different filters
        px[i] = (byte) ((i % Math.max(1, rowBytes)) / 3 + rnd.nextInt(alphabet) / 16);
      }
      byte[] out = BruteForceFilter.filter(px, height, rowBytes, bpp);
      assertThat(out).as("seed %d round %d", seed, round).hasSize(height * (rowBytes + 1));
      assertThat(PngRaw.unfilter(out, height, rowBytes, bpp)).as("seed %d round %d", seed, round).isEqualTo(px);
    }
  }

  @Test
  void beatsEveryFixedFilterOnACorpusPhotoUnderZlib() {
    PngRaw raw = PngRaw.of(Corpus.read(Corpus.file("png/rose.png")));
    byte[] brute = BruteForceFilter.filter(raw.pixels, raw.height, raw.rowBytes, raw.bpp);
    assertThat(PngRaw.unfilter(brute, raw.height, raw.rowBytes, raw.bpp)).isEqualTo(raw.pixels);
    int bruteSize = DeflateSizeProbe.jdk9(brute).length;
    for (int type = 0; type < 5; type++) {
      assertThat(bruteSize).as("brute force vs filter %d on every row", type)
          .isLessThanOrEqualTo(DeflateSizeProbe.jdk9(raw.filteredWith(type)).length);
    }
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> BruteForceFilter.filter(new byte[10], 3, 3, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height 3");
    assertThatThrownBy(() -> BruteForceFilter.filter(new byte[9], 3, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytesPerPixel");
  }
}
