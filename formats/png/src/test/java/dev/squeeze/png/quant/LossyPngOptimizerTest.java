package dev.squeeze.png.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.png.PngOptimizerProvider;
import dev.squeeze.quality.Ssim;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Lossy options through the whole PNG optimizer: quantised when it pays, lossless otherwise. */
class LossyPngOptimizerTest {
  private static final Squeeze SQUEEZE = Squeeze.builder().providers(List.of(new PngOptimizerProvider())).build();

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void lossyIsSmallerThanLosslessAndAboveTheSsimFloor() throws Exception {
    // an 8-bit photo and a 16-bit one (quantised from its high bytes)
    for (String name : List.of("png/rose.png", "png/chelsea_rgb16.png")) {
      byte[] in = Corpus.read(Corpus.file(name));
      Result lossless = SQUEEZE.optimize(in, Options.lossless());
      Result lossy = SQUEEZE.optimize(in, Options.defaults());
      assertThat(lossy.size()).as(name).isLessThan(lossless.size());
      assertThat(lossy.steps()).as(name).anyMatch(s -> s.startsWith("quantised to"));
      BufferedImage a = decode(in);
      BufferedImage b = decode(lossy.data());
      double ssim = Ssim.compare(a, b);
      System.out.printf("%s lossless %d, lossy %d bytes, ssim %.4f%n", name, lossless.size(), lossy.size(), ssim);
      assertThat(ssim).as(name).isGreaterThanOrEqualTo(PaletteLossyStep.SSIM_FLOOR);
    }
  }

  @Test
  void aMinimumQualityNothingCanMeetKeepsTheImageLossless() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/rose.png"));
    Result r = SQUEEZE.optimize(in, Options.defaults().withQuality(100));
    Pixels before = Pixels.of(decode(in));
    Pixels after = Pixels.of(decode(r.data()));
    assertThat(before.firstDifference(after)).isEqualTo(-1);
  }

  @Test
  void animatedPngsStayAnimatedUnderLossyOptions() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/spinner_apng.png"));
    Result lossy = SQUEEZE.optimize(in, Options.defaults());
    Result lossless = SQUEEZE.optimize(in, Options.lossless());
    // frames are quantised with one shared palette (ApngLossyTest checks them), never flattened
    assertThat(lossy.size()).isLessThan(lossless.size());
    assertThat(dev.squeeze.FormatSniffer.isAnimatedPng(lossy.data())).isTrue();
  }
}
