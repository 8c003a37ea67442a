package dev.squeeze.png.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Format;
import dev.squeeze.quality.Ssim;
import dev.squeeze.testing.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The quantizer on the corpus PNGs: quality floor, exactness for palette images, decodable output. */
class QuantizerCorpusTest {
  /**
   * Floor on dev.squeeze.quality.Ssim at the default options (quality 65-80, full dithering). pngquant's own
   * 65-80 output scores 0.985 to 0.996 on the corpus by the same measure (rose lowest), ours 0.986 to 0.996;
   * 0.98 leaves room for small tuning changes while any real breakage (a wrong palette, lost alpha) falls far
   * below it.
   */
  private static final double SSIM_FLOOR = 0.98;

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
      BufferedImage img = decode(Corpus.read(p));
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      QuantizedImage q = PaletteQuantizer.quantize(argb, w, h, QuantizeOptions.defaults()).orElseThrow();
      int[] quantized = q.toArgb();
      double ssim = Ssim.compare(argb, quantized, w, h);
      System.out.printf("%s %s ssim=%.5f%n", p.getFileName(), q, ssim);
      assertThat(ssim).as(p.toString()).isGreaterThanOrEqualTo(SSIM_FLOOR);
      assertThat(q.colors()).isLessThanOrEqualTo(256);

      BufferedImage back = decode(IndexedPngWriter.write(q));
      int[] decoded = back.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < decoded.length; i++) {
        int want = (quantized[i] >>> 24) == 0 ? 0 : quantized[i];
        int got = (decoded[i] >>> 24) == 0 ? 0 : decoded[i];
        assertThat(got).as("%s pixel %d", p, i).isEqualTo(want);
      }
    }
  }

  @Test
  void corpusPaletteImagesComeBackExactly() throws IOException {
    int checked = 0;
    for (Path p : pngs()) {
      BufferedImage img = decode(Corpus.read(p));
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      if (java.util.Arrays.stream(argb).distinct().count() > 256) {
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
