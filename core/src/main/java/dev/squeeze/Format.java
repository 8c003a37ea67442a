package dev.squeeze;

/**
 * A container format, as recognised from the first bytes of the content (never from a file name).
 *
 * @see FormatSniffer
 */
public enum Format {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  PDF("application/pdf", "pdf"),
  WEBP("image/webp", "webp"),
  TIFF("image/tiff", "tif"),
  BMP("image/bmp", "bmp"),
  UNKNOWN("application/octet-stream", "bin");

  private final String mediaType;
  private final String extension;

  Format(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The IANA media type, for example {@code image/png}. */
  public String mediaType() {
    return mediaType;
  }

  /** The usual file extension without the dot, for example {@code png}. */
  public String extension() {
    return extension;
  }
}
