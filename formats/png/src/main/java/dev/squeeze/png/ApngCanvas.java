package dev.squeeze.png;

import java.util.Arrays;

/**
 * Renders an animated PNG frame by frame as a viewer shows it (APNG specification: the canvas starts fully
 * transparent black; each frame is drawn into its region replacing the pixels (blend SOURCE) or
 * alpha-composited over them (blend OVER); after it is shown its region is left, cleared or restored as its
 * dispose_op says, a first frame's PREVIOUS counting as BACKGROUND).
 */
final class ApngCanvas {
  private final int width;
  private final int[] canvas;
  private boolean first = true;

  ApngCanvas(int width, int height) {
    this.width = width;
    this.canvas = new int[width * height];
  }

  /**
   * Draws one frame and returns the canvas as shown while it is displayed (a copy), then disposes of it.
   *
   * @param argb the frame's {@code c.width() x c.height()} non-premultiplied pixels
   */
  int[] show(ApngFrames.Control c, int[] argb) {
    int dispose = first && c.dispose() == ApngFrames.DISPOSE_PREVIOUS ? ApngFrames.DISPOSE_BACKGROUND : c.dispose();
    first = false;
    int[] saved = dispose == ApngFrames.DISPOSE_PREVIOUS ? region(c) : null;
    for (int y = 0; y < c.height(); y++) {
      int row = (c.y() + y) * width + c.x();
      for (int x = 0; x < c.width(); x++) {
        int src = argb[y * c.width() + x];
        canvas[row + x] = c.blend() == ApngFrames.BLEND_SOURCE ? src : over(src, canvas[row + x]);
      }
    }
    int[] shown = canvas.clone();
    if (dispose == ApngFrames.DISPOSE_BACKGROUND) {
      for (int y = 0; y < c.height(); y++) {
        int row = (c.y() + y) * width + c.x();
        Arrays.fill(canvas, row, row + c.width(), 0);
      }
    } else if (saved != null) {
      for (int y = 0; y < c.height(); y++) {
        System.arraycopy(saved, y * c.width(), canvas, (c.y() + y) * width + c.x(), c.width());
      }
    }
    return shown;
  }

  private int[] region(ApngFrames.Control c) {
    int[] out = new int[c.width() * c.height()];
    for (int y = 0; y < c.height(); y++) {
      System.arraycopy(canvas, (c.y() + y) * width + c.x(), out, y * c.width(), c.width());
    }
    return out;
  }

  /** Porter-Duff "source over destination" on non-premultiplied 8-bit ARGB, rounded. */
  static int over(int src, int dst) {
    int sa = src >>> 24;
    if (sa == 255) {
      return src;
    }
    if (sa == 0) {
      return dst;
    }
    int da = dst >>> 24;
    // weights in 1/65025ths: the source's colour counts sa * 255, the destination's da * (255 - sa)
    int ws = sa * 255;
    int wd = da * (255 - sa);
    int wa = ws + wd;
    int out = ((wa + 127) / 255) << 24;
    for (int shift = 0; shift <= 16; shift += 8) {
      int s = (src >>> shift) & 0xFF;
      int d = (dst >>> shift) & 0xFF;
      out |= ((s * ws + d * wd + wa / 2) / wa) << shift;
    }
    return out;
  }
}
