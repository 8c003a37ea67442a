package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.quality.Ssim;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LossyEncoderTest {
  private final Squeeze squeeze = Squeeze.builder().providers(List.of(new JpegOptimizerProvider())).build();

  private static BufferedImage read(byte[] jpeg) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  @TestFactory
  Stream<DynamicTest> qualitySeventyFiveIsSmallerAndCloseToTheInput() {
    return Corpus.files(dev.squeeze.Format.JPEG).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      byte[] in = Corpus.read(f);
      Result r = squeeze.optimize(in, Options.defaults().withQuality(75));
      assertThat(r.originalReturned()).as(r.toString()).isFalse();
      assertThat(r.size()).isLessThan(in.length);
      BufferedImage a = read(in);
      BufferedImage b = read(r.data());
      assertThat(b.getWidth()).isEqualTo(a.getWidth());
      assertThat(b.getHeight()).isEqualTo(a.getHeight());
      // mozjpeg at quality 75 reaches 0.95-0.97 SSIM on these photos; 0.93 leaves room without hiding a broken encoder
      assertThat(Ssim.compare(a, b)).as("SSIM of " + f).isGreaterThan(0.93);
    }));
  }

  @Test
  void maxWidthResizesKeepingTheAspect() throws Exception {
    byte[] in = Corpus.read(Corpus.files(dev.squeeze.Format.JPEG).get(0));
    BufferedImage a = read(in);
    Result r = squeeze.optimize(in, Options.defaults().withQuality(80).withMaxWidth(200));
    BufferedImage b = read(r.data());
    assertThat(b.getWidth()).isEqualTo(200);
    assertThat(b.getHeight()).isEqualTo(Math.round((float) a.getHeight() * 200 / a.getWidth()));
    assertThat(r.width()).isEqualTo(200);
  }

  @Test
  void greyStaysGreyAndOrientationSurvives() throws Exception {
    byte[] in = Corpus.read(TestFiles.resource("/variants/grey.jpg"));
    byte[] withExif = insertAfterSoi(in, 0xE1, MetadataFilter.minimalExif(6));
    Result r = squeeze.optimize(withExif, Options.defaults().withQuality(60));
    JpegImage out = JpegDecoder.decode(r.data(), Limits.defaults());
    assertThat(out.components).hasSize(1);
    assertThat(out.segments).anyMatch(s -> s.marker() == 0xE1 && MetadataFilter.orientation(s.payload()) == 6);
  }

  @Test
  void cmykIsNeverReencodedFromPixelsSoItsColoursStay() throws Exception {
    byte[] in = Corpus.read(TestFiles.resource("/variants/cmyk.jpg"));
    Result r = squeeze.optimize(in, Options.defaults().withQuality(50));
    assertThat(Pixels.of(read(r.data())).firstDifference(Pixels.of(read(in)))).isEqualTo(-1);
  }

  @Test
  void rgbJpegIsReencodedAsYcbcrWithoutItsAdobeMarker() throws Exception {
    byte[] in = Corpus.read(TestFiles.resource("/variants/rgb.jpg"));
    Result r = squeeze.optimize(in, Options.defaults().withQuality(90));
    JpegImage out = JpegDecoder.decode(r.data(), Limits.defaults());
    assertThat(out.segments).noneMatch(s -> s.isApp(14, "Adobe"));
    assertThat(Ssim.compare(read(in), read(r.data()))).isGreaterThan(0.95);
  }

  /**
   * Random grey images at quality 100 (every quantiser 1) come back within the rounding bound: the property
   * that the colour-free path (DCT, quantisation, coding) is exact up to quantisation, with or without trellis.
   */
  @Test
  void greyAtQualityHundredComesBackWithinRounding() throws Exception {
    long seed = System.nanoTime();
    System.out.println("LossyEncoderTest seed " + seed);
    Random rnd = new Random(seed);
    for (int i = 0; i < 20; i++) {
      int w = 1 + rnd.nextInt(70);
      int h = 1 + rnd.nextInt(70);
      int[] p = new int[w * h];
      int base = rnd.nextInt(256);
      for (int j = 0; j < p.length; j++) {
        p[j] = Math.max(0, Math.min(255, base + (int) (rnd.nextGaussian() * 40) + (j % w) - w / 2));
      }
      for (int passes : new int[] {0, 2}) {
        JpegImage img = LossyEncoder.encode(new int[][] {p}, w, h, 100, passes);
        byte[] jpeg = JpegWriter.write(img, List.of(), false, JpegTranscoder.sequentialScript(img));
        BufferedImage back = read(jpeg);
        double se = 0;
        int max = 0;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int d = Math.abs((back.getRaster().getSample(x, y, 0)) - p[y * w + x]);
            se += d * d;
            max = Math.max(max, d);
          }
        }
        String what = "seed " + seed + " image " + i + " (" + w + "x" + h + ") trellis passes " + passes;
        assertThat(Math.sqrt(se / p.length)).as("RMS error, " + what).isLessThan(1.0);
        assertThat(max).as("max error, " + what).isLessThanOrEqualTo(4);
      }
    }
  }

  static byte[] insertAfterSoi(byte[] jpeg, int marker, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    JpegWriter.marker(out, marker, payload.length);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
