package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import dev.squeeze.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Lossless animated PNGs of at most 256 colours over all frames become indexed with that exact palette: every
 * frame's decoded pixels (not only the composited canvas) stay the same, as do the frame controls and the play
 * count. Frames are decoded by {@link ApngTestFrames}, independently of the production decoder.
 */
class ApngExactPaletteTest {
  private static final OptimizerContext CONTEXT = new OptimizerContext(Limits.defaults(), Runnable::run);

  @Test
  void aFewColourSpinnerBecomesIndexedSmallerAndPixelIdentical() throws Exception {
    byte[] in = posterisedSpinner();
    PngHeader h = PngParser.parse(in, Limits.defaults()).header();
    byte[] refiltered = ApngRecompressor.recompress(in, h, Options.lossless().metadata(), Limits.defaults(),
        Options.lossless().effort(), Runnable::run).png();
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    System.out.printf("posterised spinner: input %d, re-filtered %d, lossless %d bytes %s%n", in.length,
        refiltered.length, o.data().length, o.steps());
    assertThat(o.data().length).isLessThan(refiltered.length);
    assertThat(o.steps()).anyMatch(s -> s.contains("exact shared palette"));
    ApngTestFrames.Animation b = assertSameFrames(in, o.data());
    assertThat(b.colorType()).isEqualTo(PngHeader.PALETTE);
    assertThat(o.dimensions().frames()).isEqualTo(6);
  }

  @Test
  void theQuantisedSpinnerWrittenAsRgbaGetsItsSeventeenColoursBack() throws Exception {
    byte[] in = quantisedSpinnerAsRgba();
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    System.out.printf("quantised spinner as RGBA: input %d, lossless %d bytes %s%n", in.length, o.data().length,
        o.steps());
    assertThat(o.steps()).anyMatch(s -> s.contains("exact shared palette of 17 colours at 8 bits"));
    // measured 17365 bytes, against 23467 re-filtered as RGBA
    assertThat(o.data().length).isLessThan(in.length * 8 / 10);
    assertThat(assertSameFrames(in, o.data()).colorType()).isEqualTo(PngHeader.PALETTE);
  }

  @Test
  void lossyOptionsWeighTheExactPaletteAgainstQuantisation() throws Exception {
    byte[] in = posterisedSpinner();
    Optimized lossless = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    Optimized lossy = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    System.out.printf("posterised spinner: lossless %d, lossy %d bytes %s%n", lossless.data().length,
        lossy.data().length, lossy.steps());
    // fewer colours than the exact 21 at SSIM above the floor: the quantised file must beat the exact one
    assertThat(lossy.data().length).isLessThan(lossless.data().length);
    assertThat(lossy.steps()).anyMatch(s -> s.contains("quantised to one shared palette"));
    // no quantisation meets quality 100: the exact palette is the smallest candidate left, every pixel kept
    Optimized strict = new PngOptimizer().optimize(in, Options.defaults().withQuality(100), CONTEXT);
    assertThat(strict.data().length).isLessThanOrEqualTo(lossless.data().length);
    assertThat(assertSameFrames(in, strict.data()).colorType()).isEqualTo(PngHeader.PALETTE);
  }

