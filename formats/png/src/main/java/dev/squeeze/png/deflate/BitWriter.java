package dev.squeeze.png.deflate;

import java.util.Arrays;

/** Bits packed least-significant first into a growing byte array, as RFC 1951 section 3.1.1 orders them. */
final class BitWriter {
  private byte[] buf;
  private int size;
  private long acc;
  private int accBits;

  BitWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Writes the low {@code n} bits of {@code value}, first bit first (n at most 32). */
  void writeBits(int value, int n) {
    acc |= (value & ((1L << n) - 1)) << accBits;
    accBits += n;
    while (accBits >= 8) {
      put((byte) acc);
      acc >>>= 8;
      accBits -= 8;
    }
  }

  /** Writes a Huffman code of {@code len} bits given in its natural (most significant bit first) order. */
  void writeCode(int code, int len) {
    writeBits(Integer.reverse(code) >>> (32 - len), len);
  }

  /** Pads with zero bits up to the next byte boundary. */
  void alignToByte() {
    if (accBits > 0) {
      writeBits(0, 8 - accBits);
    }
  }

  void writeBytes(byte[] data, int off, int len) {
    alignToByte();
    ensure(len);
    System.arraycopy(data, off, buf, size, len);
    size += len;
  }

  /** Number of bits written so far. */
  long bitCount() {
    return size * 8L + accBits;
  }

  /** The bytes written, the last one padded with zero bits. */
  byte[] toByteArray() {
    alignToByte();
    return Arrays.copyOf(buf, size);
  }

  private void put(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) size + more);
      if (want > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("deflate output over 2 GB");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }
}
