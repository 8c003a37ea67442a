package dev.squeeze.jpeg;

import java.io.ByteArrayOutputStream;

/** Writes entropy-coded data: Huffman codes and raw bits, with 0xFF bytes stuffed and 1-bit padding at the end. */
final class BitWriter implements EntropySink {
  private final ByteArrayOutputStream out;
  private final HuffmanCode[] tables;
  private long acc;
  private int bits;

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
      out.write(b);
      if (b == 0xFF) {
        out.write(0);
      }
    }
  }

  /** Pads the last byte with 1 bits, as T.81 F.1.2.3 asks. */
  void flush() {
    if (bits > 0) {
      bits(0x7F, 8 - bits);
    }
    acc = 0;
  }
}
