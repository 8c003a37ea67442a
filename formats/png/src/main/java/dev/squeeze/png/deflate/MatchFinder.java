package dev.squeeze.png.deflate;

import static dev.squeeze.png.deflate.DeflateTables.MAX_MATCH;
import static dev.squeeze.png.deflate.DeflateTables.MIN_MATCH;
import static dev.squeeze.png.deflate.DeflateTables.WINDOW;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Longest-match search over one segment of the input with hash chains, reporting the longest match within
 * each distance symbol's range, which is what optimal parsing needs (see {@link #symbolMatches}).
 *
 * <p>The chains are built once for the whole segment (each position links to earlier positions only), so
 * positions may be queried in any order and any number of times; answers are cached per position because
 * every iteration of the optimal parser asks the same questions. Two ideas from Zopfli keep long runs of
 * one byte cheap: comparisons skip over the common part of two runs, and once the best match already
 * covers the current run, the walk continues on a second chain keyed by the run length too, because only
 * earlier runs of exactly the same length can still give a longer match.
 */
final class MatchFinder {
  /** Eight bytes at a time for match comparison; profiling showed byte-wise comparison dominating. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int HASH_BITS = 16;
  private static final int HASH_SIZE = 1 << HASH_BITS;
  /**
   * Ints the per-symbol match cache may hold (64 MiB); positions past it are searched again on every parse
   * iteration. Gradients and dithered data match in many distance symbols at most positions: the 921,600
   * scanline bytes of softwaves_gradient.png fill 16,452,092 ints, chelsea.png's 406,200 fill 3,126,840.
   */
  static final int SYMBOL_CACHE_INTS = 16 << 20;

  private final byte[] in;
  private final int segStart;
  private final int segEnd;
  private final int maxChain;
  private final int[] prev1;
  private final int[] prev2;
  private final int[] key2;
  private final int[] runLen;
  private final int cacheFrom;
  private final int[] findLens = new int[DeflateTables.DIST_SYMBOLS];
  private final int[] findDists = new int[DeflateTables.DIST_SYMBOLS];
  private final int[] symIdx;
  private final int symbolCacheInts;
  private int[] symData = new int[1024];
  private int symSize;

  /**
   * @param segStart first byte matches may refer to (the window before the data to compress)
   * @param cacheFrom first position whose answers are cached
   * @param segEnd end of the data; matches never reach past it
   * @param maxChain most chain links followed per query
   */
  MatchFinder(byte[] in, int segStart, int cacheFrom, int segEnd, int maxChain) {
    this(in, segStart, cacheFrom, segEnd, maxChain, SYMBOL_CACHE_INTS);
  }

  /** @param symbolCacheInts budget of the per-symbol match cache, in ints */
  MatchFinder(byte[] in, int segStart, int cacheFrom, int segEnd, int maxChain, int symbolCacheInts) {
    this.symbolCacheInts = symbolCacheInts;
    this.in = in;
    this.segStart = segStart;
    this.segEnd = segEnd;
    this.maxChain = maxChain;
    this.cacheFrom = cacheFrom;
    int n = segEnd - segStart;
    prev1 = new int[n];
    prev2 = new int[n];
    key2 = new int[n];
    runLen = new int[n];
    symIdx = new int[segEnd - cacheFrom];
    Arrays.fill(symIdx, -1);
    for (int i = n - 1; i >= 0; i--) {
      runLen[i] = i + 1 < n && in[segStart + i] == in[segStart + i + 1] ? runLen[i + 1] + 1 : 1;
    }
    int[] head1 = new int[HASH_SIZE];
    int[] head2 = new int[HASH_SIZE];
    Arrays.fill(head1, -1);
    Arrays.fill(head2, -1);
    for (int i = 0; i < n; i++) {
      int p = segStart + i;
      if (p + MIN_MATCH > segEnd) {
        prev1[i] = -1;
        prev2[i] = -1;
        continue;
      }
      int raw = ((in[p] & 0xFF) << 16) | ((in[p + 1] & 0xFF) << 8) | (in[p + 2] & 0xFF);
      int h1 = (raw * 0x9E3779B1) >>> (32 - HASH_BITS);
      int h2 = ((raw ^ (runLen[i] * 0x85EBCA6B)) * 0xC2B2AE35) >>> (32 - HASH_BITS);
      key2[i] = h2;
      prev1[i] = head1[h1];
      head1[h1] = p;
      prev2[i] = head2[h2];
      head2[h2] = p;
    }
  }

  /** Number of equal bytes starting at {@code pos} (at least 1), within the segment. */
  int runLength(int pos) {
    return runLen[pos - segStart];
  }

