package dev.squeeze.png;

/**
 * One way to store an image: colour type, bit depth, PLTE and tRNS payloads, and the unfiltered rows
 * ({@code height} rows of {@code stride} bytes, no filter-type bytes).
 *
 * @param unfilteredOnly the search tries only unfiltered rows for it: set for encodings meant for unfiltered rows,
 *     whose filtered trials were measured never to win
 */
record Encoding(String label, int colorType, int bitDepth, byte[] palette, byte[] transparency, int width,
    int height, byte[] rows, boolean unfilteredOnly) {
  /** An encoding the search tries with every filter strategy of its effort level. */
  Encoding(String label, int colorType, int bitDepth, byte[] palette, byte[] transparency, int width, int height,
      byte[] rows) {
    this(label, colorType, bitDepth, palette, transparency, width, height, rows, false);
  }

  int stride() {
    return (int) PngHeader.rowBytes(width, PngHeader.channels(colorType) * bitDepth);
  }

  /** The filter's byte distance to the corresponding byte of the previous pixel (at least 1). */
  int filterBpp() {
    return Math.max(1, PngHeader.channels(colorType) * bitDepth / 8);
  }

  PngHeader header() {
    return new PngHeader(width, height, bitDepth, colorType, false);
  }
}
