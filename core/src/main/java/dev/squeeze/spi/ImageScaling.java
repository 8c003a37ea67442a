package dev.squeeze.spi;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.ScaleMethod;
import java.awt.image.BufferedImage;

/** High-quality down-scaling to a maximum width, shared by the format modules for {@code Options.maxWidth}. */
public final class ImageScaling {
  private ImageScaling() {}

  /**
   * Returns {@code image} scaled down with a Lanczos-3 filter so that it is at most {@code maxWidth} pixels
   * wide, keeping its aspect ratio (height rounded, at least 1); returns {@code image} itself when it is
   * already narrow enough.
   */
  public static BufferedImage toMaxWidth(BufferedImage image, int maxWidth) {
    if (maxWidth < 1) {
      throw new IllegalArgumentException("maxWidth must be at least 1, was " + maxWidth);
    }
    if (image.getWidth() <= maxWidth) {
      return image;
    }
    int height = Math.max(1, (int) Math.round((double) image.getHeight() * maxWidth / image.getWidth()));
    return ImmutableImage.wrapAwt(image).scaleTo(maxWidth, height, ScaleMethod.Lanczos3).awt();
  }
}
