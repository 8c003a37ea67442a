package dev.squeeze.jpeg;

/**
 * Deringing for hard edges against saturated white (black text on a white page), after mozjpeg's overshoot
 * deringing: samples at the maximum value may be encoded as anything above it, since decoders clip to 255.
 * Replacing each run of saturated samples by a smooth bump that overshoots the maximum continues the slope
 * of the edge instead of stopping it flat, which needs far less high-frequency energy; quantising that
 * energy is what rings. Runs are taken along the zig-zag order of the block, as mozjpeg does, and the bump
 * follows a cubic Hermite (Catmull-Rom) curve whose end tangents are the edge slopes.
 */
final class OvershootDeringing {
  /** The level-shifted maximum sample (255 - 128); samples within half a level of it count as saturated. */
  private static final double MAX = 127;
  /**
   * The bump is capped at 31 levels above the maximum, and at twice the DC quantiser (mozjpeg's bound: more
   * than that costs DC bits without reducing ringing).
   */
  private static final double MAX_OVERSHOOT = 31;

  private OvershootDeringing() {}

  /** Rewrites the saturated samples of {@code block} (64 level-shifted samples, natural order) in place. */
  static void apply(double[] block, int dcQuant) {
    int count = 0;
    double sum = 0;
    for (int i = 0; i < 64; i++) {
      if (block[i] >= MAX - 0.5) {
        block[i] = MAX;
        count++;
      }
      sum += block[i];
    }
    if (count == 0 || count == 64) {
      return;
    }
    // the cap also keeps the block's mean (its DC) from rising more than the unsaturated samples allow
    double ceiling = MAX + Math.min(Math.min(MAX_OVERSHOOT, 2.0 * dcQuant), (MAX * 64 - sum) / count);
    int[] zz = ZigZag.NATURAL;
    int n = 0;
    while (n < 64) {
      if (block[zz[n]] < MAX) {
        n++;
        continue;
      }
      int start = n;
      while (n < 64 && block[zz[n]] >= MAX) {
        n++;
      }
      int end = n; // the run is [start, end)
      double f1 = block[zz[Math.max(start - 1, 0)]];
      double f2 = block[zz[Math.max(start - 2, 0)]];
      double l1 = block[zz[Math.min(end, 63)]];
      double l2 = block[zz[Math.min(end + 1, 63)]];
      double firstSlope = Math.max(f1 - f2, MAX - f1);
      double lastSlope = Math.max(l1 - l2, MAX - l1);
      if (start == 0) {
        firstSlope = lastSlope;
      }
      if (end == 64) {
        lastSlope = firstSlope;
      }
      int length = end - start;
      double step = 1.0 / (length + 1);
      double t = step;
      for (int i = start; i < end; i++, t += step) {
        block[zz[i]] = Math.min(ceiling, hermite(firstSlope * length, -lastSlope * length, t));
      }
    }
  }

  /** The cubic from MAX to MAX with end tangents {@code tan1}, {@code tan2}, at {@code t} in (0,1). */
  private static double hermite(double tan1, double tan2, double t) {
    double t2 = t * t;
    double t3 = t2 * t;
    double h00 = 2 * t3 - 3 * t2 + 1;
    double h10 = t3 - 2 * t2 + t;
    double h01 = -2 * t3 + 3 * t2;
    double h11 = t3 - t2;
    return MAX * (h00 + h01) + tan1 * h10 + tan2 * h11;
  }
}
