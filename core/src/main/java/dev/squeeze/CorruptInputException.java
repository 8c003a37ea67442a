package dev.squeeze;

/** The content claims a supported format but cannot be decoded: truncated, bad checksums, invalid codes. */
public class CorruptInputException extends SqueezeException {
  private static final long serialVersionUID = 1L;

  public CorruptInputException(String message) {
    super(message);
  }

  public CorruptInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
