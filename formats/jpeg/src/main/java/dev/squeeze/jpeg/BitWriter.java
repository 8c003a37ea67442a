package dev.squeeze.jpeg;

import java.io.ByteArrayOutputStream;

/** Writes entropy-coded data: Huffman codes and raw bits, with 0xFF bytes stuffed and 1-bit padding at the end. */
final class BitWriter implements EntropySink {
  private final ByteArrayOutputStream out;
  private final HuffmanCode[] tables;
  private long acc;
  private int bits;
  /** Own buffer: ByteArrayOutputStream.write(int) is synchronized, a lock per byte of scan data. */
  private byte[] buf = new byte[1 << 16];
  private int len;

  BitWriter(ByteArrayOutputStream out, HuffmanCode[] tables) {
    this.out = out;
    this.tables = tables;
  }

  @Override
  public void symbol(int table, int symbol) {
    HuffmanCode t = tables[table];
    int len = t.length[symbol];
    if (len == 0) {
      throw new IllegalStateException("symbol " + symbol + " has no code in table " + table);
    }
    bits(t.code[symbol], len);
  }

  @Override
  public void bits(int value, int n) {
    if (n == 0) {
      return;
    }
    acc = (acc << n) | (value & ((1L << n) - 1));
    bits += n;
    while (bits >= 8) {
      bits -= 8;
      int b = (int) (acc >>> bits) & 0xFF;
      if (len + 2 > buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[len++] = (byte) b;
      if (b == 0xFF) {
        buf[len++] = 0;
      }
    }
  }

  @Override
  public void correctionBits(byte[] b, int start, int n) {
    int end = start + n;
    for (int j = start; j < end; j += 16) { // packed 16 at a time rather than bit by bit
      int k = Math.min(16, end - j);
      int v = 0;
      for (int i = 0; i < k; i++) {
        v = (v << 1) | b[j + i];
      }
      bits(v, k);
    }
  }

  /** Pads the last byte with 1 bits, as T.81 F.1.2.3 asks, and hands the data to the output stream. */
  void flush() {
    if (bits > 0) {
      bits(0x7F, 8 - bits);
    }
    acc = 0;
    out.write(buf, 0, len);
    len = 0;
  }
}
