package dev.squeeze.png.quant;

import java.util.Arrays;

/**
 * Exact nearest-palette-entry search. Entries are kept sorted along one axis (green, the heaviest channel),
 * and the search walks outwards from the query's position on that axis, stopping each way once the axis gap
 * alone exceeds the best distance found. A guess (usually the neighbouring pixel's colour) is tried first:
 * if it lies within half the distance to its own nearest other entry, no entry can be closer (triangle
 * inequality) and the walk is skipped.
 */
final class NearestColor {
  private static final int AXIS = 2;

  private final float[] pal;
  private final int k;
  private final float[] sortedKey;
  private final int[] sortedIndex;
  /** For each entry, a quarter of the squared distance to its nearest other entry (half the distance, squared). */
  private final float[] quarterGap2;

  NearestColor(float[] palette, int k) {
    this.pal = palette;
    this.k = k;
    long[] keys = new long[k];
    for (int i = 0; i < k; i++) {
      keys[i] = ((long) Float.floatToIntBits(Math.max(0f, palette[i * 4 + AXIS])) << 32) | i;
    }
    Arrays.sort(keys);
    sortedKey = new float[k];
    sortedIndex = new int[k];
    for (int i = 0; i < k; i++) {
      sortedIndex[i] = (int) keys[i];
      sortedKey[i] = palette[sortedIndex[i] * 4 + AXIS];
    }
    quarterGap2 = new float[k];
    for (int i = 0; i < k; i++) {
      float best = Float.MAX_VALUE;
      for (int j = 0; j < k; j++) {
        if (j != i) {
          best = Math.min(best, PerceptualSpace.distance2(palette, i * 4, palette, j * 4));
        }
      }
      quarterGap2[i] = best / 4f;
    }
  }

  /** The index of the entry nearest to {@code v[off..off+3]}; {@code guess} may be -1. */
  int nearest(float[] v, int off, int guess) {
    if (guess >= 0) {
      float d = PerceptualSpace.distance2(v, off, pal, guess * 4);
      if (d <= quarterGap2[guess]) {
        return guess;
      }
    }
    float q = v[off + AXIS];
    int lo = 0;
    int hi = k;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedKey[mid] < q) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int up = lo;
    int down = lo - 1;
    float best = Float.MAX_VALUE;
    int bestIdx = -1;
    while (up < k || down >= 0) {
      if (up < k) {
        float gap = sortedKey[up] - q;
        if (gap * gap >= best) {
          up = k;
        } else {
          int e = sortedIndex[up];
          float d = PerceptualSpace.distance2(v, off, pal, e * 4);
          if (d < best || (d == best && e < bestIdx)) {
            best = d;
            bestIdx = e;
          }
          up++;
        }
      }
      if (down >= 0) {
        float gap = q - sortedKey[down];
        if (gap * gap >= best) {
          down = -1;
        } else {
          int e = sortedIndex[down];
          float d = PerceptualSpace.distance2(v, off, pal, e * 4);
          if (d < best || (d == best && e < bestIdx)) {
            best = d;
            bestIdx = e;
          }
          down--;
        }
      }
    }
    return bestIdx;
  }
}
