package dev.squeeze.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.squeeze.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SsimTest {
  /**
   * Reference values from scikit-image 0.19.3 (Debian python3-skimage 0.19.3-8):
   * {@code structural_similarity(x, y, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
   * data_range=255)} on BT.601 luma (float64, 0.299 R + 0.587 G + 0.114 B) of the corpus PNG and of its JPEG
   * round trip through the JDK encoder at the given quality, both block-averaged by
   * {@code f = max(1, round(min(w, h) / 256))} as Ssim does (f = 1 for chelsea, 2 for the others). Decoding
   * the JDK's JPEG with Pillow (libjpeg-turbo) gives the same pixels. Java and skimage agreed to 1e-6 on all
   * 20 pairs checked (5 images x qualities 20, 50, 80, 95); the tolerance leaves room for float summation order.
   * Recompute with {@code tools/quality/validate.sh} (its {@code ssim_reference.py} step).
   */
  @ParameterizedTest(name = "{0} q{1}")
  @CsvSource({
      "png/chelsea.png, 20, 0.866006",
      "png/chelsea.png, 50, 0.928671",
      "png/chelsea.png, 95, 0.991108",
      "png/coffee.png, 20, 0.942613",
      "png/camera_grey.png, 20, 0.942104",
      "png/camera_grey.png, 80, 0.992750",
      "png/screenshot_gnome_shell_exit.png, 50, 0.995528",
      "png/astronaut.png, 50, 0.989634",
  })
  void matchesScikitImage(String file, int quality, double expected) throws IOException {
    BufferedImage orig = ImageIO.read(Corpus.file(file).toFile());
    BufferedImage jpeg = Jpegs.roundTrip(orig, quality);
    assertThat(Ssim.compare(orig, jpeg)).isCloseTo(expected, within(1e-4));
  }

  @Test
  void identicalImagesScoreOne() throws IOException {
    BufferedImage orig = ImageIO.read(Corpus.file("png/coffee.png").toFile());
    assertThat(Ssim.compare(orig, orig)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void higherJpegQualityScoresHigher() throws IOException {
    BufferedImage orig = ImageIO.read(Corpus.file("png/chelsea.png").toFile());
    double previous = 0;
    for (int q : new int[] {10, 30, 50, 70, 90, 98}) {
      double s = Ssim.compare(orig, Jpegs.roundTrip(orig, q));
      assertThat(s).as("quality " + q).isGreaterThan(previous).isLessThan(1.0);
      previous = s;
    }
  }

  @Test
  void greyImagesAreReadAsEncodedNotAsLinearLight() throws IOException {
    // the same picture as 8-bit grey and as RGB with equal channels must score the same
    BufferedImage grey = ImageIO.read(Corpus.file("png/page_scan_grey.png").toFile());
    BufferedImage rgb = ImageIO.read(Corpus.file("png/page_scan_rgb_is_grey.png").toFile());
    BufferedImage greyJpeg = Jpegs.roundTrip(grey, 30);
    BufferedImage rgbOfGreyJpeg = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < grey.getHeight(); y++) {
      for (int x = 0; x < grey.getWidth(); x++) {
        int v = greyJpeg.getRaster().getSample(x, y, 0);
        rgbOfGreyJpeg.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    assertThat(Ssim.compare(grey, greyJpeg)).isCloseTo(Ssim.compare(rgb, rgbOfGreyJpeg), within(1e-9));
  }

  @Test
  void sizesMustMatch() {
    assertThatThrownBy(() -> Ssim.compare(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB),
        new BufferedImage(20, 21, BufferedImage.TYPE_INT_RGB))).isInstanceOf(IllegalArgumentException.class);
  }
}
