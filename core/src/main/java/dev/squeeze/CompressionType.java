package dev.squeeze;

/** The service's {@code compression_type}: keep every pixel, or trade invisible detail for bytes. */
public enum CompressionType {
  /** Decoded pixels identical to the input's, on every frame and page. */
  LOSSLESS,
  /** Within the quality bound of {@link Options}; the default, as the service's clients expect. */
  LOSSY
}
