package dev.squeeze.png.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the quantizer on random images; every case prints its seed so a failure can be replayed. */
class PaletteQuantizerTest {
  private static final int CASES = 40;

  /** Many-coloured random images: noise, gradients, blobs, optionally with transparency. */
  static int[] randomImage(Random r, int w, int h, boolean alpha) {
    int[] p = new int[w * h];
    int kind = r.nextInt(3);
    int base = r.nextInt();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c;
        if (kind == 0) {
          c = r.nextInt() | 0xFF000000;
        } else if (kind == 1) {
          int red = (x * 255 / Math.max(1, w - 1) + r.nextInt(3)) & 0xFF;
          int g = (y * 255 / Math.max(1, h - 1)) & 0xFF;
          int b = ((x + y) * 4 + r.nextInt(5)) & 0xFF;
          c = 0xFF000000 | red << 16 | g << 8 | b;
        } else {
          c = (base + ((x / 7 + y / 5) * 0x050301) + r.nextInt(16)) | 0xFF000000;
        }
        if (alpha) {
          int a = r.nextInt(4) == 0 ? 0 : r.nextInt(3) == 0 ? r.nextInt(256) : 255;
          c = (c & 0xFFFFFF) | a << 24;
        }
        p[y * w + x] = c;
      }
    }
    return p;
  }

  private static int distinct(int[] p) {
    return (int) Arrays.stream(p).map(c -> (c >>> 24) == 0 ? 0 : c).distinct().count();
  }

  @Test
  void neverMoreThan256ColoursAndEveryIndexInThePalette() {
    long seed = System.nanoTime();
    System.out.println("neverMoreThan256Colours seed=" + seed);
    Random r = new Random(seed);
    for (int t = 0; t < CASES; t++) {
      int w = 1 + r.nextInt(80);
      int h = 1 + r.nextInt(80);
      int[] img = randomImage(r, w, h, r.nextBoolean());
      QuantizedImage q = PaletteQuantizer.quantize(img, w, h, QuantizeOptions.defaults().withQuality(0, 100))
          .orElseThrow();
      assertThat(q.colors()).as("seed %d case %d", seed, t).isBetween(1, 256);
      byte[] idx = q.indices();
      assertThat(idx).hasSize(w * h);
      for (byte b : idx) {
        assertThat(b & 0xFF).as("seed %d case %d", seed, t).isLessThan(q.colors());
      }
    }
  }

  @Test
  void imagesWithAtMost256ColoursComeBackExactlyWithOnlyTheirOwnColours() {
    long seed = System.nanoTime();
    System.out.println("exactForFewColours seed=" + seed);
    Random r = new Random(seed);
    for (int t = 0; t < CASES; t++) {
      int w = 1 + r.nextInt(60);
      int h = 1 + r.nextInt(60);
      int[] colors = new int[1 + r.nextInt(256)];
      for (int i = 0; i < colors.length; i++) {
        colors[i] = r.nextInt(5) == 0 ? r.nextInt() : r.nextInt() | 0xFF000000;
      }
      int[] img = new int[w * h];
      for (int i = 0; i < img.length; i++) {
        img[i] = colors[r.nextInt(colors.length)];
      }
      QuantizedImage q = PaletteQuantizer.quantize(img, w, h, QuantizeOptions.defaults().withQuality(99, 100))
          .orElseThrow();
      String as = "seed " + seed + " case " + t;
      assertThat(q.exact()).as(as).isTrue();
      assertThat(q.quality()).isEqualTo(100);
      assertThat(q.colors()).as(as).isEqualTo(distinct(img));
      Set<Integer> input = new HashSet<>();
      Arrays.stream(img).forEach(input::add);
      assertThat(Arrays.stream(q.paletteArgb()).boxed()).as(as).allMatch(input::contains);
      int[] out = q.toArgb();
      for (int i = 0; i < img.length; i++) {
        if ((img[i] >>> 24) == 0) {
          assertThat(out[i] >>> 24).as(as).isZero();
        } else {
          assertThat(out[i]).as(as + " pixel " + i).isEqualTo(img[i]);
        }
      }
    }
  }

  @Test
  void fullyTransparentPixelsStayFullyTransparentAndOpaqueImagesStayOpaque() {
    long seed = System.nanoTime();
    System.out.println("transparency seed=" + seed);
    Random r = new Random(seed);
    for (int t = 0; t < CASES; t++) {
      int w = 8 + r.nextInt(60);
      int h = 8 + r.nextInt(60);
      boolean alpha = r.nextBoolean();
      int[] img = randomImage(r, w, h, alpha);
      QuantizeOptions o = QuantizeOptions.defaults().withQuality(0, 90).withDithering(r.nextDouble());
      int[] out = PaletteQuantizer.quantize(img, w, h, o).orElseThrow().toArgb();
      for (int i = 0; i < img.length; i++) {
        String as = "seed " + seed + " case " + t + " pixel " + i;
        if ((img[i] >>> 24) == 0) {
          assertThat(out[i] >>> 24).as(as).isZero();
        }
        if (!alpha) {
          assertThat(out[i] >>> 24).as(as).isEqualTo(0xFF);
        }
      }
    }
  }

  @Test
  void refusesWhenEven256ColoursMissTheMinimumQuality() {
    long seed = System.nanoTime();
    System.out.println("refusal seed=" + seed);
    Random r = new Random(seed);
    int[] noise = new int[64 * 64];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = r.nextInt() | 0xFF000000;
    }
    // 4096 random colours cannot be met by 256 at quality 95 (a few levels of error per pixel)
    assertThat(PaletteQuantizer.quantize(noise, 64, 64, QuantizeOptions.defaults().withQuality(95, 100)))
        .isEmpty();
    Optional<QuantizedImage> lenient =
        PaletteQuantizer.quantize(noise, 64, 64, QuantizeOptions.defaults().withQuality(0, 100));
    assertThat(lenient).isPresent();
    assertThat(lenient.get().quality()).isLessThan(95);
  }

  @Test
  void resultsMeetTheMinimumTheyWereAskedFor() {
    long seed = System.nanoTime();
    System.out.println("minimumMet seed=" + seed);
    Random r = new Random(seed);
    for (int t = 0; t < CASES; t++) {
      int w = 16 + r.nextInt(48);
      int h = 16 + r.nextInt(48);
      int[] img = randomImage(r, w, h, r.nextBoolean());
      int min = r.nextInt(90);
      Optional<QuantizedImage> q =
          PaletteQuantizer.quantize(img, w, h, QuantizeOptions.defaults().withQuality(min, Math.min(100, min + 10)));
      if (q.isPresent()) {
        assertThat(q.get().quality()).as("seed %d case %d", seed, t).isGreaterThanOrEqualTo(min);
      }
    }
  }

  @Test
  void aLowerTargetNeverUsesMoreColours() {
    long seed = System.nanoTime();
    System.out.println("fewestColours seed=" + seed);
    Random r = new Random(seed);
    // a smooth two-axis gradient: far more than 256 colours, but few suffice for a modest quality
    int w = 200;
    int h = 120;
    int[] img = new int[w * h];
    int tint = r.nextInt(128);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img[y * w + x] = 0xFF000000 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | tint;
      }
    }
    QuantizedImage low = PaletteQuantizer.quantize(img, w, h, QuantizeOptions.defaults().withQuality(0, 60)).orElseThrow();
    QuantizedImage high = PaletteQuantizer.quantize(img, w, h, QuantizeOptions.defaults().withQuality(0, 95)).orElseThrow();
    assertThat(low.colors()).isLessThan(high.colors()).isLessThan(256);
    assertThat(low.quality()).isGreaterThanOrEqualTo(60);
    // the target is met with fewer than 256 colours, or all 256 are used trying
    assertThat(high.quality() >= 95 || high.colors() == 256).as(high.toString()).isTrue();
  }

  @Test
  void smallPalettesLoseColoursOnlyWhenAllowedAndStillMeetTheMinimum() {
    long seed = System.nanoTime();
    System.out.println("smallPaletteReduction seed=" + seed);
    Random r = new Random(seed);
    // 12 well separated colours, each in ~20 shades a level or two apart: 240 colours, 12 needed
    int[] base = new int[12];
    for (int i = 0; i < base.length; i++) {
      base[i] = 0xFF000000 | (20 + 18 * i) << 16 | (200 - 15 * i) << 8 | (r.nextInt(6) * 40);
    }
    int w = 120;
    int h = 90;
    int[] img = new int[w * h];
    for (int i = 0; i < img.length; i++) {
      int b = base[(i % w) / 10];
      img[i] = b + (r.nextInt(4) << 8) + r.nextInt(5);
    }
    assertThat(distinct(img)).isLessThanOrEqualTo(256);
    QuantizeOptions o = QuantizeOptions.defaults().withQuality(70, 90);
    assertThat(PaletteQuantizer.quantize(img, w, h, o).orElseThrow().exact()).isTrue();
    QuantizedImage reduced = PaletteQuantizer.quantize(img, w, h, o.withSmallPaletteReduction(true)).orElseThrow();
    assertThat(reduced.exact()).as("seed %d", seed).isFalse();
    assertThat(reduced.colors()).as("seed %d", seed).isLessThan(distinct(img) / 4);
    assertThat(reduced.quality()).as("seed %d", seed).isGreaterThanOrEqualTo(70);
  }

  @Test
  void theSameInputGivesTheSameOutput() {
    long seed = System.nanoTime();
    System.out.println("deterministic seed=" + seed);
    Random r = new Random(seed);
    int[] img = randomImage(r, 90, 70, true);
    QuantizeOptions o = QuantizeOptions.defaults().withQuality(0, 90);
    QuantizedImage a = PaletteQuantizer.quantize(img, 90, 70, o).orElseThrow();
    QuantizedImage b = PaletteQuantizer.quantize(img.clone(), 90, 70, o).orElseThrow();
    assertThat(a.paletteArgb()).isEqualTo(b.paletteArgb());
    assertThat(a.indices()).isEqualTo(b.indices());
  }

  @Test
  void qualityAndMseMapBothWaysOnPngquantsCurve() {
    for (int q = 1; q < 100; q++) {
      assertThat(PerceptualSpace.qualityToMse(q)).isLessThan(PerceptualSpace.qualityToMse(q - 1));
      assertThat(PerceptualSpace.mseToQuality(PerceptualSpace.qualityToMse(q))).isEqualTo(q);
    }
    assertThat(PerceptualSpace.mseToQuality(0)).isEqualTo(100);
  }

  @Test
  void badArgumentsAreRejectedWithTheValueNamed() {
    assertThatThrownBy(() -> QuantizeOptions.defaults().withQuality(80, 60)).hasMessageContaining("80-60");
    assertThatThrownBy(() -> QuantizeOptions.defaults().withDithering(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> PaletteQuantizer.quantize(new int[4], 0, 4, QuantizeOptions.defaults()))
        .hasMessageContaining("0x4");
    assertThatThrownBy(() -> PaletteQuantizer.quantize(new int[4], 3, 3, QuantizeOptions.defaults()))
        .hasMessageContaining("3x3");
  }
}
