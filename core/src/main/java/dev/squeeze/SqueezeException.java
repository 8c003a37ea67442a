package dev.squeeze;

/** The one checked base of every error Squeeze reports about its input or its limits. */
public class SqueezeException extends Exception {
  private static final long serialVersionUID = 1L;

  public SqueezeException(String message) {
    super(message);
  }

  public SqueezeException(String message, Throwable cause) {
    super(message, cause);
  }
}
