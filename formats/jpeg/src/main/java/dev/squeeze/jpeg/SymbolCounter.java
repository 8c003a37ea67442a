package dev.squeeze.jpeg;

/** Counts symbols per table slot and raw bits: statistics for optimal Huffman codes and size estimates. */
final class SymbolCounter implements EntropySink {
  final long[][] freq;
  long rawBits;

  SymbolCounter(int tables) {
    freq = new long[tables][256];
  }

  @Override
  public void symbol(int table, int symbol) {
    freq[table][symbol]++;
  }

  @Override
  public void bits(int value, int n) {
    rawBits += n;
  }
}
