package dev.squeeze.png.quant;

/**
 * Maps every pixel to a palette entry, with Floyd-Steinberg error diffusion (serpentine, so the error does
 * not drift one way) in the premultiplied perceptual space. How much of the neighbours' error a pixel takes
 * comes from the {@link DitherMap}; fully transparent pixels always take the transparent entry and pass no
 * error on. Where a pixel takes no error and texture masks small changes, it may keep its left or upper
 * neighbour's entry instead of the nearest when that is almost as close (a rate-distortion choice).
 */
final class Remapper {
  /**
   * Largest error (Euclidean, in the perceptual space) a pixel passes on: 24 levels of 255 at full alpha.
   * Unlimited error lets a pixel that no palette entry fits push streaks across its neighbours ("worms");
   * 24 levels stops that while letting the error of a sparse palette (a few colours) still spread.
   */
  private static final float MAX_ERROR = 24f / 255f;
  /**
   * In textured areas (scaled by the map's masking, so smooth gradients get none) errors under 3 levels of
   * 255 are not passed on, and from 3 to 8 levels only in part: there small errors are invisible and
   * diffusing them only adds noise. Measured on the first five corpus PNGs at dithering 1.0: no dead zone
   * cost 2.3% more bytes and 0.001 mean SSIM.
   */
  private static final float DEAD_FROM = 3f / 255f;
  private static final float DEAD_TO = 8f / 255f;
  /**
   * Rate-distortion bias: where texture masks it, a neighbour's entry is taken when its squared error is at
   * most this much (4 levels of 255, squared) above the nearest entry's, so runs continue and deflate finds
   * longer matches. Measured on the first five corpus PNGs at 256 colours: an unscaled bias of 3 levels cut
   * 2.8% of the bytes for 0.0005 mean SSIM, but at 3.5 it broke up flat dark areas (astronaut 0.97 to 0.94);
   * scaled by masking, 4 levels stays safe.
   */
  private static final float RUN_BIAS = (4f / 255f) * (4f / 255f);

  private Remapper() {}

  /**
   * Rate-distortion choice: the left or upper neighbour's entry when it is almost as close as the nearest,
   * so runs continue and deflate finds longer matches.
   */
  private static int preferNeighbour(float[] px, float[] pal, int best, int left, int up, float bias) {
    float limit = PerceptualSpace.distance2(px, 0, pal, best * 4) + bias;
    if (left >= 0 && left != best && PerceptualSpace.distance2(px, 0, pal, left * 4) <= limit) {
      return left;
    }
    if (up >= 0 && up != best && PerceptualSpace.distance2(px, 0, pal, up * 4) <= limit) {
      return up;
    }
    return best;
  }

  /**
   * @param pal palette vectors, 4 floats each
   * @param transparent index of the fully transparent entry, or -1 when the image has none
   * @param strength per-pixel dithering strength (0..1), or null for none at all
   */
  static byte[] remap(int[] argb, int w, int h, float[] pal, int k, int transparent, DitherMap map, float level) {
    float[] strength = map.strength;
    float[] masking = map.masking;
    NearestColor nc = new NearestColor(pal, k);
    byte[] out = new byte[w * h];
    float[] px = new float[4];
    if (level <= 0) {
      int guess = -1;
      for (int i = 0; i < w * h; i++) {
        int c = argb[i];
        if ((c >>> 24) == 0 && transparent >= 0) {
          out[i] = (byte) transparent;
          continue;
        }
        PerceptualSpace.toVector(c, px, 0);
        guess = nc.nearest(px, 0, guess);
        if (masking[i] > 0) {
          guess = preferNeighbour(px, pal, guess, i % w > 0 ? out[i - 1] & 0xFF : -1, i >= w ? out[i - w] & 0xFF : -1,
              RUN_BIAS * masking[i]);
        }
        out[i] = (byte) guess;
      }
      return out;
    }
    // error rows with one pixel of padding each side, 4 channels per pixel
    float[] cur = new float[(w + 2) * 4];
    float[] next = new float[(w + 2) * 4];
    float[] t = new float[4];
    float maxErr2 = MAX_ERROR * MAX_ERROR;
    float deadFrom2 = DEAD_FROM * DEAD_FROM;
    float deadTo2 = DEAD_TO * DEAD_TO;
    int guess = -1;
    for (int y = 0; y < h; y++) {
      boolean ltr = (y & 1) == 0;
      int dir = ltr ? 1 : -1;
      for (int s = 0; s < w; s++) {
        int x = ltr ? s : w - 1 - s;
        int i = y * w + x;
        int c = argb[i];
        int e = (x + 1) * 4;
        if ((c >>> 24) == 0 && transparent >= 0) {
          out[i] = (byte) transparent;
          continue;
        }
        PerceptualSpace.toVector(c, px, 0);
        float st = strength[i] * level;
        for (int ch = 0; ch < 4; ch++) {
          t[ch] = px[ch] + st * cur[e + ch];
        }
        clampPremultiplied(t);
        int p = nc.nearest(t, 0, guess);
        if (st == 0 && masking[i] > 0) {
          int left = x - dir >= 0 && x - dir < w ? out[i - dir] & 0xFF : -1;
          p = preferNeighbour(t, pal, p, left, y > 0 ? out[i - w] & 0xFF : -1, RUN_BIAS * masking[i]);
        }
        guess = p;
        out[i] = (byte) p;
        float e0 = t[0] - pal[p * 4];
        float e1 = t[1] - pal[p * 4 + 1];
        float e2 = t[2] - pal[p * 4 + 2];
        float e3 = t[3] - pal[p * 4 + 3];
        float m2 = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
        float mk = masking[i];
        if (mk > 0 && m2 < deadTo2 * mk * mk) {
          float f = m2 <= deadFrom2 * mk * mk ? 0f : ((float) Math.sqrt(m2) - DEAD_FROM * mk) / ((DEAD_TO - DEAD_FROM) * mk);
          e0 *= f;
          e1 *= f;
          e2 *= f;
          e3 *= f;
        } else if (m2 > maxErr2) {
          float f = (float) Math.sqrt(maxErr2 / m2);
          e0 *= f;
          e1 *= f;
          e2 *= f;
          e3 *= f;
        }
        diffuse(cur, e + dir * 4, e0, e1, e2, e3, 7f / 16f);
        diffuse(next, e - dir * 4, e0, e1, e2, e3, 3f / 16f);
        diffuse(next, e, e0, e1, e2, e3, 5f / 16f);
        diffuse(next, e + dir * 4, e0, e1, e2, e3, 1f / 16f);
      }
      float[] tmp = cur;
      cur = next;
      next = tmp;
      java.util.Arrays.fill(next, 0f);
    }
    return out;
  }

  private static void diffuse(float[] row, int at, float e0, float e1, float e2, float e3, float f) {
    row[at] += e0 * f;
    row[at + 1] += e1 * f;
    row[at + 2] += e2 * f;
    row[at + 3] += e3 * f;
  }

  /** Keeps a target colour reachable: alpha within 0..1, each premultiplied channel within 0..alpha. */
  private static void clampPremultiplied(float[] t) {
    float a = Math.max(0f, Math.min(PerceptualSpace.SA, t[0]));
    t[0] = a;
    float alpha = a / PerceptualSpace.SA;
    t[1] = Math.max(0f, Math.min(alpha * PerceptualSpace.SR, t[1]));
    t[2] = Math.max(0f, Math.min(alpha * PerceptualSpace.SG, t[2]));
    t[3] = Math.max(0f, Math.min(alpha * PerceptualSpace.SB, t[3]));
  }
}
