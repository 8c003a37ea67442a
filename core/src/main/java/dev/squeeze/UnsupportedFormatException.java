package dev.squeeze;

/** The content is of no format that an installed optimizer handles (or of none at all). */
public class UnsupportedFormatException extends SqueezeException {
  private static final long serialVersionUID = 1L;
  private final Format format;

  public UnsupportedFormatException(Format format, String message) {
    super(message);
    this.format = format;
  }

  /** The sniffed format: {@link Format#UNKNOWN} when no signature matched. */
  public Format format() {
    return format;
  }
}
