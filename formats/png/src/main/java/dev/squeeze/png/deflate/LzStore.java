package dev.squeeze.png.deflate;

import java.util.Arrays;

/**
 * An LZ77 parse: a sequence of literals ({@code dist == 0}, {@code litlen} the byte) and matches
 * ({@code litlen} the length, {@code dist} the distance), each with the input position it starts at.
 * Cumulative symbol histograms every {@link #CHUNK} entries make the histogram of any range cheap, which
 * the block splitter needs for its many cost probes.
 */
final class LzStore {
  /** Histogram checkpoint spacing; about the alphabet size so a range costs O(alphabet) either way. */
  private static final int CHUNK = 256;

  private int[] litlen = new int[64];
  private int[] dist = new int[64];
  private int[] pos = new int[64];
  private int size;
  private int[][] llCheckpoints; // built lazily: llCheckpoints[c] = litlen counts of entries [0, c*CHUNK)
  private int[][] dCheckpoints;

  int size() {
    return size;
  }

  int litlen(int i) {
    return litlen[i];
  }

  int dist(int i) {
    return dist[i];
  }

  int pos(int i) {
    return pos[i];
  }

  /** Input bytes covered by entry {@code i}. */
  int span(int i) {
    return dist[i] == 0 ? 1 : litlen[i];
  }

  void addLiteral(int b, int position) {
    add(b & 0xFF, 0, position);
  }

  void addMatch(int length, int distance, int position) {
    add(length, distance, position);
  }

  void appendAll(LzStore other) {
    for (int i = 0; i < other.size; i++) {
      add(other.litlen[i], other.dist[i], other.pos[i]);
    }
  }

  private void add(int ll, int d, int p) {
    if (size == litlen.length) {
      int n = size * 2;
      litlen = Arrays.copyOf(litlen, n);
      dist = Arrays.copyOf(dist, n);
      pos = Arrays.copyOf(pos, n);
    }
    litlen[size] = ll;
    dist[size] = d;
    pos[size] = p;
    size++;
    llCheckpoints = null;
    dCheckpoints = null;
  }

  /** Litlen symbol of entry i. */
  int litlenSymbol(int i) {
    return dist[i] == 0 ? litlen[i] : DeflateTables.lengthSymbol(litlen[i]);
  }

  /**
   * Adds the symbol counts of entries [start, end) to {@code ll} (size 288) and {@code d} (size 32); the
   * end-of-block symbol is not counted.
   */
  void histogram(int start, int end, long[] ll, long[] d) {
    if (end - start < 2 * CHUNK) {
      addRange(start, end, ll, d);
      return;
    }
    buildCheckpoints();
    int cs = (start + CHUNK - 1) / CHUNK;
    int ce = end / CHUNK;
    addRange(start, cs * CHUNK, ll, d);
    int[] lhi = llCheckpoints[ce];
    int[] llo = llCheckpoints[cs];
    for (int s = 0; s < ll.length; s++) {
      ll[s] += lhi[s] - llo[s];
    }
    int[] dhi = dCheckpoints[ce];
    int[] dlo = dCheckpoints[cs];
    for (int s = 0; s < d.length; s++) {
      d[s] += dhi[s] - dlo[s];
    }
    addRange(ce * CHUNK, end, ll, d);
  }

  private void addRange(int start, int end, long[] ll, long[] d) {
    for (int i = start; i < end; i++) {
      if (dist[i] == 0) {
        ll[litlen[i]]++;
      } else {
        ll[DeflateTables.lengthSymbol(litlen[i])]++;
        d[DeflateTables.distSymbol(dist[i])]++;
      }
    }
  }

  private void buildCheckpoints() {
    if (llCheckpoints != null) {
      return;
    }
    int chunks = size / CHUNK + 1;
    int[][] lc = new int[chunks][];
    int[][] dc = new int[chunks][];
    int[] l = new int[DeflateTables.LITLEN_SYMBOLS];
    int[] d = new int[DeflateTables.DIST_SYMBOLS];
    for (int c = 0; c < chunks; c++) {
      lc[c] = l.clone();
      dc[c] = d.clone();
      int end = Math.min(size, (c + 1) * CHUNK);
      for (int i = c * CHUNK; i < end; i++) {
        if (dist[i] == 0) {
          l[litlen[i]]++;
        } else {
          l[DeflateTables.lengthSymbol(litlen[i])]++;
          d[DeflateTables.distSymbol(dist[i])]++;
        }
      }
    }
    llCheckpoints = lc;
    dCheckpoints = dc;
  }
}
