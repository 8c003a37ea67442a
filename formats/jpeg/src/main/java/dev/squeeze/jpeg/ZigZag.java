package dev.squeeze.jpeg;

/** The JPEG zig-zag scan order (T.81 figure A.6): {@code NATURAL[k]} is the row-major index of the k-th coefficient. */
final class ZigZag {
  static final int[] NATURAL = build();

  private ZigZag() {}

  private static int[] build() {
    int[] order = new int[64];
    int k = 0;
    for (int s = 0; s <= 14; s++) { // anti-diagonals, alternating direction
      if (s % 2 == 0) {
        for (int y = Math.min(s, 7); y >= Math.max(0, s - 7); y--) {
          order[k++] = y * 8 + (s - y);
        }
      } else {
        for (int y = Math.max(0, s - 7); y <= Math.min(s, 7); y++) {
          order[k++] = y * 8 + (s - y);
        }
      }
    }
    return order;
  }
}
