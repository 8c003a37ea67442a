package dev.squeeze.png;

import dev.squeeze.png.deflate.ZopfliDeflater;

/** {@link DeflateCompressor} over the optimal-parsing {@link ZopfliDeflater}, for maximum effort. */
final class ZopfliCompressor implements DeflateCompressor {
  private final ZopfliDeflater deflater;

  ZopfliCompressor(ZopfliDeflater deflater) {
    this.deflater = deflater;
  }

  @Override
  public byte[] compress(byte[] data) {
    return deflater.zlib(data);
  }

  @Override
  public String name() {
    return "zopfli-" + deflater.iterations();
  }
}
