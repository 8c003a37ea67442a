package dev.squeeze.jpeg;

/**
 * Where a scan's entropy coder puts its output: Huffman symbols for a table slot and raw bits. One
 * implementation counts (the first pass of two-pass Huffman optimisation and of the scan-script search),
 * the other writes.
 */
interface EntropySink {
  void symbol(int table, int symbol);

  /** The low {@code n} bits of {@code value}, most significant first. */
  void bits(int value, int n);
}
