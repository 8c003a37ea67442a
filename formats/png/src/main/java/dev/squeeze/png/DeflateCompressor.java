package dev.squeeze.png;

/**
 * Compresses a PNG's filtered image data to a zlib stream (the IDAT payload). The JDK's {@link
 * java.util.zip.Deflater} serves by default; an optimal-parsing compressor plugs in for maximum effort.
 */
interface DeflateCompressor {
  /** A complete zlib stream (header, deflate data, Adler-32) of {@code data}. */
  byte[] compress(byte[] data);

  /** The length {@link #compress} would return; implementations may avoid keeping the output. */
  default int compressedSize(byte[] data) {
    return compress(data).length;
  }

  /** A short name for the steps of a result, such as {@code zlib-9-filtered}. */
  String name();
}
