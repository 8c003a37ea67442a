package dev.squeeze.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.squeeze.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ssimulacra2Test {
  /**
   * Scores of the C++ reference (ssimulacra2 2.1 binary), as captured by the Rust port's
   * {@code capture_cpp_reference} example (imazen/ssimulacra2, {@code src/reference_data.rs}), on synthetic
   * images rebuilt here byte for byte (their SHA-256 over packed RGB is checked). Pairs with large
   * differences match to 2e-3. Near-identical pairs are left out or loosely bounded: there the reference's
   * own float rounding in its IIR blur dominates (uniform grey 128 vs 129 gives 96.15 in the reference and
   * moved between 94.5 and 97.6 here with the blur's accumulator precision).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "gradient_vs_uniform, 64, -64.568721480, 0.01, bfcfaa0618d2, 2203a98fd84a",
      "noise_vs_uniform, 64, -47.335725580, 0.01, 7f6be7f433cc, 2203a98fd84a",
      "uniform_shift_50, 64, -8.759422560, 0.1, 2203a98fd84a, e67286008fa1",
      "uniform_shift_50, 128, -9.823833150, 0.1, 2af5ead05032, 768e019eb1e7",
      "uniform_shift_50, 256, -0.390857840, 0.1, 83ab53863cf7, ebf9afb21c24",
      "uniform_shift_20, 128, 54.278839170, 0.15, 2af5ead05032, 22a45cbe1683",
      "uniform_shift_20, 256, 59.778929180, 0.15, 83ab53863cf7, 2aebb5647caa",
      "uniform_shift_10, 128, 77.842962990, 0.15, 2af5ead05032, 8a688a547f7b",
  })
  void matchesTheCppReference(String kind, int size, double expected, double tolerance, String srcHash,
      String distHash) {
    int[] src;
    int[] dist;
    switch (kind) {
      case "gradient_vs_uniform" -> {
        src = Synthetic.gradientH(size, size);
        dist = Synthetic.uniform(size, size, 128);
      }
      case "noise_vs_uniform" -> {
        src = Synthetic.noise(size, size, 42);
        dist = Synthetic.uniform(size, size, 128);
      }
      default -> {
        src = Synthetic.uniform(size, size, 128);
        dist = Synthetic.uniform(size, size, 128 + Integer.parseInt(kind.substring(kind.lastIndexOf('_') + 1)));
      }
    }
    assertThat(Synthetic.sha256Rgb(src)).as("source image as the reference built it").startsWith(srcHash);
    assertThat(Synthetic.sha256Rgb(dist)).as("distorted image as the reference built it").startsWith(distHash);
    assertThat(Ssimulacra2.compare(src, dist, size, size)).isCloseTo(expected, within(tolerance));
  }

  @Test
  void identicalImagesScore100() throws IOException {
    long seed = new Random().nextLong();
    System.out.println("Ssimulacra2Test.identicalImagesScore100 seed=" + seed);
    Random rnd = new Random(seed);
    int w = 8 + rnd.nextInt(120);
    int h = 8 + rnd.nextInt(120);
    int[] p = new int[w * h];
    for (int i = 0; i < p.length; i++) {
      p[i] = 0xFF000000 | rnd.nextInt(1 << 24);
    }
    assertThat(Ssimulacra2.compare(p, p.clone(), w, h)).as(w + "x" + h).isEqualTo(100.0);
    BufferedImage photo = ImageIO.read(Corpus.file("png/chelsea.png").toFile());
    assertThat(Ssimulacra2.compare(photo, photo)).isEqualTo(100.0);
  }

  @ParameterizedTest
  @CsvSource({"png/chelsea.png", "png/camera_grey.png", "png/screenshot_gnome_shell_exit.png"})
  void higherJpegQualityScoresHigher(String file) throws IOException {
    BufferedImage orig = ImageIO.read(Corpus.file(file).toFile());
    double previous = Double.NEGATIVE_INFINITY;
    for (int q : new int[] {10, 30, 50, 70, 90}) {
      double s = Ssimulacra2.compare(orig, Jpegs.roundTrip(orig, q));
      assertThat(s).as(file + " quality " + q).isGreaterThan(previous).isLessThan(100.0);
      previous = s;
    }
    // the meaning the javadoc promises: the JDK encoder at quality 90 is high quality, at 10 it is poor
    assertThat(Ssimulacra2.compare(orig, Jpegs.roundTrip(orig, 90))).isGreaterThan(75.0);
    assertThat(Ssimulacra2.compare(orig, Jpegs.roundTrip(orig, 10))).isLessThan(40.0);
  }

  @Test
  void blurAndRingingLowerTheScore() throws IOException {
    BufferedImage orig = ImageIO.read(Corpus.file("png/chelsea.png").toFile());
    int w = orig.getWidth();
    int h = orig.getHeight();
    int[] p = Argb.of(orig);
    double blur1 = Ssimulacra2.compare(p, Synthetic.boxBlur(p, w, h, 1), w, h);
    double blur2 = Ssimulacra2.compare(p, Synthetic.boxBlur(p, w, h, 2), w, h);
    double ring1 = Ssimulacra2.compare(p, Synthetic.sharpen(p, w, h, 1.0), w, h);
    double ring2 = Ssimulacra2.compare(p, Synthetic.sharpen(p, w, h, 2.5), w, h);
    assertThat(blur1).isLessThan(90).isGreaterThan(blur2);
    assertThat(ring1).isLessThan(90).isGreaterThan(ring2);
  }

  @Test
  void moreNoiseScoresLower() {
    long seed = new Random().nextLong();
    System.out.println("Ssimulacra2Test.moreNoiseScoresLower seed=" + seed);
    Random rnd = new Random(seed);
    int w = 64 + rnd.nextInt(64);
    int h = 64 + rnd.nextInt(64);
    int[] src = Synthetic.smoothRandom(w, h, rnd);
    double previous = 100.0;
    for (double sigma : new double[] {1, 3, 8, 20}) {
      double s = Ssimulacra2.compare(src, Synthetic.addNoise(src, sigma, new Random(rnd.nextLong())), w, h);
      assertThat(s).as("noise sigma " + sigma + " on " + w + "x" + h).isLessThan(previous);
      previous = s;
    }
  }

  @Test
  void invisibleColourUnderFullTransparencyDoesNotCount() {
    long seed = new Random().nextLong();
    System.out.println("Ssimulacra2Test.invisibleColourUnderFullTransparencyDoesNotCount seed=" + seed);
    Random rnd = new Random(seed);
    int w = 48;
    int h = 40;
    int[] a = Synthetic.smoothRandom(w, h, rnd);
    int[] b = a.clone();
    for (int i = 0; i < a.length; i++) {
      if (rnd.nextInt(3) == 0) {
        a[i] &= 0x00FFFFFF;
        b[i] = rnd.nextInt(1 << 24); // alpha 0, any colour
      }
    }
    assertThat(Ssimulacra2.compare(a, b, w, h)).isEqualTo(100.0);
    int[] c = a.clone();
    for (int i = 0; i < c.length; i++) {
      if ((c[i] >>> 24) == 0) {
        c[i] |= 0xFF000000; // the same colours made visible differ
      }
    }
    assertThat(Ssimulacra2.compare(a, c, w, h)).isLessThan(90.0);
  }

  @Test
  void greyImagesScoreLikeTheirRgbEquivalent() throws IOException {
    BufferedImage grey = ImageIO.read(Corpus.file("png/page_scan_grey.png").toFile());
    BufferedImage rgb = ImageIO.read(Corpus.file("png/page_scan_rgb_is_grey.png").toFile());
    BufferedImage greyJpeg = Jpegs.roundTrip(grey, 40);
    int[] rgbOfJpeg = Argb.of(greyJpeg);
    assertThat(Ssimulacra2.compare(grey, greyJpeg))
        .isEqualTo(Ssimulacra2.compare(Argb.of(rgb), rgbOfJpeg, rgb.getWidth(), rgb.getHeight()));
  }

  @Test
  void rejectsMismatchedOrTinyImages() {
    assertThatThrownBy(() -> Ssimulacra2.compare(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB),
        new BufferedImage(20, 21, BufferedImage.TYPE_INT_RGB))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ssimulacra2.compare(new int[49], new int[49], 7, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recursiveGaussianApproximatesTheGaussian() {
    int n = 41;
    float[] in = new float[n * n];
    in[20 * n + 20] = 1f;
    float[] out = new float[n * n];
    new RecursiveGaussian(1.5).blur(in, out, new float[n * n], n, n);
    double sum = 0;
    double worst = 0;
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        double r2 = (x - 20) * (x - 20) + (y - 20) * (y - 20);
        double g = Math.exp(-r2 / (2 * 1.5 * 1.5)) / (2 * Math.PI * 1.5 * 1.5);
        worst = Math.max(worst, Math.abs(out[y * n + x] - g));
        sum += out[y * n + x];
      }
    }
    assertThat(sum).isCloseTo(1.0, within(1e-3));
    // peak of the 2-D Gaussian is 0.0707; the paper reports errors of about 1% of it for this N
    assertThat(worst).isLessThan(1.5e-3);
  }

  /** Deterministic test images, including the C++ reference's synthetic ones. */
  static final class Synthetic {
    private Synthetic() {}

    static int[] uniform(int w, int h, int v) {
      int[] p = new int[w * h];
      Arrays.fill(p, 0xFF000000 | v << 16 | v << 8 | v);
      return p;
    }

    static int[] gradientH(int w, int h) {
      int[] p = new int[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int v = x * 255 / (w - 1);
          p[y * w + x] = 0xFF000000 | v << 16 | v << 8 | v;
        }
      }
      return p;
    }

    /** The reference's noise: a 64-bit LCG (Knuth's MMIX constants), bits 33..40 of the state per sample. */
    static int[] noise(int w, int h, long seed) {
      long state = seed;
      int[] p = new int[w * h];
      for (int i = 0; i < p.length; i++) {
        int rgb = 0;
        for (int k = 0; k < 3; k++) {
          state = state * 6364136223846793005L + 1442695040888963407L;
          rgb = rgb << 8 | (int) ((state >>> 33) & 0xFF);
        }
        p[i] = 0xFF000000 | rgb;
      }
      return p;
    }

    static String sha256Rgb(int[] p) {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] rgb = new byte[p.length * 3];
        for (int i = 0; i < p.length; i++) {
          rgb[3 * i] = (byte) (p[i] >> 16);
          rgb[3 * i + 1] = (byte) (p[i] >> 8);
          rgb[3 * i + 2] = (byte) p[i];
        }
        return HexFormat.of().formatHex(md.digest(rgb));
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }

    /** Smooth random content: a few random colour gradients plus blobs, so blur and noise both matter. */
    static int[] smoothRandom(int w, int h, Random rnd) {
      double[][] c = new double[3][4];
      for (double[] row : c) {
        for (int i = 0; i < 4; i++) {
          row[i] = rnd.nextDouble();
        }
      }
      int[] p = new int[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = 0;
          for (int k = 0; k < 3; k++) {
            double v = 40 + 170 * (c[k][0] * x / w + c[k][1] * y / h) / 2
                + 40 * Math.sin(c[k][2] * x / 3.0) * Math.cos(c[k][3] * y / 4.0);
            rgb = rgb << 8 | Math.max(0, Math.min(255, (int) Math.round(v)));
          }
          p[y * w + x] = 0xFF000000 | rgb;
        }
      }
      return p;
    }

    static int[] addNoise(int[] src, double sigma, Random rnd) {
      int[] out = new int[src.length];
      for (int i = 0; i < src.length; i++) {
        int rgb = 0;
        for (int k = 16; k >= 0; k -= 8) {
          int v = (int) Math.round(((src[i] >> k) & 0xFF) + rnd.nextGaussian() * sigma);
          rgb |= Math.max(0, Math.min(255, v)) << k;
        }
        out[i] = 0xFF000000 | rgb;
      }
      return out;
    }

    static int[] boxBlur(int[] src, int w, int h, int r) {
      int[] out = new int[src.length];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int[] acc = new int[3];
          int n = 0;
          for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
              int c = src[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))];
              acc[0] += (c >> 16) & 0xFF;
              acc[1] += (c >> 8) & 0xFF;
              acc[2] += c & 0xFF;
              n++;
            }
          }
          out[y * w + x] = 0xFF000000 | (acc[0] / n) << 16 | (acc[1] / n) << 8 | (acc[2] / n);
        }
      }
      return out;
    }

    /** Unsharp mask: overshoot at edges, the halo ("ringing") SSIMULACRA2's artifact map looks for. */
    static int[] sharpen(int[] src, int w, int h, double amount) {
      int[] blurred = boxBlur(src, w, h, 1);
      int[] out = new int[src.length];
      for (int i = 0; i < src.length; i++) {
        int rgb = 0;
        for (int k = 16; k >= 0; k -= 8) {
          int a = (src[i] >> k) & 0xFF;
          int b = (blurred[i] >> k) & 0xFF;
          rgb |= Math.max(0, Math.min(255, (int) Math.round(a + amount * (a - b)))) << k;
        }
        out[i] = 0xFF000000 | rgb;
      }
      return out;
    }
  }
}
