package dev.squeeze.png;

import dev.squeeze.Effort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    List<Encoding> candidates = ColorReducer.candidates(img, effort != Effort.FAST);
    // 1. every colour encoding with every filter strategy, judged by the fast search compressor
    Encoding bestEncoding = null;
    byte[] bestFiltered = null;
    Filters.Strategy bestStrategy = null;
    int bestSize = Integer.MAX_VALUE;
    List<Object[]> runnersUp = new ArrayList<>();
    for (Encoding e : candidates) {
      for (Filters.Strategy s : strategies(e, effort)) {
        byte[] filtered = Filters.apply(e, s);
        int size = compressors.search().compressedSize(filtered) + overhead(e);
        if (size < bestSize) {
          bestSize = size;
          bestEncoding = e;
          bestFiltered = filtered;
          bestStrategy = s;
        }
      }
    }
    // 2. the winner with every final compressor
    byte[] bestData = null;
    String bestDeflate = null;
    for (DeflateCompressor c : compressors.finals()) {
      byte[] z = c.compress(bestFiltered);
      if (bestData == null || z.length < bestData.length) {
        bestData = z;
        bestDeflate = c.name();
      }
    }
    byte[] png = PngWriter.write(bestEncoding.header(), bestEncoding.palette(), bestEncoding.transparency(), bestData,
        chunks);
    return new Encoded(png, bestEncoding.label(), bestStrategy, bestDeflate);
  }

  /** Bytes of PLTE and tRNS chunks, which count against a candidate. */
  private static int overhead(Encoding e) {
    return (e.palette() == null ? 0 : 12 + e.palette().length) + (e.transparency() == null ? 0 : 12 + e.transparency().length);
  }

  static List<Filters.Strategy> strategies(Encoding e, Effort effort) {
    boolean packed = e.bitDepth() < 8 || e.colorType() == PngHeader.PALETTE;
    return switch (effort) {
      // palettes and packed samples rarely gain from prediction (libpng's and oxipng's rule of thumb)
      case FAST -> List.of(packed ? Filters.Strategy.NONE : Filters.Strategy.MIN_SUM);
      case DEFAULT -> List.of(Filters.Strategy.NONE, Filters.Strategy.MIN_SUM, Filters.Strategy.ENTROPY,
          Filters.Strategy.PAETH);
      case MAXIMUM -> List.of(Filters.Strategy.values());
    };
  }
}
