package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Format;
import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.quality.Ssimulacra2;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The default lossy mode: within its perceptual bound, never degrading an already optimised JPEG. */
class AutomaticQualityTest {
  private final Squeeze squeeze = Squeeze.builder().providers(List.of(new JpegOptimizerProvider())).build();

  private static BufferedImage read(byte[] jpeg) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusJpegStaysWithinTheBound() {
    return Corpus.files(Format.JPEG).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      byte[] in = Corpus.read(f);
      Result r = squeeze.optimize(in, Options.defaults());
      assertThat(r.size()).isLessThanOrEqualTo(in.length);
      double score = Ssimulacra2.compare(read(in), read(r.data()));
      assertThat(score).as(f + " " + r.steps()).isGreaterThanOrEqualTo(AutoQuality.BOUND);
    }));
  }

  @Test
  void anAlreadyOptimisedJpegIsNotDegradedAgain() throws Exception {
    byte[] in = Corpus.read(Corpus.file("jpeg/astronaut_q95.jpg"));
    Result first = squeeze.optimize(in, Options.defaults());
    assertThat(first.steps().get(0)).as("the q95 photo is worth re-encoding").contains("lossy encode");
    Result second = squeeze.optimize(first.data(), Options.defaults());
    assertThat(second.size()).isGreaterThanOrEqualTo((long) (first.size() * 0.99));
    assertThat(Pixels.of(read(second.data())).firstDifference(Pixels.of(read(first.data())))).isEqualTo(-1);
  }

  @Test
  void inputQualityIsEstimatedFromItsTables() throws Exception {
    assertThat(estimate("/variants/ycc420.jpg")).isEqualTo(85); // cjpeg -quality 85 (Annex K tables)
    assertThat(estimate("/variants/q100.jpg")).isEqualTo(100);
    assertThat(estimate("/variants/q5.jpg")).isEqualTo(5);
    for (int q : new int[] {30, 62, 75, 90}) { // this encoder's own (Robidoux) tables
      assertThat(QualityEstimate.estimate(QuantTables.forQuality(q))).isEqualTo(q);
    }
  }

  private static int estimate(String resource) throws Exception {
    JpegImage img = JpegDecoder.decode(Corpus.read(TestFiles.resource(resource)), Limits.defaults());
    return QualityEstimate.estimate(img.components[0].quant);
  }
}
