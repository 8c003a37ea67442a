package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteBuilderTest {
  /** An opaque white background with a few translucent pixels, which frequency order puts first. */
  private static PixelImage background() {
    int w = 40;
    int h = 20;
    int[] argb = new int[w * h];
    java.util.Arrays.fill(argb, 0xFFFFFFFF);
    for (int y = 5; y < 15; y++) {
      argb[y * w + 20] = 0x6E000000;
      argb[y * w + 21] = 0xD9112233;
      argb[y * w + 22] = 0xFF445566;
    }
    return PixelImage.of8(w, h, argb);
  }

  @Test
  void edgeFirstPutsTheRowStartColourAtIndexZero() {
    PixelImage img = background();
    List<Encoding> all = PaletteBuilder.encodings(img, PaletteBuilder.count(img.argb, 256), true, true);
    Encoding edge = all.stream().filter(e -> e.label().endsWith("edge-first")).findFirst().orElseThrow();
    assertThat(java.util.Arrays.copyOf(edge.palette(), 3)).containsExactly(0xFF, 0xFF, 0xFF);
    // white opaque at 0, then the two translucent entries: tRNS covers three entries
    assertThat(edge.transparency()).containsExactly(0xFF, 0x6E, 0xD9);
    // and the indices still name each pixel's colour
    for (int i = 0; i < img.argb.length; i++) {
      int k = edge.rows()[(i / 40) * edge.stride() + (i % 40) * edge.bitDepth() / 8] & 0xFF;
      int bits = edge.bitDepth();
      if (bits < 8) {
        int bitOff = (i % 40) * bits;
        k = (edge.rows()[(i / 40) * edge.stride() + bitOff / 8] >> (8 - bits - bitOff % 8)) & ((1 << bits) - 1);
      }
      int rgb = ((edge.palette()[3 * k] & 0xFF) << 16) | ((edge.palette()[3 * k + 1] & 0xFF) << 8)
          | (edge.palette()[3 * k + 2] & 0xFF);
      int a = k < edge.transparency().length ? edge.transparency()[k] & 0xFF : 0xFF;
      assertThat((a << 24) | rgb).as("pixel %d", i).isEqualTo(img.argb[i]);
    }
  }

  @Test
  void edgeFirstIsSkippedWhenFrequencyOrderAlreadyStartsWithIt() {
    int[] argb = new int[100];
    java.util.Arrays.fill(argb, 0xFF000000);
    argb[55] = 0xFFFFFFFF;
    PixelImage img = PixelImage.of8(10, 10, argb);
    List<Encoding> all = PaletteBuilder.encodings(img, PaletteBuilder.count(img.argb, 256), true, true);
    assertThat(all).noneMatch(e -> e.label().endsWith("edge-first"));
  }
}
