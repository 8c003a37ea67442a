package dev.squeeze.png.deflate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatchFinderTest {
  @Test
  void symbolMatchesAreRealOnePerSymbolAndReachTheLongestMatch() {
    long seed = System.nanoTime();
    System.out.println("symbolMatchesAreRealOnePerSymbolAndReachTheLongestMatch seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 6; round++) {
      // image-like: rows that repeat the row above with small changes, over a small alphabet
      int stride = rnd.nextInt(3, 700);
      byte[] data = new byte[rnd.nextInt(2_000, 60_000)];
      int alphabet = rnd.nextInt(2, 12);
      for (int i = 0; i < data.length; i++) {
        data[i] = i >= stride && rnd.nextInt(4) > 0 ? data[i - stride] : (byte) rnd.nextInt(alphabet);
      }
      MatchFinder mf = new MatchFinder(data, 0, 0, data.length, Integer.MAX_VALUE);
      // a cache that fills after a few positions answers the same, searching again past its budget
      MatchFinder small = new MatchFinder(data, 0, 0, data.length, Integer.MAX_VALUE, 64);
      int[] lens = new int[DeflateTables.DIST_SYMBOLS];
      int[] dists = new int[DeflateTables.DIST_SYMBOLS];
      int[] lens2 = new int[DeflateTables.DIST_SYMBOLS];
      int[] dists2 = new int[DeflateTables.DIST_SYMBOLS];
      for (int probe = 0; probe < 400; probe++) {
        int pos = rnd.nextInt(data.length);
        int limit = rnd.nextInt(1, 300);
        int count = mf.symbolMatches(pos, limit, lens, dists);
        int count2 = small.symbolMatches(pos, limit, lens2, dists2);
        assertThat(count2).as("seed %d pos %d", seed, pos).isEqualTo(count);
        assertThat(Arrays.copyOf(lens2, count)).isEqualTo(Arrays.copyOf(lens, count));
        assertThat(Arrays.copyOf(dists2, count)).isEqualTo(Arrays.copyOf(dists, count));
        int longest = 0;
        int lastSymbol = -1;
        for (int k = 0; k < count; k++) {
          int d = dists[k];
          assertThat(d).as("seed %d pos %d", seed, pos).isBetween(1, Math.min(pos, DeflateTables.WINDOW));
          assertThat(lens[k]).isBetween(DeflateTables.MIN_MATCH, Math.min(limit, DeflateTables.MAX_MATCH));
          for (int i = 0; i < lens[k]; i++) {
            assertThat(data[pos - d + i]).as("seed %d pos %d dist %d byte %d", seed, pos, d, i).isEqualTo(data[pos + i]);
          }
          int symbol = DeflateTables.distSymbol(d);
          assertThat(symbol).as("one entry per symbol, nearest first").isGreaterThan(lastSymbol);
          lastSymbol = symbol;
          longest = Math.max(longest, lens[k]);
        }
        // the longest match and its nearest distance, by trying every distance in the window
        int refLen = 0;
        int refDist = 0;
        int max = Math.min(Math.min(limit, DeflateTables.MAX_MATCH), data.length - pos);
        for (int d = 1; d <= Math.min(pos, DeflateTables.WINDOW); d++) {
          int n = 0;
          while (n < max && data[pos - d + n] == data[pos + n]) {
            n++;
          }
          if (n > refLen) {
            refLen = n;
            refDist = d;
          }
        }
        int m = mf.find(pos, limit);
        if (refLen >= DeflateTables.MIN_MATCH) {
          assertThat(longest).as("seed %d pos %d limit %d", seed, pos, limit).isEqualTo(refLen);
          // the nearest distance's symbol: any distance of one symbol costs the same bits
          assertThat(m >>> 16).as("seed %d pos %d limit %d", seed, pos, limit).isEqualTo(refLen);
          assertThat(DeflateTables.distSymbol(m & 0xFFFF)).as("seed %d pos %d limit %d", seed, pos, limit)
              .isEqualTo(DeflateTables.distSymbol(refDist));
        } else {
          assertThat(count).isZero();
          assertThat(m).isZero();
        }
      }
    }
  }
}
