package dev.squeeze.spi;

/**
 * The size of an image or document: width and height in pixels (of the first page for documents, 0 when
 * not known) and the number of frames or pages.
 */
public record Dimensions(int width, int height, int frames) {
  public Dimensions {
    if (width < 0 || height < 0 || frames < 0) {
      throw new IllegalArgumentException("negative dimensions: " + width + "x" + height + " x" + frames);
    }
  }
}
