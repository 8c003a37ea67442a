package dev.squeeze.png.deflate;

/**
 * A fixed xorshift generator, so that the same input always compresses to the same bytes on every JVM
 * (java.util random generators make no such promise across versions).
 */
final class DeterministicRandom {
  private long state;

  DeterministicRandom(long seed) {
    state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }

  /** A value in [0, bound). */
  int next(int bound) {
    state ^= state << 13;
    state ^= state >>> 7;
    state ^= state << 17;
    return (int) Long.remainderUnsigned(state >>> 1, bound);
  }
}
