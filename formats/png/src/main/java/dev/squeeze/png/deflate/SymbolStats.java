package dev.squeeze.png.deflate;

import java.util.Arrays;

/** Symbol counts of a parse, which the next optimal-parsing iteration turns into costs. */
final class SymbolStats {
  final double[] litlen = new double[DeflateTables.LITLEN_SYMBOLS];
  final double[] dist = new double[DeflateTables.DIST_SYMBOLS];

  /** Counts of a whole parse, plus the one end-of-block symbol its block will carry. */
  static SymbolStats of(LzStore store) {
    SymbolStats s = new SymbolStats();
    for (int i = 0; i < store.size(); i++) {
      if (store.dist(i) == 0) {
        s.litlen[store.litlen(i)]++;
      } else {
        s.litlen[DeflateTables.lengthSymbol(store.litlen(i))]++;
        s.dist[DeflateTables.distSymbol(store.dist(i))]++;
      }
    }
    s.litlen[DeflateTables.END_OF_BLOCK] = 1;
    return s;
  }

  /** {@code this + beta * (this - previous)}, element-wise, never below zero, end-of-block kept at one. */
  SymbolStats extrapolated(SymbolStats previous, double beta) {
    SymbolStats s = new SymbolStats();
    for (int i = 0; i < litlen.length; i++) {
      s.litlen[i] = Math.max(0, litlen[i] + beta * (litlen[i] - previous.litlen[i]));
    }
    for (int i = 0; i < dist.length; i++) {
      s.dist[i] = Math.max(0, dist[i] + beta * (dist[i] - previous.dist[i]));
    }
    s.litlen[DeflateTables.END_OF_BLOCK] = 1;
    return s;
  }

  SymbolStats copy() {
    SymbolStats s = new SymbolStats();
    System.arraycopy(litlen, 0, s.litlen, 0, litlen.length);
    System.arraycopy(dist, 0, s.dist, 0, dist.length);
    return s;
  }

  /** {@code this + w * other}, element-wise, end-of-block kept at one. */
  SymbolStats plusWeighted(SymbolStats other, double w) {
    SymbolStats s = new SymbolStats();
    for (int i = 0; i < litlen.length; i++) {
      s.litlen[i] = litlen[i] + w * other.litlen[i];
    }
    for (int i = 0; i < dist.length; i++) {
      s.dist[i] = dist[i] + w * other.dist[i];
    }
    s.litlen[DeflateTables.END_OF_BLOCK] = 1;
    return s;
  }

  /**
   * Replaces about a third of the counts with other counts of the same alphabet, to shake the iteration
   * out of a fixed point (Zopfli's trick once the cost stops changing).
   */
  void randomize(DeterministicRandom rnd) {
    shuffle(litlen, rnd);
    shuffle(dist, rnd);
    litlen[DeflateTables.END_OF_BLOCK] = 1;
  }

  private static void shuffle(double[] a, DeterministicRandom rnd) {
    double[] src = Arrays.copyOf(a, a.length);
    for (int i = 0; i < a.length; i++) {
      if (rnd.next(3) == 0) {
        a[i] = src[rnd.next(a.length)];
      }
    }
  }

  SymbolCosts costs() {
    return SymbolCosts.entropy(litlen, dist);
  }
}
