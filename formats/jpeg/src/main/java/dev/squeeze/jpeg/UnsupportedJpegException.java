package dev.squeeze.jpeg;

/**
 * A valid JPEG that this codec does not re-encode (12-bit, arithmetic-coded, lossless or hierarchical
 * process, more than four components): the optimizer hands the original back with {@link #getMessage()}.
 */
final class UnsupportedJpegException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int width;
  private final int height;

  UnsupportedJpegException(String reason, int width, int height) {
    super(reason);
    this.width = width;
    this.height = height;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
