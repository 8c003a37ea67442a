package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The script search's fast counts equal what the scan encoder itself counts, for every band and bit position. */
class SparseScanCounterTest {
  @Test
  void sparseCountsEqualTheEncodersCounts() {
    long seed = System.nanoTime();
    System.out.println("SparseScanCounterTest seed " + seed);
    Random rnd = new Random(seed);
    int[][] bands = {{1, 63}, {1, 1}, {1, 5}, {6, 63}, {3, 40}, {63, 63}};
    for (int i = 0; i < 40; i++) {
      JpegImage image = CoefficientRoundTripPropertyTest.randomImage(rnd);
      for (int c = 0; c < image.components.length; c++) {
        SparseScanCounter sparse = new SparseScanCounter(image.components[c]);
        for (int[] band : bands) {
          for (int al = 0; al <= 4; al++) {
            String what = "seed " + seed + " image " + i + " comp " + c + " band " + band[0] + "-" + band[1] + " al " + al;
            assertSame(sparse.first(band[0], band[1], al), encoderCounts(image, c, band, 0, al), what + " first");
            assertSame(sparse.refine(band[0], band[1], al), encoderCounts(image, c, band, al + 1, al), what + " refine");
          }
        }
      }
    }
  }

  private static SymbolCounter encoderCounts(JpegImage image, int c, int[] band, int ah, int al) {
    SymbolCounter counter = new SymbolCounter(8);
    ScanEncoder.encode(image, new Scan(new int[] {c}, band[0], band[1], ah, al), counter);
    return counter;
  }

  private static void assertSame(SymbolCounter actual, SymbolCounter expected, String what) {
    assertThat(actual.rawBits).as(what + " raw bits").isEqualTo(expected.rawBits);
    assertThat(actual.freq[4]).as(what + " AC symbols").isEqualTo(expected.freq[4]);
  }
}
