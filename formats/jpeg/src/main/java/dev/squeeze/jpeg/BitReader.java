package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;

/**
 * Reads the entropy-coded segment of a scan bit by bit, removing stuffed zero bytes and stopping at the
 * next marker. Past a marker it supplies zero bits for look-ahead only: consuming one of them means the
 * scan data was truncated, which is an error (never a silent fill).
 */
final class BitReader {
  private final byte[] data;
  private int pos;
  private long acc;
  private int bits;
  /** Zero bits appended below the real ones after a marker or the end of input; never to be consumed. */
  private int padBits;
  private boolean atMarker;

  BitReader(byte[] data, int pos) {
    this.data = data;
    this.pos = pos;
  }

  private void fill() {
    while (bits <= 56) {
      if (atMarker) {
        acc <<= 8;
        bits += 8;
        padBits += 8;
        continue;
      }
      if (pos >= data.length) {
        atMarker = true;
        continue;
      }
      int b = data[pos] & 0xFF;
      if (b == 0xFF) {
        if (pos + 1 < data.length && data[pos + 1] == 0) {
          pos += 2;
        } else {
          atMarker = true;
          continue;
        }
      } else {
        pos++;
      }
      acc = (acc << 8) | b;
      bits += 8;
    }
  }

  /** The next {@code n} (at most 24) bits without consuming them. */
  int peek(int n) {
    if (bits < n) {
      fill();
    }
    return (int) (acc >>> (bits - n)) & ((1 << n) - 1);
  }

  void skip(int n) throws CorruptInputException {
    bits -= n;
    if (bits < padBits) {
      throw new CorruptInputException("JPEG scan data ends early (truncated or damaged)");
    }
  }

  int read(int n) throws CorruptInputException {
    if (n == 0) {
      return 0;
    }
    int v = peek(n);
    skip(n);
    return v;
  }

  int readBit() throws CorruptInputException {
    return read(1);
  }

  /** Reads {@code s} magnitude bits and sign-extends them (JPEG's RECEIVE and EXTEND). */
  int receiveExtend(int s) throws CorruptInputException {
    if (s == 0) {
      return 0;
    }
    int v = read(s);
    return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
  }

  /** Drops the padding bits of the current interval and consumes the restart marker {@code RST(n)}. */
  void restart(int n) throws CorruptInputException {
    acc = 0;
    bits = 0;
    padBits = 0;
    atMarker = false;
    while (pos < data.length && data[pos] != (byte) 0xFF) {
      pos++; // junk between the interval's last byte and its marker, tolerated as libjpeg does
    }
    while (pos + 1 < data.length && data[pos + 1] == (byte) 0xFF) {
      pos++;
    }
    if (pos + 1 >= data.length || (data[pos + 1] & 0xFF) != 0xD0 + n) {
      throw new CorruptInputException("JPEG restart marker RST" + n + " missing at byte " + pos);
    }
    pos += 2;
  }

  /** Where reading stopped: at or before the marker that ends the scan. */
  int position() {
    return pos;
  }
}
