package dev.squeeze.png.quant;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Reading test images as gamma-encoded sRGB ARGB, the way the quantizer and the PNG engine see them. */
final class TestImages {
  private TestImages() {}

  /**
   * The pixels of {@code img}. Grey images are read from the raster: ImageIO puts PNG grey samples in Java's
   * linear grey colour space, so {@code getRGB} would gamma-encode already gamma-encoded values.
   */
  static int[] argb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    if (img.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
      return img.getRGB(0, 0, w, h, null, 0, w);
    }
    Raster r = img.getRaster();
    int bands = r.getNumBands();
    boolean alpha = img.getColorModel().hasAlpha();
    double greyScale = 255.0 / ((1 << img.getColorModel().getComponentSize(0)) - 1);
    double alphaScale = alpha ? 255.0 / ((1 << img.getColorModel().getComponentSize(1)) - 1) : 0;
    int[] out = new int[w * h];
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      r.getPixels(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int g = (int) Math.round(row[x * bands] * greyScale);
        int a = alpha ? (int) Math.round(row[x * bands + 1] * alphaScale) : 255;
        out[y * w + x] = a << 24 | g << 16 | g << 8 | g;
      }
    }
    return out;
  }
}
