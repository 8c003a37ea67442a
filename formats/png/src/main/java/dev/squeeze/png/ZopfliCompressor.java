package dev.squeeze.png;

import dev.squeeze.png.deflate.ZopfliDeflater;

/**
 * {@link DeflateCompressor} over the optimal-parsing {@link ZopfliDeflater}, for maximum effort. Small inputs
 * get more parsing iterations: they cost little there, and the extra passes still find bytes (see
 * {@link #SMALL_BYTES}).
 */
final class ZopfliCompressor implements DeflateCompressor {
  /**
   * Inputs up to this size are parsed with {@link #SMALL_ITERATIONS}. Measured with ZopfliOracleProbe on the
   * unfiltered palette rows of horse_rgba_bilevel.png (131 KB): 15 iterations 5086 bytes, 60 iterations 5080
   * (frequency order 5100 to 5077), 1.5 s more per trial; horse_1bit.png 1183 to 1182.
   */
  static final int SMALL_BYTES = 256 << 10;
  /** Iterations for small inputs; the measurement above. */
  static final int SMALL_ITERATIONS = 60;

  private final ZopfliDeflater deflater;
  private final ZopfliDeflater small;

  ZopfliCompressor(ZopfliDeflater deflater) {
    this.deflater = deflater;
    this.small = deflater.withIterations(Math.max(deflater.iterations(), SMALL_ITERATIONS));
  }

  @Override
  public byte[] compress(byte[] data) {
    return (data.length <= SMALL_BYTES ? small : deflater).zlib(data);
  }

  @Override
  public String name() {
    return "zopfli-" + deflater.iterations() + "/" + small.iterations();
  }
}