  /**
   * The longest match at {@code pos} no longer than {@code limit}, as {@code length << 16 | distance} with
   * the nearest distance found for that length (0 when shorter than 3). Answered from {@link #symbolMatches}.
   */
  int find(int pos, int limit) {
    int count = symbolMatches(pos, limit, findLens, findDists);
    int best = 0;
    int dist = 0;
    for (int k = 0; k < count; k++) {
      if (findLens[k] > best) {
        best = findLens[k];
        dist = findDists[k];
      }
    }
    return best < MIN_MATCH ? 0 : (best << 16) | dist;
  }

  /**
   * The longest match at {@code pos} within each distance symbol's range, nearest symbol first, as
   * {@code lens[k]} / {@code dists[k]} for k below the returned count; lengths are cut to {@code limit} and
   * only matches of at least 3 are listed. Every distance of one symbol costs the same extra bits, so for a
   * given length the cheapest distance under any cost model is one of these: unlike the nearest distance,
   * which is only cheapest when nearer symbols cost less, and the symbol statistics of image data (the row
   * above, the pixel to the left) often make a farther symbol the cheaper one.
   */
  int symbolMatches(int pos, int limit, int[] lens, int[] dists) {
    limit = Math.min(limit, Math.min(MAX_MATCH, segEnd - pos));
    if (limit < MIN_MATCH) {
      return 0;
    }
    int count;
    int slot = pos - cacheFrom;
    if (pos >= cacheFrom && symIdx[slot] >= 0) {
      int at = symIdx[slot];
      count = symData[at];
      for (int k = 0; k < count; k++) {
        int e = symData[at + 1 + k];
        lens[k] = e >>> 16;
        dists[k] = e & 0xFFFF;
      }
    } else {
      count = searchSymbols(pos, Math.min(MAX_MATCH, segEnd - pos), lens, dists);
      if (pos >= cacheFrom && symSize + count + 1 > symbolCacheInts) {
        symIdx[slot] = -2;
      } else if (pos >= cacheFrom) {
        if (symSize + count + 1 > symData.length) {
          // doubling, but never past the budget
          symData = Arrays.copyOf(symData,
              (int) Math.min(symbolCacheInts, Math.max(2L * symData.length, symSize + count + 1)));
        }
        symIdx[slot] = symSize;
        symData[symSize++] = count;
        for (int k = 0; k < count; k++) {
          symData[symSize++] = lens[k] << 16 | dists[k];
        }
      }
    }
    for (int k = 0; k < count; k++) {
      lens[k] = Math.min(lens[k], limit);
    }
    return count;
  }

  private int searchSymbols(int pos, int limit, int[] lens, int[] dists) {
    int i = pos - segStart;
    int runHere = runLen[i];
    byte first = in[pos];
    int best = 0;
    int count = 0;
    int curSym = -1;
    int symBest = 0;
    int p = prev1[i];
    boolean onChain2 = false;
    int hits = 0;
    while (p >= segStart && pos - p <= WINDOW && hits++ < maxChain) {
      int j = p - segStart;
      int d = pos - p;
      int sym = DeflateTables.distSymbol(d);
      if (sym != curSym) {
        curSym = sym;
        symBest = MIN_MATCH - 1;
      }
      if (in[p] == first && in[p + symBest] == in[pos + symBest]) {
        int len = matchLength(p, pos, Math.min(Math.min(runHere, runLen[j]), limit), limit);
        if (len > symBest) {
          if (count > 0 && DeflateTables.distSymbol(dists[count - 1]) == sym) {
            count--;
          }
          lens[count] = len;
          dists[count] = d;
          count++;
          symBest = len;
          best = Math.max(best, len);
          if (len >= limit) {
            break;
          }
        }
      }
      onChain2 = onChain2 || joinsRunChain(i, j, runHere, best);
      int np = onChain2 ? prev2[j] : prev1[j];
      if (np >= p) {
        break;
      }
      p = np;
    }
    return count;
  }

  /**
   * Whether the walk should continue on the run-length chain: once the best match covers the whole run at the
   * current position, only earlier runs of the same length (the second chain) can give a longer one.
   */
  private boolean joinsRunChain(int i, int j, int runHere, int best) {
    return runHere >= MIN_MATCH && best >= runHere && key2[j] == key2[i];
  }

  /** Length of the common run of {@code in} at {@code a} and {@code b}, known equal for {@code len} bytes. */
  private int matchLength(int a, int b, int len, int limit) {
    while (len + 8 <= limit) {
      long x = (long) LONGS.get(in, a + len) ^ (long) LONGS.get(in, b + len);
      if (x != 0) {
        return len + (Long.numberOfTrailingZeros(x) >>> 3);
      }
      len += 8;
    }
    while (len < limit && in[a + len] == in[b + len]) {
      len++;
    }
    return len;
  }
}
