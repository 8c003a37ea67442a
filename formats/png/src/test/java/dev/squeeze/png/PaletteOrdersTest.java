package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.testing.Corpus;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PaletteOrdersTest {
  @Test
  void adjacencyCountsHorizontalAndVerticalNeighboursSymmetrically() {
    // 3x2: A B B / A C B -> horizontal A-B, A-C, C-B; vertical B-C; A-A and B-B say nothing about an order
    int a = 0xFF000000;
    int b = 0xFFFFFFFF;
    int c = 0xFF00FF00;
    PixelImage img = PixelImage.of8(3, 2, new int[] {a, b, b, a, c, b});
    PaletteBuilder.Counts counts = PaletteBuilder.count(img.argb, 256);
    long[] co = PaletteOrders.adjacency(img, counts);
    // positions in order of first use: a=0, b=1, c=2
    assertThat(co).containsExactly(
        0, 1, 1,
        1, 0, 2,
        1, 2, 0);
  }

  @Test
  void chainFollowsAdjacencyFromTheFirstColour() {
    // a horizontal strip of colours 0..5 in the order 0 3 1 4 2 5: adjacency puts them in that order
    int[] strip = {0xFF000000, 0xFF030303, 0xFF010101, 0xFF040404, 0xFF020202, 0xFF050505};
    int w = strip.length;
    int[] argb = new int[w * 4];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = strip[i % w];
    }
    PixelImage img = PixelImage.of8(w, 4, argb);
    PaletteBuilder.Counts counts = PaletteBuilder.count(img.argb, 256);
    int[] rest = IntStream.range(1, w).toArray();
    int[] order = PaletteOrders.chain(PaletteOrders.adjacency(img, counts), counts, 0, new int[][] {rest},
        PaletteOrders.zengWeights(w));
    assertThat(order).containsExactly(0, 1, 2, 3, 4, 5); // positions in first-use order: the strip itself
  }

  /** Random blocky images: every adjacency order is a permutation with translucent colours first. */
  @Test
  void adjacencyOrdersArePermutationsKeepingTranslucentEntriesFirst() throws Exception {
    long seed = Long.getLong("png.seed", System.nanoTime());
    System.out.println("adjacencyOrdersArePermutationsKeepingTranslucentEntriesFirst seed " + seed
        + " (rerun with -Dpng.seed=" + seed + ")");
    Random rnd = new Random(seed);
    for (int n = 0; n < 40; n++) {
      String what = "case " + n + " of seed " + seed;
      int colours = 3 + rnd.nextInt(254);
      int[] palette = new int[colours];
      for (int i = 0; i < colours; i++) {
        int alpha = rnd.nextInt(4) == 0 ? rnd.nextInt(255) : 255;
        palette[i] = (alpha << 24) | (rnd.nextInt(1 << 24) & ~0xFF) | i; // distinct through the blue byte
      }
      int w = 1 + rnd.nextInt(60);
      int h = 1 + rnd.nextInt(60);
      int[] argb = new int[w * h];
      for (int i = 0; i < argb.length; i++) {
        // runs of one colour, like the flat regions palette images have
        argb[i] = i > 0 && rnd.nextInt(4) != 0 ? argb[i - 1] : palette[rnd.nextInt(colours)];
      }
      PixelImage img = PixelImage.of8(w, h, argb);
      PaletteBuilder.Counts counts = PaletteBuilder.count(argb, 256);
      List<Encoding> all = PaletteBuilder.encodings(img, counts, true, true);
      List<Encoding> adjacency = all.stream().filter(e -> e.label().contains("adjacency")).toList();
      if (counts.size() > 2) {
        assertThat(adjacency).as(what).isNotEmpty();
      }
      for (Encoding e : adjacency) {
        int[] entries = entries(e);
        int[] sortedEntries = entries.clone();
        Arrays.sort(sortedEntries);
        int[] sortedColours = counts.colors().clone();
        Arrays.sort(sortedColours);
        assertThat(sortedEntries).as("every colour once, " + what).containsExactly(sortedColours);
        // after the first entry (which may be the opaque row-edge colour), translucent entries come first
        long translucent = IntStream.of(entries).filter(p -> p >>> 24 != 255).count();
        for (int i = 1; i < entries.length; i++) {
          if (entries[i] >>> 24 != 255) {
            assertThat(i).as("translucent entry %d within the tRNS prefix, %s", i, what).isLessThanOrEqualTo(
                (int) translucent);
          }
        }
        assertThat(Arrays.mismatch(decode(e), argb)).as("first differing pixel, " + e.label() + ", " + what)
            .isEqualTo(-1);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"png/logo_alpha.png", "png/adwaita_trash_palette_trns.png", "png/horse_rgba_bilevel.png"})
  void adjacencyOrdersOfCorpusImagesDecodeToTheSamePixels(String name) throws Exception {
    PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Corpus.file(name)), Limits.defaults()));
    PaletteBuilder.Counts counts = PaletteBuilder.count(img.argb, 256);
    List<Encoding> adjacency = PaletteBuilder.encodings(img, counts, true, true).stream()
        .filter(e -> e.label().contains("adjacency")).toList();
    assertThat(adjacency).isNotEmpty();
    for (Encoding e : adjacency) {
      // meant for unfiltered rows: the maximum-effort search does not spend filtered trials on them
      assertThat(PngEncoder.strategies(e, dev.squeeze.Effort.MAXIMUM)).containsExactly(Filters.Strategy.NONE);
      // the index of the first differing pixel (AssertJ's containsExactly is slow on 300k elements)
      assertThat(Arrays.mismatch(decode(e), img.argb)).as("first differing pixel, " + e.label()).isEqualTo(-1);
    }
  }

  /** Palette entries as ARGB, alpha from tRNS. */
  private static int[] entries(Encoding e) {
    byte[] plte = e.palette();
    byte[] trns = e.transparency() == null ? new byte[0] : e.transparency();
    int[] out = new int[plte.length / 3];
    for (int i = 0; i < out.length; i++) {
      int a = i < trns.length ? trns[i] & 0xFF : 0xFF;
      out[i] = (a << 24) | ((plte[3 * i] & 0xFF) << 16) | ((plte[3 * i + 1] & 0xFF) << 8) | (plte[3 * i + 2] & 0xFF);
    }
    return out;
  }

  /** Writes {@code e} as a PNG and decodes it with the own decoder. */
  private static int[] decode(Encoding e) throws Exception {
    byte[] zlib = new JdkDeflateCompressor(9, java.util.zip.Deflater.DEFAULT_STRATEGY)
        .compress(Filters.apply(e, Filters.Strategy.NONE));
    byte[] png = PngWriter.write(e.header(), e.palette(), e.transparency(), zlib, List.of());
    return PngDecoder.decode(PngParser.parse(png, Limits.defaults())).argb;
  }
}
