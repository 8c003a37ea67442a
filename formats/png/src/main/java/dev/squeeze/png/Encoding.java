package dev.squeeze.png;

/**
 * One way to store an image: colour type, bit depth, PLTE and tRNS payloads, and the unfiltered rows
 * ({@code height} rows of {@code stride} bytes, no filter-type bytes).
 */
record Encoding(String label, int colorType, int bitDepth, byte[] palette, byte[] transparency, int width,
    int height, byte[] rows) {
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
