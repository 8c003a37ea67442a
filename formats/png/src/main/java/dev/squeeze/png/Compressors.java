package dev.squeeze.png;

import dev.squeeze.Effort;
import java.util.List;
import java.util.zip.Deflater;

/**
 * The deflate settings of one effort level: a compressor that ranks candidates during the search, how many
 * of the best-ranked candidates go to the final round, and the compressors tried there (the smallest output
 * is kept).
 *
 * @param search ranks trials; fast, and ordering trials like the final compressors do
 * @param finalists how many of the best-ranked trials are compressed by the final compressors
 * @param finalistMargin runners-up are finalists only when their search size is within this factor of the best
 * @param unfilteredMargin the best unfiltered trial is a finalist too when its search size is within this factor
 *     of the best (0: never). At maximum effort zlib 9 ranks unfiltered rows too low: the optimal parser gains
 *     more on their long repeats than on filtered rows. FinalistProbe -Dnone=true:
 *     skimage_logo_rgba_interlaced.png's unfiltered rows were zlib's 8th, 2.3% behind its first, and 0.9% smaller
 *     than every finalist under zopfli; skimage_logo_rgba.png's were 4.5% behind and stayed 1.1% behind. Both
 *     moved by 3-3.5%, so within 4% the unfiltered rows may win.
 */
record Compressors(int finalists, double finalistMargin, double unfilteredMargin, Effort effort) {
  private static final DeflateCompressor NINE = new JdkDeflateCompressor(Deflater.BEST_COMPRESSION,
      Deflater.DEFAULT_STRATEGY);
  private static final DeflateCompressor NINE_FILTERED = new JdkDeflateCompressor(Deflater.BEST_COMPRESSION,
      Deflater.FILTERED);
  // level 6 ranked filter strategies and colour encodings like level 9 on every corpus file (level 4 did not:
  // it put unfiltered rows first on skimage_logo_rgba, 2.7% larger at level 9) in a third of level 9's time
  // (measured with PngSearchProbe)
  private static final DeflateCompressor ZOPFLI = new ZopfliCompressor(
      dev.squeeze.png.deflate.ZopfliDeflater.defaults());
  private static final DeflateCompressor SIX = new JdkDeflateCompressor(6, Deflater.DEFAULT_STRATEGY);
  // below this much filtered data level 9 costs a few milliseconds, so it ranks exactly
  private static final int EXACT_SEARCH_BYTES = 128 << 10;

  static Compressors forEffort(Effort effort) {
    return switch (effort) {
      case FAST, DEFAULT -> new Compressors(1, 1.0, 0, effort);
      // the deflate helper measured on the 27 still corpus PNGs, zopfli over zlib 9's best six: the winner was
      // zlib's first in 16 files, second in 6, third in 3 and fourth in 2, never lower. No winner was more than
      // 1.05% behind zlib's first (screenshot_gnome_shell_exit.png), while runners-up 2-20% behind cost a full
      // zopfli run each (FinalistProbe), so those are left out.
      case MAXIMUM -> new Compressors(4, 1.015, 1.04, effort);
    };
  }

  /** The compressor for zlib streams inside kept chunks (profiles, text): the strongest one of the level. */
  DeflateCompressor metadata() {
    return effort == Effort.MAXIMUM ? ZOPFLI : NINE;
  }

  /** The compressor that ranks trials of {@code bytes} filtered bytes. */
  DeflateCompressor search(int bytes) {
    return bytes <= EXACT_SEARCH_BYTES || effort == Effort.MAXIMUM ? NINE : SIX;
  }

  /**
   * The final compressors for data filtered by {@code strategy}. FILTERED (shorter matches, more literals)
   * won by 2-5% on every filtered photo and screenshot of the corpus and lost by up to 5% on unfiltered
   * palette rows, so below maximum effort only the one that suits the filter is run.
   */
  List<DeflateCompressor> finals(Filters.Strategy strategy) {
    boolean unfiltered = strategy == Filters.Strategy.NONE;
    return switch (effort) {
      case FAST, DEFAULT -> List.of(unfiltered ? NINE : NINE_FILTERED);
      // zopfli beat zlib 9 by 5-15% on every corpus file; zlib stays as a safety net for tiny inputs
      case MAXIMUM -> List.of(NINE, NINE_FILTERED, ZOPFLI);
    };
  }
}
