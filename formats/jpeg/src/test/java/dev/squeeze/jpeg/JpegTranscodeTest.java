package dev.squeeze.jpeg;

import static dev.squeeze.jpeg.CoefficientAssert.assertSameCoefficients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JpegTranscodeTest {
  private final Squeeze squeeze = Squeeze.builder().providers(List.of(new JpegOptimizerProvider())).build();

  @TestFactory
  Stream<DynamicTest> baselineAndProgressiveOutputKeepEveryCoefficient() {
    return TestFiles.allValid().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      JpegImage in = JpegDecoder.decode(Corpus.read(f), Limits.defaults());
      byte[] baseline = JpegWriter.write(in, List.of(), false, JpegTranscoder.sequentialScript(in));
      byte[] progressive = JpegWriter.write(in, List.of(), true, ScanScriptSearch.search(in));
      assertSameCoefficients(in, JpegDecoder.decode(baseline, Limits.defaults()), f + " baseline");
      assertSameCoefficients(in, JpegDecoder.decode(progressive, Limits.defaults()), f + " progressive");
    }));
  }

  @TestFactory
  Stream<DynamicTest> losslessOutputIsSmallerThanEveryInput() {
    return TestFiles.allValid().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      Result r = squeeze.optimize(Corpus.read(f), Options.lossless());
      assertThat(r.originalReturned()).as(f + " " + r).isFalse();
      assertThat(r.size()).isLessThan(r.originalSize());
    }));
  }

  @Test
  void arithmeticCodedJpegComesBackUnchangedWithTheReason() throws Exception {
    byte[] in = Corpus.read(TestFiles.resource("/unsupported/arithmetic.jpg"));
    Result r = squeeze.optimize(in, Options.lossless());
    assertThat(r.originalReturned()).isTrue();
    assertThat(r.data()).isEqualTo(in);
    assertThat(r.originalReason()).hasValueSatisfying(s -> assertThat(s).contains("arithmetic"));
    assertThat(r.width()).isEqualTo(77);
  }

  @Test
  void twelveBitJpegComesBackUnchangedWithTheReason() throws Exception {
    byte[] in = Corpus.read(TestFiles.resource("/variants/ycc420.jpg")).clone();
    int sof = find(in, 0xC0);
    in[sof + 4] = 12; // sample precision
    Result r = squeeze.optimize(in, Options.lossless());
    assertThat(r.originalReturned()).isTrue();
    assertThat(r.originalReason()).hasValueSatisfying(s -> assertThat(s).contains("12-bit"));
  }

  @Test
  void losslessProcessJpegComesBackUnchangedWithTheReason() throws Exception {
    byte[] in = Corpus.read(TestFiles.resource("/variants/ycc420.jpg")).clone();
    in[find(in, 0xC0) + 1] = (byte) 0xC3;
    Result r = squeeze.optimize(in, Options.lossless());
    assertThat(r.originalReturned()).isTrue();
    assertThat(r.originalReason()).hasValueSatisfying(s -> assertThat(s).contains("SOF3"));
  }

  @Test
  void sixteenBitQuantisationTablesSurviveAsExtendedSequentialOrProgressive() throws Exception {
    Path f = TestFiles.resource("/variants/q5.jpg");
    byte[] in = Corpus.read(f);
    Result r = squeeze.optimize(in, Options.lossless());
    byte[] out = r.data();
    assertThat(find(out, 0xC1) >= 0 || find(out, 0xC2) >= 0).as("SOF1 or SOF2 for 16-bit tables").isTrue();
    assertSameCoefficients(JpegDecoder.decode(in, Limits.defaults()), JpegDecoder.decode(out, Limits.defaults()),
        f.toString());
  }

  /** Offset of the first marker {@code 0xFF m} in the header part of a JPEG. */
  static int find(byte[] d, int m) {
    for (int i = 2; i + 1 < d.length; i++) {
      if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == m) {
        return i;
      }
    }
    return -1;
  }
}
