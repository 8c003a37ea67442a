package dev.squeeze.jpeg;

/**
 * One colour component of a frame and its quantised DCT coefficients, stored block after block in
 * zig-zag order (the order they are coded in), row-major over a grid padded to whole MCUs.
 */
final class Component {
  final int id;
  final int h;
  final int v;
  /** The quantisation table selector from the frame header (as read; the output renumbers tables). */
  final int tq;
  /** Blocks per row and rows of blocks allocated: whole MCUs, as an interleaved scan covers them. */
  final int blocksWide;
  final int blocksHigh;
  /** Blocks that hold image samples, as a non-interleaved scan covers them: ceil(component size / 8). */
  final int usedBlocksWide;
  final int usedBlocksHigh;
  /** Quantisation table in zig-zag order, latched when the component's first scan starts. */
  int[] quant;
  short[] coef;

  Component(int id, int h, int v, int tq, int blocksWide, int blocksHigh, int usedBlocksWide, int usedBlocksHigh) {
    this.id = id;
    this.h = h;
    this.v = v;
    this.tq = tq;
    this.blocksWide = blocksWide;
    this.blocksHigh = blocksHigh;
    this.usedBlocksWide = usedBlocksWide;
    this.usedBlocksHigh = usedBlocksHigh;
  }

  int blockCount() {
    return blocksWide * blocksHigh;
  }
}
