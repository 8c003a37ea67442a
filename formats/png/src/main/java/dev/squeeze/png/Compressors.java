package dev.squeeze.png;

import dev.squeeze.Effort;
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
      case DEFAULT, MAXIMUM -> new Compressors(nine, List.of(nine, nineFiltered));
    };
  }
}
