package dev.squeeze.png;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** {@link DeflateCompressor} over {@link Deflater}, with a given level and strategy. */
final class JdkDeflateCompressor implements DeflateCompressor {
  private final int level;
  private final int strategy;

  JdkDeflateCompressor(int level, int strategy) {
    this.level = level;
    this.strategy = strategy;
  }

  @Override
  public byte[] compress(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
    run(data, out);
    return out.toByteArray();
  }

  @Override
  public int compressedSize(byte[] data) {
    return run(data, null);
  }

  private int run(byte[] data, ByteArrayOutputStream out) {
    Deflater d = new Deflater(level);
    try {
      d.setStrategy(strategy);
      d.setInput(data);
      d.finish();
      // 64 KiB: a few deflate blocks per call, small enough to stay in cache
      byte[] buf = new byte[1 << 16];
      int total = 0;
      while (!d.finished()) {
        int n = d.deflate(buf);
        total += n;
        if (out != null) {
          out.write(buf, 0, n);
        }
      }
      return total;
    } finally {
      d.end();
    }
  }

  @Override
  public String name() {
    return "zlib-" + level + switch (strategy) {
      case Deflater.FILTERED -> "-filtered";
      case Deflater.HUFFMAN_ONLY -> "-huffman";
      default -> "";
    };
  }
}
