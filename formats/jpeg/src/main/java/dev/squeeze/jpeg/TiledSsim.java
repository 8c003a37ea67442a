package dev.squeeze.jpeg;

import dev.squeeze.quality.Ssim;
import java.awt.image.BufferedImage;

/**
 * SSIM at full resolution, tile by tile. {@link Ssim} scales large images down first (as its reference
 * code does, to model a viewing distance), which makes any large image look perfect: a 2000-pixel diagram
 * compared at a ninth of its size hides the ringing around every line. Tiles of at most {@value #TILE}
 * pixels are below that scaling threshold, so each is compared at full resolution; the result reports both
 * the pixel-weighted mean and the worst tile, where a local defect shows.
 */
final class TiledSsim {
  /** Under 384 pixels on the short side {@link Ssim} does not scale down (its factor is round(side / 256)). */
  static final int TILE = 256;

  /** Mean and worst-tile SSIM. */
  record Score(double mean, double worst) {}

  private TiledSsim() {}

  static Score compare(BufferedImage a, BufferedImage b) {
    int w = a.getWidth();
    int h = a.getHeight();
    int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
    int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
    double sum = 0;
    double worst = 1;
    long weight = 0;
    for (int ty = 0; ty < h; ty += TILE) {
      // a last sliver joins the tile before it, so no tile is too small for SSIM's 11x11 window
      int th = h - ty < TILE + TILE / 2 ? h - ty : TILE;
      for (int tx = 0; tx < w; tx += TILE) {
        int tw = w - tx < TILE + TILE / 2 ? w - tx : TILE;
        int[] ta = new int[tw * th];
        int[] tb = new int[tw * th];
        for (int y = 0; y < th; y++) {
          System.arraycopy(pa, (ty + y) * w + tx, ta, y * tw, tw);
          System.arraycopy(pb, (ty + y) * w + tx, tb, y * tw, tw);
        }
        double s = Ssim.compare(ta, tb, tw, th);
        sum += s * tw * th;
        weight += (long) tw * th;
        worst = Math.min(worst, s);
        if (tw != TILE) {
          break;
        }
      }
      if (th != TILE) {
        break;
      }
    }
    return new Score(sum / weight, worst);
  }
}
