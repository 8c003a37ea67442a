package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.FormatSniffer;
import dev.squeeze.Effort;
import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.png.quant.PaletteLossyStep;
import dev.squeeze.quality.Ssim;
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
 * Lossy animated PNGs: one shared palette, every frame kept with its control fields, every composited frame
 * at or above the SSIM floor, and lossless whenever that cannot be had. Frames are decoded and composited by
 * {@link ApngTestFrames}, independently of the production decoder and compositor.
 */
class ApngLossyTest {
  private static final OptimizerContext CONTEXT = new OptimizerContext(Limits.defaults(), Runnable::run);

  @Test
  void spinnerIsQuantisedWithOneSharedPalette() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/spinner_apng.png"));
    long t0 = System.nanoTime();
    Optimized lossy = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    long t1 = System.nanoTime();
    Optimized lossless = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    System.out.printf("spinner_apng: input %d, lossless %d, lossy %d bytes (lossy %.0f ms) %s%n", in.length,
        lossless.data().length, lossy.data().length, (t1 - t0) / 1e6, lossy.steps());
    assertThat(lossy.data().length).isLessThan(lossless.data().length);
    assertThat(lossy.dimensions().frames()).isEqualTo(6);
    assertQuantisedAnimation(in, lossy.data());
  }

  @Test
  void aSecondLossyPassNeverGrowsTheFileAndKeepsTheAnimation() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/spinner_apng.png"));
    byte[] once = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT).data();
    Optimized twice = new PngOptimizer().optimize(once, Options.defaults(), CONTEXT);
    assertThat(twice.data().length).isLessThanOrEqualTo(once.length);
    assertThat(twice.dimensions().frames()).isEqualTo(6);
    assertQuantisedAnimation(once, twice.data());
  }

  @Test
  void framesBlendedOverTheCanvasKeepTheirTransparentPixelsAndQuality() throws Exception {
    byte[] in = overAnimation();
    Optimized lossy = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    System.out.printf("over animation: input %d, lossy %d bytes %s%n", in.length, lossy.data().length,
        lossy.steps());
    assertQuantisedAnimation(in, lossy.data());
    ApngTestFrames.Animation a = ApngTestFrames.read(in);
    ApngTestFrames.Animation b = ApngTestFrames.read(lossy.data());
    for (int f = 0; f < a.frames().size(); f++) {
      int[] pa = a.frames().get(f);
      int[] pb = b.frames().get(f);
      for (int i = 0; i < pa.length; i++) {
        if ((pa[i] >>> 24) == 0) {
          assertThat(pb[i] >>> 24).as("frame %d pixel %d", f, i).isZero();
        }
      }
    }
  }

  @Test
  void maximumEffortOnlyReordersTheQuantisedPalette() throws Exception {
    byte[] in = overAnimation();
    Optimized normal = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    Optimized maximum = new PngOptimizer().optimize(in, Options.defaults().withEffort(Effort.MAXIMUM), CONTEXT);
    System.out.printf("over animation lossy: default effort %d, maximum effort %d bytes%n", normal.data().length,
        maximum.data().length);
    assertQuantisedAnimation(in, maximum.data());
    // the same quantised colours on every visible pixel: the palette order is the only difference
    ApngTestFrames.Animation a = ApngTestFrames.read(normal.data());
    ApngTestFrames.Animation b = ApngTestFrames.read(maximum.data());
    for (int f = 0; f < a.frames().size(); f++) {
      int[] pa = a.frames().get(f);
      int[] pb = b.frames().get(f);
      for (int i = 0; i < pa.length; i++) {
        assertThat((pb[i] >>> 24) == 0 ? 0 : pb[i]).as("frame %d pixel %d", f, i)
            .isEqualTo((pa[i] >>> 24) == 0 ? 0 : pa[i]);
      }
    }
  }

  @Test
  void aDefaultImageOutsideTheAnimationSharesThePaletteAndStaysAboveTheFloor() throws Exception {
    BufferedImage photo = ImageIO.read(new ByteArrayInputStream(Corpus.read(Corpus.file("png/chelsea.png"))));
    int w = 80;
    int h = 60;
    int[] still = photo.getRGB(200, 100, w, h, null, 0, w);
    List<ApngTestFrames.Control> controls = new ArrayList<>();
    List<int[]> frames = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      controls.add(new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 0, 0));
      frames.add(photo.getRGB(20 * f, 30 * f, w, h, null, 0, w));
    }
    byte[] in = ApngTestFrames.build(w, h, controls, frames, still);
    Optimized lossy = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    System.out.printf("default image animation: input %d, lossy %d bytes %s%n", in.length, lossy.data().length,
        lossy.steps());
    assertQuantisedAnimation(in, lossy.data());
    List<String> types = ApngTestFrames.read(lossy.data()).chunkTypes();
    assertThat(types.indexOf("IDAT")).isLessThan(types.indexOf("fcTL"));
    // viewers without APNG support show the IDAT image: the JDK reader is one
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(lossy.data()));
    assertThat(Ssim.compare(still, shown.getRGB(0, 0, w, h, null, 0, w), w, h))
        .isGreaterThanOrEqualTo(PaletteLossyStep.SSIM_FLOOR);
  }

  @Test
  void losslessOptionsKeepEveryFramesPixels() throws Exception {
    byte[] in = overAnimation();
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    ApngTestFrames.Animation a = ApngTestFrames.read(in);
    ApngTestFrames.Animation b = ApngTestFrames.read(o.data());
    assertThat(b.colorType()).isEqualTo(a.colorType());
    assertThat(b.controls()).isEqualTo(a.controls());
    for (int f = 0; f < a.frames().size(); f++) {
      assertThat(b.frames().get(f)).as("frame " + f).isEqualTo(a.frames().get(f));
    }
  }

  @Test
  void noiseNoPaletteCanServeStaysLossless() throws Exception {
    long seed = 20261204L;
    System.out.println("noise animation seed " + seed);
    Random rnd = new Random(seed);
    int w = 48;
    int h = 32;
    List<ApngTestFrames.Control> controls = new ArrayList<>();
    List<int[]> frames = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      controls.add(new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 0, 0));
      int[] px = new int[w * h];
      for (int i = 0; i < px.length; i++) {
        px[i] = 0xFF000000 | rnd.nextInt(1 << 24);
      }
      frames.add(px);
    }
    byte[] in = ApngTestFrames.build(w, h, controls, frames);
    Optimized lossy = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    Optimized lossless = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    assertThat(lossy.data()).isEqualTo(lossless.data());
    assertThat(lossy.steps()).anyMatch(s -> s.contains("kept lossless"));
    assertThat(FormatSniffer.isAnimatedPng(lossy.data())).isTrue();
  }

  @Test
  void anUnrenderableDisposeOpStaysLosslessInsteadOfFailing() throws Exception {
    BufferedImage photo = ImageIO.read(new ByteArrayInputStream(Corpus.read(Corpus.file("png/chelsea.png"))));
    int w = 40;
    int h = 30;
    // dispose_op 3 is not APNG: the lossless rewrite copies the fcTL as it is, but no one can render it
    List<ApngTestFrames.Control> controls = List.of(new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 0, 0),
        new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 3, 0));
    List<int[]> frames = List.of(photo.getRGB(0, 0, w, h, null, 0, w), photo.getRGB(50, 50, w, h, null, 0, w));
    byte[] in = ApngTestFrames.build(w, h, controls, frames);
    Optimized lossy = new PngOptimizer().optimize(in, Options.defaults(), CONTEXT);
    Optimized lossless = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    assertThat(lossy.data()).isEqualTo(lossless.data());
    assertThat(lossy.steps()).anyMatch(s -> s.contains("not tried"));
  }

  @Test
  void aMinimumQualityNothingCanMeetKeepsTheSpinnerLossless() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/spinner_apng.png"));
    Optimized strict = new PngOptimizer().optimize(in, Options.defaults().withQuality(100), CONTEXT);
    Optimized lossless = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    assertThat(strict.data()).isEqualTo(lossless.data());
  }

  /**
   * Checks {@code out} against {@code in}: an APNG with IHDR colour type 3 and exactly one PLTE (before the
   * image data), the same play count and frame controls, and every composited frame at or above the floor.
   */
  private static void assertQuantisedAnimation(byte[] in, byte[] out) throws Exception {
    assertThat(FormatSniffer.isAnimatedPng(out)).isTrue();
    ApngTestFrames.Animation a = ApngTestFrames.read(in);
    ApngTestFrames.Animation b = ApngTestFrames.read(out);
    assertThat(b.colorType()).isEqualTo(PngHeader.PALETTE);
    assertThat(b.chunkTypes().stream().filter(t -> t.equals("PLTE")).count()).isEqualTo(1);
    assertThat(b.chunkTypes().indexOf("PLTE")).isLessThan(b.chunkTypes().indexOf("IDAT"));
    assertThat(b.numPlays()).isEqualTo(a.numPlays());
    assertThat(b.controls()).isEqualTo(a.controls());
    List<int[]> ca = a.composited();
    List<int[]> cb = b.composited();
    assertThat(cb).hasSameSizeAs(ca);
    double min = 1;
    double sum = 0;
    for (int f = 0; f < ca.size(); f++) {
      double s = Ssim.compare(ca.get(f), cb.get(f), a.width(), a.height());
      min = Math.min(min, s);
      sum += s;
      assertThat(s).as("composited frame " + f).isGreaterThanOrEqualTo(PaletteLossyStep.SSIM_FLOOR);
    }
    System.out.printf("  composited SSIM min %.4f mean %.4f over %d frames%n", min, sum / ca.size(), ca.size());
  }

  /**
   * A 96x64 animation from a corpus photo (chelsea.png): a full first frame, then smaller frames with translucent and fully
   * transparent pixels blended OVER the canvas, with each dispose op.
   */
  static byte[] overAnimation() throws Exception {
    BufferedImage photo = ImageIO.read(new ByteArrayInputStream(Corpus.read(Corpus.file("png/chelsea.png"))));
    int w = 96;
    int h = 64;
    List<ApngTestFrames.Control> controls = new ArrayList<>();
    List<int[]> frames = new ArrayList<>();
    controls.add(new ApngTestFrames.Control(w, h, 0, 0, 1, 10, 0, 0));
    frames.add(photo.getRGB(0, 0, w, h, null, 0, w));
    int[][] boxes = {{40, 30, 5, 4, 0}, {32, 24, 50, 30, 1}, {48, 40, 20, 10, 2}, {30, 20, 60, 40, 0}};
    for (int f = 0; f < boxes.length; f++) {
      int fw = boxes[f][0];
      int fh = boxes[f][1];
      controls.add(new ApngTestFrames.Control(fw, fh, boxes[f][2], boxes[f][3], 1, 10, boxes[f][4], 1));
      int[] px = photo.getRGB(100 + 20 * f, 60 + 10 * f, fw, fh, null, 0, fw);
      for (int y = 0; y < fh; y++) {
        for (int x = 0; x < fw; x++) {
          int i = y * fw + x;
          // a transparent left third ("keep what was there"), a translucent middle, an opaque right third
          int a = x < fw / 3 ? 0 : x < 2 * fw / 3 ? 60 + 4 * y : 255;
          px[i] = a == 0 ? 0 : (Math.min(255, a) << 24) | (px[i] & 0xFFFFFF);
        }
      }
      frames.add(px);
    }
    return ApngTestFrames.build(w, h, controls, frames);
  }
}
