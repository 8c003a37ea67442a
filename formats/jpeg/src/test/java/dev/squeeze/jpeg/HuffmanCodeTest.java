package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HuffmanCodeTest {
  @Test
  void skewedFrequenciesStillGiveCodesOfAtMostSixteenBitsWithoutAllOnes() {
    long[] freq = new long[256];
    long a = 1;
    long b = 1;
    for (int s = 0; s < 40; s++) { // Fibonacci counts force an unlimited Huffman tree to depth ~40
      freq[s] = a;
      long c = a + b;
      a = b;
      b = c;
    }
    assertValidCode(HuffmanCode.optimal(freq), freq);
  }

  @Test
  void randomFrequenciesGivePrefixFreeCompleteEnoughCodes() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    System.out.println("HuffmanCodeTest seed " + seed);
    for (int i = 0; i < 200; i++) {
      long[] freq = new long[256];
      int used = 1 + rnd.nextInt(256);
      for (int s = 0; s < used; s++) {
        freq[rnd.nextInt(256)] = rnd.nextInt(3) == 0 ? 0 : 1 + (long) (Math.pow(rnd.nextDouble(), 4) * 1_000_000);
      }
      assertValidCode(HuffmanCode.optimal(freq), freq);
    }
  }

  @Test
  void noSymbolAtAllStillGivesAValidTable() {
    HuffmanCode c = HuffmanCode.optimal(new long[256]);
    assertThat(c.symbols).hasSize(1);
    assertThat(c.counts[1]).isEqualTo(1);
  }

  @Test
  void oneSymbolGetsAOneBitCode() {
    long[] freq = new long[256];
    freq[7] = 1000;
    HuffmanCode c = HuffmanCode.optimal(freq);
    assertThat(c.length[7]).isEqualTo(1);
    assertThat(c.code[7]).isZero();
  }

  private static void assertValidCode(HuffmanCode c, long[] freq) {
    double kraft = 0;
    for (int s = 0; s < 256; s++) {
      if (freq[s] > 0) {
        assertThat(c.length[s]).as("symbol " + s + " has a code").isBetween(1, 16);
        assertThat(c.code[s]).as("symbol " + s + " is not all ones").isNotEqualTo((1 << c.length[s]) - 1);
        kraft += Math.pow(2, -c.length[s]);
        for (int t = 0; t < s; t++) {
          if (freq[t] > 0) {
            int lt = c.length[t];
            int ls = c.length[s];
            int shorter = Math.min(lt, ls);
            boolean prefix = (c.code[t] >>> (lt - shorter)) == (c.code[s] >>> (ls - shorter));
            assertThat(prefix).as("codes of " + t + " and " + s + " are prefix-free").isFalse();
          }
        }
      }
    }
    assertThat(kraft).isLessThan(1.0);
  }
}
