package dev.squeeze;

/**
 * Recognises a format from magic bytes. Reads at most the first {@link #HEAD_BYTES} bytes, except for
 * {@link #isAnimatedPng} which walks PNG chunk headers up to the first {@code IDAT}.
 */
public final class FormatSniffer {
  /** How many leading bytes {@link #sniff} needs to see to decide. */
  public static final int HEAD_BYTES = 1024;

  private FormatSniffer() {}

  /**
   * Returns the format whose signature starts {@code head}, or {@link Format#UNKNOWN}.
   *
   * <pre>{@code
   * FormatSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}) == Format.JPEG
   * }</pre>
   */
  public static Format sniff(byte[] head) {
    if (head == null) {
      throw new NullPointerException("head");
    }
    int n = head.length;
    if (n >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) {
      return Format.JPEG;
    }
    if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Format.PNG;
    }
    if (startsWith(head, 0, 'G', 'I', 'F', '8') && n >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
      return Format.GIF;
    }
    if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
      return Format.WEBP;
    }
    if (startsWith(head, 0, 'I', 'I', 42, 0) || startsWith(head, 0, 'M', 'M', 0, 42)
        || startsWith(head, 0, 'I', 'I', 43, 0) || startsWith(head, 0, 'M', 'M', 0, 43)) {
      return Format.TIFF;
    }
    if (startsWith(head, 0, 'B', 'M') && n >= 14) {
      return Format.BMP;
    }
    // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3 note 13).
    int limit = Math.min(n, HEAD_BYTES) - 5;
    for (int i = 0; i <= limit; i++) {
      if (startsWith(head, i, '%', 'P', 'D', 'F', '-')) {
        return Format.PDF;
      }
    }
    return Format.UNKNOWN;
  }

  /**
   * True when {@code png} is a PNG whose chunks before the first {@code IDAT} include {@code acTL}, the
   * mark of an animated PNG (APNG).
   */
  public static boolean isAnimatedPng(byte[] png) {
    if (sniff(png) != Format.PNG) {
      return false;
    }
    long pos = 8;
    while (pos + 8 <= png.length) {
      int p = (int) pos;
      long length = ((long) u(png, p) << 24) | (u(png, p + 1) << 16) | (u(png, p + 2) << 8) | u(png, p + 3);
      if (startsWith(png, p + 4, 'a', 'c', 'T', 'L')) {
        return true;
      }
      if (startsWith(png, p + 4, 'I', 'D', 'A', 'T')) {
        return false;
      }
      pos += 12 + length;
    }
    return false;
  }

  private static int u(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static boolean startsWith(byte[] b, int off, int... sig) {
    if (off + sig.length > b.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[off + i] & 0xFF) != (sig[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
