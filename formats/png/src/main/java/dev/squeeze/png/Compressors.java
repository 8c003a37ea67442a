package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.png.deflate.ZopfliDeflater;
import java.util.List;
import java.util.zip.Deflater;

/**
 * The deflate settings one effort level uses: a compressor that ranks candidates during the search, and the
 * compressors tried on the winner (the smallest output is kept).
 */
record Compressors(DeflateCompressor search, List<DeflateCompressor> finals) {
  static Compressors forEffort(Effort effort) {
    DeflateCompressor nine = new JdkDeflateCompressor(Deflater.BEST_COMPRESSION, Deflater.DEFAULT_STRATEGY);
    DeflateCompressor nineFiltered = new JdkDeflateCompressor(Deflater.BEST_COMPRESSION, Deflater.FILTERED);
    return switch (effort) {
      case FAST -> new Compressors(nine, List.of(nine));
      case DEFAULT -> new Compressors(nine, List.of(nine, nineFiltered));
      // zlib stays in the list so maximum effort is never larger than default for the same filtered rows
      case MAXIMUM -> new Compressors(nine, List.of(nine, nineFiltered, zopfli(ZopfliDeflater.defaults())));
    };
  }

  /** {@link ZopfliDeflater} as a final compressor (maximum effort). */
  static DeflateCompressor zopfli(ZopfliDeflater z) {
    return new DeflateCompressor() {
      @Override
      public byte[] compress(byte[] data) {
        return z.zlib(data);
      }

      @Override
      public String name() {
        return "zopfli-" + z.iterations();
      }
    };
  }
}
