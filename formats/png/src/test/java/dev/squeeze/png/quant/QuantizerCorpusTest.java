package dev.squeeze.png.quant;

import dev.squeeze.quality.Argb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Effort;
import dev.squeeze.Format;
import dev.squeeze.quality.Ssim;
import dev.squeeze.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The quantizer on the corpus PNGs: quality floor, exactness for palette images, decodable output. */
class QuantizerCorpusTest {
  /**
   * Floors on dev.squeeze.quality.Ssim for the corpus PNGs with more than 256 colours (photos and rich
   * graphics), per option set, from measurements. Through the optimizer's step (quality 65-93, dithering
   * 0.5) every such file scored 0.97 or more (softwaves_gradient lowest; quality.py's full-resolution SSIM
   * 0.938). At the pngquant-like defaults (65-80, full dithering) the lowest was 0.945, again
   * softwaves_gradient. The floors
   * leave about 0.02 for tuning, while real breakage (a wrong palette, lost alpha, misplaced indices) scores
   * far lower.
   */
  private static final double OPTIMIZER_FLOOR = 0.95;
  private static final double DEFAULTS_FLOOR = 0.925;

  private static List<Path> pngs() {
    List<Path> files = Corpus.files(Format.PNG);
    assertThat(files).isNotEmpty();
    return files;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img).isNotNull();
    return img;
  }

  @Test
  void corpusImagesKeepSsimAboveTheFloorAndDecodeToTheQuantizedPixels() throws IOException {
    for (Path p : pngs()) {
      if (p.getFileName().toString().contains("apng")) {
        continue; // only the first frame would be read; the optimizer leaves APNG lossless
      }
      BufferedImage img = decode(Corpus.read(p));
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = Argb.of(img);
      if (Arrays.stream(argb).distinct().count() <= 256) {
        continue; // few-colour images: exact by default, and guarded by the optimizer's floor when reduced
      }
      check(p, argb, w, h, QuantizeOptions.defaults(), DEFAULTS_FLOOR);
    }
  }

  @Test
  void theOptimizerStepIsSmallerAndAboveItsSsimFloorOrDeclines() throws IOException {
    int used = 0;
    for (Path p : pngs()) {
      if (p.getFileName().toString().contains("apng")) {
        continue;
      }
      byte[] original = Corpus.read(p);
      BufferedImage img = decode(original);
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = Argb.of(img);
      Optional<PaletteLossyStep.Attempt> a =
          PaletteLossyStep.attempt(argb, w, h, OptionalInt.empty(), List.of(), Effort.FAST, original.length);
      if (a.isEmpty()) {
        continue;
      }
      used++;
      assertThat(a.get().png().length).as(p.toString()).isLessThan(original.length);
      BufferedImage out = decode(a.get().png());
      double ssim = Ssim.compare(argb, out.getRGB(0, 0, w, h, null, 0, w), w, h);
      System.out.printf("%s %d -> %d bytes, %s, ssim=%.5f%n", p.getFileName(), original.length,
          a.get().png().length, a.get().description(), ssim);
      boolean rich = Arrays.stream(argb).distinct().count() > 256;
      assertThat(ssim).as(p.toString()).isGreaterThanOrEqualTo(rich ? OPTIMIZER_FLOOR : PaletteLossyStep.SSIM_FLOOR);
    }
    assertThat(used).as("corpus files made smaller by quantisation").isGreaterThan(pngs().size() / 2);
  }

  private static void check(Path p, int[] argb, int w, int h, QuantizeOptions o, double floor) throws IOException {
    QuantizedImage q = PaletteQuantizer.quantize(argb, w, h, o).orElseThrow();
    int[] quantized = q.toArgb();
    double ssim = Ssim.compare(argb, quantized, w, h);
    System.out.printf("%s %s %s ssim=%.5f%n", p.getFileName(), o, q, ssim);
    assertThat(ssim).as(p + " " + o).isGreaterThanOrEqualTo(floor);
    assertThat(q.colors()).isLessThanOrEqualTo(256);
    BufferedImage back = decode(IndexedPngWriter.write(q));
    int[] decoded = back.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < decoded.length; i++) {
      int want = (quantized[i] >>> 24) == 0 ? 0 : quantized[i];
      int got = (decoded[i] >>> 24) == 0 ? 0 : decoded[i];
      assertThat(got).as("%s pixel %d", p, i).isEqualTo(want);
    }
  }

  @Test
  void corpusPaletteImagesComeBackExactly() throws IOException {
    int checked = 0;
    for (Path p : pngs()) {
      BufferedImage img = decode(Corpus.read(p));
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = Argb.of(img);
      if (p.getFileName().toString().contains("apng") || Arrays.stream(argb).distinct().count() > 256) {
        continue;
      }
      checked++;
      QuantizedImage q = PaletteQuantizer.quantize(argb, w, h, QuantizeOptions.defaults()).orElseThrow();
      assertThat(q.exact()).as(p.toString()).isTrue();
      assertThat(q.toArgb()).as(p.toString()).isEqualTo(argb);
    }
    assertThat(checked).as("corpus palette images").isPositive();
  }
}