  @Test
  void moreThan256ColoursOverTheFramesKeepTheColourType() throws Exception {
    BufferedImage photo = ImageIO.read(new ByteArrayInputStream(Corpus.read(Corpus.file("png/chelsea.png"))));
    int w = 64;
    int h = 48;
    List<ApngTestFrames.Control> controls = new ArrayList<>();
    List<int[]> frames = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      controls.add(new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 0, 0));
      frames.add(photo.getRGB(30 * f, 20 * f, w, h, null, 0, w));
    }
    byte[] in = ApngTestFrames.build(w, h, controls, frames);
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    assertThat(o.steps()).anyMatch(s -> s.contains("more than 256 colours"));
    ApngTestFrames.Animation b = assertSameFrames(in, o.data());
    assertThat(b.colorType()).isEqualTo(PngHeader.RGBA);
  }

  @Test
  void aDefaultImageOutsideTheAnimationSharesTheExactPalette() throws Exception {
    Random rnd = new Random(7);
    int w = 32;
    int h = 24;
    TwoFrames t = twoFrames(rnd, 12, w, h, new ApngTestFrames.Control(10, 8, 5, 6, 3, 100, 1, 1));
    int[] still = blocks(rnd, t.colours(), w, h);
    byte[] in = ApngTestFrames.build(w, h, t.controls(), t.frames(), still);
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    ApngTestFrames.Animation b = assertSameFrames(in, o.data());
    assertThat(b.colorType()).isEqualTo(PngHeader.PALETTE);
    // viewers without APNG support show the IDAT image: the JDK reader is one
    int[] shown = ImageIO.read(new ByteArrayInputStream(o.data())).getRGB(0, 0, w, h, null, 0, w);
    assertThat(zeroTransparent(shown)).isEqualTo(zeroTransparent(still.clone()));
  }

  @Test
  void sixteenBitFramesBecomeIndexedOnlyWhenEverySampleReducesExactly() throws Exception {
    int w = 40;
    int h = 30;
    TwoFrames t = twoFrames(new Random(16), 9, w, h, new ApngTestFrames.Control(20, 10, 3, 4, 1, 10, 2, 0));
    byte[] reducible = ApngTestFrames.build16(w, h, t.controls(), t.frames(), false);
    Optimized o = new PngOptimizer().optimize(reducible, Options.lossless(), CONTEXT);
    ApngTestFrames.Animation b = assertSameFrames(reducible, o.data());
    assertThat(b.colorType()).isEqualTo(PngHeader.PALETTE);

    byte[] exact16 = ApngTestFrames.build16(w, h, t.controls(), t.frames(), true);
    Optimized kept = new PngOptimizer().optimize(exact16, Options.lossless(), CONTEXT);
    ApngTestFrames.Animation k = ApngTestFrames.read(kept.data());
    assertThat(kept.steps()).anyMatch(s -> s.contains("16-bit samples"));
    assertThat(k.colorType()).isEqualTo(PngHeader.RGBA);
    assertThat(k.bitDepth()).isEqualTo(16);
  }

  @Test
  void randomFewColourAnimationsDecodeFrameByFrameIdentical() throws Exception {
    long seed = System.nanoTime();
    System.out.println("exact-palette APNG property seed " + seed);
    Random rnd = new Random(seed);
    int indexed = 0;
    int runs = 30;
    for (int run = 0; run < runs; run++) {
      int w = 1 + rnd.nextInt(24);
      int h = 1 + rnd.nextInt(24);
      int[] colours = randomColours(rnd, 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 256));
      int count = 1 + rnd.nextInt(5);
      List<ApngTestFrames.Control> controls = new ArrayList<>();
      List<int[]> frames = new ArrayList<>();
      for (int f = 0; f < count; f++) {
        int fw = f == 0 ? w : 1 + rnd.nextInt(w);
        int fh = f == 0 ? h : 1 + rnd.nextInt(h);
        int x = f == 0 ? 0 : rnd.nextInt(w - fw + 1);
        int y = f == 0 ? 0 : rnd.nextInt(h - fh + 1);
        controls.add(new ApngTestFrames.Control(fw, fh, x, y, rnd.nextInt(100), 1 + rnd.nextInt(100), rnd.nextInt(3),
            rnd.nextInt(2)));
        frames.add(blocks(rnd, colours, fw, fh));
      }
      byte[] in = ApngTestFrames.build(w, h, controls, frames,
          rnd.nextInt(4) == 0 ? blocks(rnd, colours, w, h) : null);
      Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
      ApngTestFrames.Animation b = assertSameFrames(in, o.data());
      PngHeader header = PngParser.parse(in, Limits.defaults()).header();
      int refiltered = ApngRecompressor.recompress(in, header, Options.lossless().metadata(), Limits.defaults(),
          Options.lossless().effort(), Runnable::run).png().length;
      // the indexed file is kept only when smaller than the re-filtered one
      assertThat(o.data().length).as("run %d", run).isLessThanOrEqualTo(refiltered);
      if (b.colorType() == PngHeader.PALETTE) {
        indexed++;
        assertThat(o.data().length).as("run %d", run).isLessThan(refiltered);
      }
    }
    System.out.println("  " + indexed + " of " + runs + " written indexed");
    // tiny frames of up to 256 colours often lose to their PLTE, but some must win (16-23 of 30 seen)
    assertThat(indexed).isPositive();
  }

  /**
   * Checks that {@code out} has the play count, frame controls and every frame's pixels of {@code in}, fully
   * transparent pixels counting as one colour.
   */
  private static ApngTestFrames.Animation assertSameFrames(byte[] in, byte[] out) throws Exception {
    ApngTestFrames.Animation a = ApngTestFrames.read(in);
    ApngTestFrames.Animation b = ApngTestFrames.read(out);
    assertThat(b.numPlays()).isEqualTo(a.numPlays());
    assertThat(b.controls()).isEqualTo(a.controls());
    assertThat(b.frames()).hasSameSizeAs(a.frames());
    for (int f = 0; f < a.frames().size(); f++) {
      assertThat(b.frames().get(f)).as("frame " + f).isEqualTo(a.frames().get(f));
    }
    return b;
  }

  private static int[] zeroTransparent(int[] px) {
    for (int i = 0; i < px.length; i++) {
      if ((px[i] >>> 24) == 0) {
        px[i] = 0;
      }
    }
    return px;
  }

  /** {@code n} random colours, about a third of them not opaque (some fully transparent). */
  private static int[] randomColours(Random rnd, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int alpha = rnd.nextInt(3) == 0 ? rnd.nextInt(256) : 255;
      out[i] = alpha << 24 | rnd.nextInt(1 << 24);
    }
    return out;
  }

  /** Two frames of {@link #blocks} over the same colours, and their controls. */
  private record TwoFrames(int[] colours, List<ApngTestFrames.Control> controls, List<int[]> frames) {}

  /** A w x h first frame (blend SOURCE, dispose NONE) and {@code second}, of runs of {@code n} random colours. */
  private static TwoFrames twoFrames(Random rnd, int n, int w, int h, ApngTestFrames.Control second) {
    int[] colours = randomColours(rnd, n);
    List<ApngTestFrames.Control> controls = List.of(new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 0, 0), second);
    return new TwoFrames(colours, controls, List.of(blocks(rnd, colours, w, h),
        blocks(rnd, colours, second.width(), second.height())));
  }

  /** A w x h frame of runs of the given colours (runs, so deflate has something to find, as in real frames). */
  private static int[] blocks(Random rnd, int[] colours, int w, int h) {
    int[] px = new int[w * h];
    int c = colours[rnd.nextInt(colours.length)];
    for (int i = 0; i < px.length; i++) {
      if (rnd.nextInt(6) == 0) {
        c = colours[rnd.nextInt(colours.length)];
      }
      px[i] = c;
    }
    return px;
  }

  /**
   * spinner_apng.png quantised by the lossy path (one shared palette of 17 colours), written back as an 8-bit
   * RGBA APNG with the same frame controls: an RGBA animation of few colours, as editors that keep RGBA write.
   */
  static byte[] quantisedSpinnerAsRgba() throws Exception {
    byte[] spinner = Corpus.read(Corpus.file("png/spinner_apng.png"));
    byte[] quantised = new PngOptimizer().optimize(spinner, Options.defaults(), CONTEXT).data();
    ApngTestFrames.Animation a = ApngTestFrames.read(quantised);
    return ApngTestFrames.build(a.width(), a.height(), a.controls(), a.frames());
  }

  /**
   * spinner_apng.png (1,085 colours over its frames, resized from a GIF) with every channel posterised to six
   * levels, written back as an 8-bit RGBA APNG with the same frame controls: an RGBA animation of at most 216
   * colours, as tools that keep RGBA for few-colour animations write.
   */
  static byte[] posterisedSpinner() throws Exception {
    ApngTestFrames.Animation a = ApngTestFrames.read(Corpus.read(Corpus.file("png/spinner_apng.png")));
    List<int[]> frames = new ArrayList<>();
    for (int[] f : a.frames()) {
      int[] p = new int[f.length];
      for (int i = 0; i < f.length; i++) {
        int out = f[i] & 0xFF000000;
        for (int shift = 0; shift <= 16; shift += 8) {
          int level = (((f[i] >>> shift) & 0xFF) * 5 + 127) / 255;
          out |= (level * 51) << shift;
        }
        p[i] = out;
      }
      frames.add(p);
    }
    return ApngTestFrames.build(a.width(), a.height(), a.controls(), frames);
  }
}
