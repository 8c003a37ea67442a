package dev.squeeze.png;

import dev.squeeze.Effort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Writes the smallest PNG it finds for given pixels: tries the lossless colour-type, bit-depth and palette
 * reductions, several row-filter strategies and deflate settings, and keeps the smallest file.
 *
 * <p>The palette quantiser calls {@link #encodeIndexed} with its result:
 * <pre>{@code
 * byte[] png = PngEncoder.encodeIndexed(w, h, paletteArgb, indices, List.of(), Effort.DEFAULT);
 * }</pre>
 */
public final class PngEncoder {
  /**
   * Above this many unfiltered bytes (a 4-megapixel RGBA image) strategies are filtered and ranked one at a time,
   * so that a 100-megapixel image, the default pixel limit, fits a 2 GiB heap.
   */
  private static final int LARGE_IMAGE_BYTES = 16 << 20;

  private PngEncoder() {}

  /** A written PNG and how it was made. */
  record Encoded(byte[] png, String colorLabel, Filters.Strategy filter, String deflate) {
    String describe() {
      return colorLabel + ", " + filter.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " filter, "
          + deflate;
    }
  }

  /**
   * Encodes an indexed image: pixel {@code (x, y)} has colour {@code paletteArgb[indices[y * width + x] & 0xFF]}
   * (0xAARRGGBB, not premultiplied). The palette is de-duplicated and reordered, the bit depth reduced to 1, 2 or
   * 4 where it fits, and grey or truecolour used instead when smaller; filters and deflate are searched as for
   * any image.
   *
   * @param chunks ancillary chunks to write unchanged (colour profile, text...), in the order given
   * @return a complete PNG file
   * @throws IllegalArgumentException when sizes disagree or an index is outside the palette
   */
  public static byte[] encodeIndexed(int width, int height, int[] paletteArgb, byte[] indices, List<PngChunk> chunks,
      Effort effort) {
    Objects.requireNonNull(paletteArgb, "paletteArgb");
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(effort, "effort");
    if (width < 1 || height < 1 || (long) width * height != indices.length) {
      throw new IllegalArgumentException("indices hold " + indices.length + " pixels, not " + width + "x" + height);
    }
    if (paletteArgb.length < 1 || paletteArgb.length > 256) {
      throw new IllegalArgumentException("palette must have 1..256 entries, had " + paletteArgb.length);
    }
    int[] argb = new int[indices.length];
    for (int i = 0; i < argb.length; i++) {
      int k = indices[i] & 0xFF;
      if (k >= paletteArgb.length) {
        throw new IllegalArgumentException("index " + k + " at pixel " + i + " is past the palette's " + paletteArgb.length
            + " entries");
      }
      argb[i] = paletteArgb[k];
    }
    return encode(PixelImage.of8(width, height, argb), List.copyOf(chunks), effort, Compressors.forEffort(effort)).png();
  }

  static Encoded encode(PixelImage img, List<PngChunk> chunks, Effort effort, Compressors compressors) {
    return encode(img, chunks, effort, compressors, Runnable::run);
  }

  /**
   * The search: every colour encoding with every filter strategy of the effort level is ranked by the fast
   * search compressor; the best few are then compressed by every final compressor, and the smallest file wins.
   * Trials run on {@code executor}.
   */
  static Encoded encode(PixelImage img, List<PngChunk> chunks, Effort effort, Compressors compressors,
      Executor executor) {
    Compressed best = compress(ColorReducer.candidates(img, effort != Effort.FAST, effort == Effort.MAXIMUM), effort, compressors, executor);
    Encoding e = best.encoding();
    byte[] png = PngWriter.write(e.header(), e.palette(), e.transparency(), best.zlib(), chunks);
    return new Encoded(png, e.label(), best.strategy(), best.deflate());
  }

  /** The image data of one encoding, filtered and deflated as small as the search found. */
  record Compressed(Encoding encoding, Filters.Strategy strategy, byte[] zlib, String deflate) {
    int size() {
      return zlib.length + overhead(encoding);
    }
  }

  /** The smallest filtered, deflated image data over {@code candidates}, counting PLTE and tRNS against each. */
  static Compressed compress(List<Encoding> candidates, Effort effort, Compressors compressors, Executor executor) {
    List<Supplier<Trial>> ranked = new ArrayList<>();
    List<Trial> trials = new ArrayList<>();
    for (Encoding e : candidates) {
      if (e.rows().length > LARGE_IMAGE_BYTES) {
        // one filtered copy at a time, losers dropped at once: bounds the memory of very large images
        for (Filters.Strategy s : strategies(e, effort)) {
          byte[] f = Filters.apply(e, s);
          trials.add(new Trial(e, s, f, compressors.search(f.length).compressedSize(f) + overhead(e)));
          trials.sort(Comparator.comparingInt(Trial::searchSize));
          trials.subList(Math.min(trials.size(), compressors.finalists()), trials.size()).clear();
        }
        continue;
      }
      Map<Filters.Strategy, byte[]> filtered = Filters.applyAll(e, strategies(e, effort));
      List<byte[]> distinct = new ArrayList<>();
      filtered.forEach((s, f) -> {
        // heuristics often agree (on palette rows most pick no filter on every row): an identical copy would
        // take a finalist's place from a different candidate and cost a redundant final compression
        if (distinct.stream().noneMatch(d -> Arrays.equals(d, f))) {
          distinct.add(f);
          ranked.add(() -> new Trial(e, s, f, compressors.search(f.length).compressedSize(f) + overhead(e)));
        }
      });
    }
    trials.addAll(CallerRunsFanOut.run(ranked, executor));
    trials.sort(Comparator.comparingInt(Trial::searchSize));
    // finalists: the best ranked trial, and runners-up within the search compressor's ranking error
    int best = trials.get(0).searchSize();
    List<Trial> chosen = new ArrayList<>();
    for (int i = 0; i < trials.size() && i < compressors.finalists(); i++) {
      Trial t = trials.get(i);
      if (t.searchSize() > best * compressors.finalistMargin()) {
        break;
      }
      chosen.add(t);
    }
    // the best unfiltered trial too when near: the final compressor may gain more on it than the search one
    trials.stream().filter(t -> t.strategy() == Filters.Strategy.NONE).findFirst()
        .filter(t -> t.searchSize() <= best * compressors.unfilteredMargin() && !chosen.contains(t))
        .ifPresent(chosen::add);
    List<Supplier<Compressed>> finals = new ArrayList<>();
    for (Trial t : chosen) {
      for (DeflateCompressor c : compressors.finals(t.strategy())) {
        finals.add(() -> new Compressed(t.encoding(), t.strategy(), c.compress(t.filtered()), c.name()));
      }
    }
    return CallerRunsFanOut.run(finals, executor).stream().min(Comparator.comparingInt(Compressed::size))
        .orElseThrow();
  }

  private record Trial(Encoding encoding, Filters.Strategy strategy, byte[] filtered, int searchSize) {}

  /** Bytes of PLTE and tRNS chunks, which count against a candidate. */
  static int overhead(Encoding e) {
    return (e.palette() == null ? 0 : 12 + e.palette().length) + (e.transparency() == null ? 0 : 12 + e.transparency().length);
  }

  static List<Filters.Strategy> strategies(Encoding e, Effort effort) {
    if (e.unfilteredOnly()) {
      return List.of(Filters.Strategy.NONE);
    }
    boolean packed = e.bitDepth() < 8 || e.colorType() == PngHeader.PALETTE;
    return switch (effort) {
      // palettes and packed samples rarely gain from prediction (libpng's and oxipng's rule of thumb)
      case FAST -> List.of(packed ? Filters.Strategy.NONE : Filters.Strategy.MIN_SUM);
      // sub, up and average alone never won on the corpus at default effort (PngSearchProbe); packed rows
      // gained from prediction only through the entropy heuristic
      case DEFAULT -> packed ? List.of(Filters.Strategy.NONE, Filters.Strategy.ENTROPY)
          : List.of(Filters.Strategy.NONE, Filters.Strategy.PAETH, Filters.Strategy.MIN_SUM, Filters.Strategy.ENTROPY);
      case MAXIMUM -> List.of(Filters.Strategy.values());
    };
  }
}
