package dev.squeeze.png.quant;

import java.util.Arrays;

/**
 * The distinct colours of an image with their weights (pixel counts, scaled by how visible an error at each
 * pixel would be). Fully transparent pixels are left out: they always get their own palette entry. When an
 * image has too many distinct colours, the low bits of each channel are dropped until it fits, so the
 * clustering stays fast on large photos.
 */
final class Histogram {
  /**
   * Most distinct colours clustered at full precision. 2^18 keeps a 4-float vector per colour under 5 MB and
   * each k-means pass under ~100 ms on this machine, while photos of a few megapixels rarely exceed it.
   */
  static final int MAX_COLORS = 1 << 18;

  final int[] colors;
  /** Importance-weighted pixel counts: what the palette search minimises. */
  final double[] weights;
  /** Plain pixel counts: what the reported error averages over. */
  final double[] counts;
  final int size;
  final double totalCount;

  private Histogram(int[] colors, double[] weights, double[] counts, int size) {
    this.colors = colors;
    this.weights = weights;
    this.counts = counts;
    this.size = size;
    double t = 0;
    for (int i = 0; i < size; i++) {
      t += counts[i];
    }
    this.totalCount = t;
  }

  /**
   * @param argb pixels
   * @param importance per-pixel weight, or null for 1 each
   */
  static Histogram of(int[] argb, float[] importance) {
    for (int shift = 0; ; shift++) {
      Histogram h = tryBuild(argb, importance, shift);
      if (h != null) {
        return h;
      }
    }
  }

  private static Histogram tryBuild(int[] argb, float[] importance, int shift) {
    int mask = shift == 0 ? 0xFFFFFFFF : ~(0x01010101 * ((1 << shift) - 1));
    int half = shift == 0 ? 0 : 0x01010101 * (1 << (shift - 1));
    int cap = Integer.highestOneBit(Math.min(MAX_COLORS, Math.max(16, argb.length)) * 2) * 2;
    int[] keys = new int[cap];
    double[] vals = new double[cap];
    int[] cnts = new int[cap];
    boolean[] used = new boolean[cap];
    int n = 0;
    for (int i = 0; i < argb.length; i++) {
      int c = argb[i];
      if ((c >>> 24) == 0) {
        continue;
      }
      if (shift != 0) {
        c = (c & mask) | half;
        if ((argb[i] >>> 24) == 0xFF) {
          c |= 0xFF000000; // keep opaque pixels opaque
        }
      }
      int slot = mix(c) & (cap - 1);
      while (used[slot] && keys[slot] != c) {
        slot = (slot + 1) & (cap - 1);
      }
      if (!used[slot]) {
        if (++n > MAX_COLORS) {
          return null;
        }
        used[slot] = true;
        keys[slot] = c;
      }
      vals[slot] += importance == null ? 1.0 : importance[i];
      cnts[slot]++;
    }
    // sorted by colour so that everything downstream is deterministic and independent of hashing
    long[] packed = new long[n];
    int k = 0;
    for (int s = 0; s < cap; s++) {
      if (used[s]) {
        packed[k] = ((long) keys[s] << 32) | s;
        k++;
      }
    }
    Arrays.sort(packed);
    int[] colors = new int[n];
    double[] weights = new double[n];
    double[] counts = new double[n];
    for (int i = 0; i < n; i++) {
      colors[i] = (int) (packed[i] >>> 32);
      weights[i] = vals[(int) packed[i]];
      counts[i] = cnts[(int) packed[i]];
    }
    return new Histogram(colors, weights, counts, n);
  }

  private static int mix(int c) {
    int h = c * 0x9E3779B1;
    return h ^ (h >>> 15);
  }
}
