package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Decodes a JPEG to pixels for the lossy encoder through ImageIO (TwelveMonkeys' reader when installed,
 * which copes with broken and unusual files), and reads the sample planes back out of a
 * {@link BufferedImage} in the image's own colour space: no colour management is applied, so an embedded
 * ICC profile stays valid for the re-encoded samples.
 */
final class PixelSource {
  private PixelSource() {}

  static BufferedImage decode(byte[] jpeg) throws CorruptInputException {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
      if (img == null) {
        throw new CorruptInputException("no ImageIO reader decodes this JPEG");
      }
      return img;
    } catch (IOException | RuntimeException e) {
      throw new CorruptInputException("JPEG pixels could not be decoded: " + e.getMessage(), e);
    }
  }

  /** One plane for grey images, else R, G, B planes; each {@code width * height} samples of 0..255. */
  static int[][] planes(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    Raster r = img.getRaster();
    ColorSpace cs = img.getColorModel().getColorSpace();
    boolean grey = cs.getType() == ColorSpace.TYPE_GRAY && r.getNumBands() <= 2;
    boolean rgbRaster = cs.getType() == ColorSpace.TYPE_RGB && r.getNumBands() >= 3
        && img.getColorModel().getComponentSize(0) == 8;
    if (grey) {
      int[] p = r.getSamples(0, 0, w, h, 0, (int[]) null);
      return new int[][] {p};
    }
    if (rgbRaster) {
      return new int[][] {r.getSamples(0, 0, w, h, 0, (int[]) null), r.getSamples(0, 0, w, h, 1, (int[]) null),
          r.getSamples(0, 0, w, h, 2, (int[]) null)};
    }
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w); // other layouts: converted through the colour model
    int[][] p = new int[3][w * h];
    for (int i = 0; i < argb.length; i++) {
      p[0][i] = (argb[i] >> 16) & 0xFF;
      p[1][i] = (argb[i] >> 8) & 0xFF;
      p[2][i] = argb[i] & 0xFF;
    }
    return p;
  }
}
