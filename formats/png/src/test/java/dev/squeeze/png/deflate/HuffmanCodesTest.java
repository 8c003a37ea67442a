package dev.squeeze.png.deflate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HuffmanCodesTest {
  @Test
  void lengthsRespectTheLimitAndFormACompleteCode() {
    long seed = System.nanoTime();
    System.out.println("lengthsRespectTheLimitAndFormACompleteCode seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      int n = 2 + rnd.nextInt(287);
      long[] f = new long[n];
      int used = 0;
      for (int i = 0; i < n; i++) {
        // exponential spread of frequencies forces long codes that the limit must cut
        f[i] = rnd.nextInt(3) == 0 ? 0 : 1L << rnd.nextInt(40);
        used += f[i] > 0 ? 1 : 0;
      }
      int limit = rnd.nextBoolean() ? 15 : 7;
      if (used > (1 << limit)) {
        continue;
      }
      int[] len = HuffmanCodes.lengthLimited(f, limit);
      double kraft = 0;
      for (int i = 0; i < n; i++) {
        assertThat(len[i]).as("seed %d", seed).isBetween(0, limit);
        assertThat(len[i] > 0).as("seed %d symbol %d", seed, i).isEqualTo(f[i] > 0);
        kraft += len[i] > 0 ? Math.pow(2, -len[i]) : 0;
      }
      if (used >= 2) {
        assertThat(kraft).as("seed %d", seed).isEqualTo(1.0);
      }
    }
  }

  @Test
  void unlimitedCaseMatchesHuffmanCost() {
    // classic example: frequencies 1,1,2,3,5,8,13 give Huffman cost 1*6+1*6+2*5+3*4+5*3+8*2+13*1 = 78
    long[] f = {1, 1, 2, 3, 5, 8, 13};
    int[] len = HuffmanCodes.lengthLimited(f, 15);
    long cost = 0;
    for (int i = 0; i < f.length; i++) {
      cost += f[i] * len[i];
    }
    assertThat(cost).isEqualTo(78);
    // with a 4-bit limit the cost rises but the code stays valid
    int[] lim = HuffmanCodes.lengthLimited(f, 4);
    for (int l : lim) {
      assertThat(l).isBetween(1, 4);
    }
  }
}
