package dev.squeeze.png;

/** The one EXIF field a PNG optimizer must respect: the orientation tag of IFD0. */
final class Exif {
  private static final int ORIENTATION_TAG = 0x0112;

  private Exif() {}

  /** The orientation (1..8) in a TIFF-structured EXIF payload, or 0 when absent or unreadable. */
  static int orientation(byte[] tiff) {
    if (tiff.length < 8) {
      return 0;
    }
    boolean little;
    if (tiff[0] == 'I' && tiff[1] == 'I') {
      little = true;
    } else if (tiff[0] == 'M' && tiff[1] == 'M') {
      little = false;
    } else {
      return 0;
    }
    long ifd = u32(tiff, 4, little);
    if (ifd < 8 || ifd > tiff.length - 2) {
      return 0;
    }
    int n = u16(tiff, (int) ifd, little);
    for (int i = 0; i < n; i++) {
      long e = ifd + 2 + 12L * i;
      if (e + 12 > tiff.length) {
        return 0;
      }
      if (u16(tiff, (int) e, little) == ORIENTATION_TAG) {
        return u16(tiff, (int) e + 8, little);
      }
    }
    return 0;
  }

  /** A minimal big-endian TIFF with IFD0 holding only the orientation: 26 bytes. */
  static byte[] orientationOnly(int orientation) {
    return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at offset 8
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // tag 0x0112 SHORT x1, value left-justified
        0, 0, 0, 0}; // no next IFD
  }

  private static int u16(byte[] b, int off, boolean little) {
    return little ? (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) : ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  private static long u32(byte[] b, int off, boolean little) {
    return little ? (u16(b, off, true) | ((long) u16(b, off + 2, true) << 16))
        : (((long) u16(b, off, false) << 16) | u16(b, off + 2, false));
  }
}
