package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Compares two decoded images at the coefficient level, over the blocks that reach pixels. */
final class CoefficientAssert {
  private CoefficientAssert() {}

  static void assertSameCoefficients(JpegImage expected, JpegImage actual, String what) {
    assertThat(actual.width).as(what + " width").isEqualTo(expected.width);
    assertThat(actual.height).as(what + " height").isEqualTo(expected.height);
    assertThat(actual.components).as(what + " components").hasSameSizeAs(expected.components);
    for (int i = 0; i < expected.components.length; i++) {
      Component e = expected.components[i];
      Component a = actual.components[i];
      assertThat(a.id).as(what + " component id").isEqualTo(e.id);
      assertThat(a.h * 16 + a.v).as(what + " sampling of component " + i).isEqualTo(e.h * 16 + e.v);
      assertThat(a.quant).as(what + " quantisation table of component " + i).isEqualTo(e.quant);
      for (int by = 0; by < e.usedBlocksHigh; by++) {
        for (int bx = 0; bx < e.usedBlocksWide; bx++) {
          int oe = (by * e.blocksWide + bx) * 64;
          int oa = (by * a.blocksWide + bx) * 64;
          for (int k = 0; k < 64; k++) {
            if (e.coef[oe + k] != a.coef[oa + k]) {
              fail(what + ": component " + i + " block (" + bx + "," + by + ") coefficient " + k + ": expected "
                  + e.coef[oe + k] + " but was " + a.coef[oa + k]);
            }
          }
        }
      }
    }
  }
}
