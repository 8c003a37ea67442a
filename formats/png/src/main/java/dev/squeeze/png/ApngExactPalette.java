package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.MetadataPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The lossless colour reduction of an animated PNG: when all its frames together (and a default image outside
 * the animation) use at most 256 distinct colours, it is written as an indexed APNG with exactly those colours
 * ({@link ApngPaletteWriter}), so every frame decodes to the same pixels as before. The still path's
 * {@link PaletteBuilder} does the same for one image; frames cannot each have their own palette, so this one
 * counts over all of them. Fully transparent pixels are all one colour (their RGB is invisible), as for stills.
 */
final class ApngExactPalette {
  private ApngExactPalette() {}

  /**
   * The outcome: the indexed animation, or null when it is not possible or not smaller, and a line saying so.
   *
   * @param png the indexed animation, or null
   */
  record Attempt(byte[] png, String description) {}

  /**
   * Tries the exact shared palette on an animation already checked by {@link ApngRecompressor}.
   *
   * @param chunks the input's chunks in file order
   * @param frames the input's image data runs decoded by {@link ApngFrames#decode}
   * @param bytesToBeat the indexed file must be smaller than this (the lossless recompressed file) to be returned
   */
  static Attempt attempt(List<ApngRecompressor.Chunk> chunks, List<ApngFrames.Frame> frames, PngHeader h,
      MetadataPolicy policy, Effort effort, Executor executor, int bytesToBeat) {
    if (h.colorType() == PngHeader.GREY) {
      // grey frames stay grey, as the recompressor keeps them: at 8 bits or fewer they are one byte or less per
      // pixel already, with no PLTE to pay for
      return new Attempt(null, "exact shared palette not tried: grey frames stay grey");
    }
    if (frames.stream().anyMatch(f -> !f.exact8())) {
      return new Attempt(null, "exact shared palette not tried: 16-bit samples that 8 bits cannot hold");
    }
    long total = 0;
    for (ApngFrames.Frame f : frames) {
      total += f.argb().length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      return new Attempt(null, "exact shared palette not tried: more pixels over the frames than one array holds");
    }
    int[] all = new int[(int) total];
    int at = 0;
    for (ApngFrames.Frame f : frames) {
      System.arraycopy(f.argb(), 0, all, at, f.argb().length);
      at += f.argb().length;
    }
    PaletteBuilder.Counts counts = PaletteBuilder.count(all, 256);
    if (counts == null) {
      return new Attempt(null, "exact shared palette not possible: more than 256 colours over the frames");
    }
    Map<String, int[]> orders = orders(counts, frames, effort);
    // each order is written at the effort asked for: ranking them at default effort would pick frequency on the
    // 17-colour spinner (ApngExactPaletteTest#quantisedSpinnerAsRgba: 17365 bytes against luminance's 17485),
    // where at maximum effort luminance gives 15194 against 16115 (measured with a throwaway probe)
    String label = null;
    byte[] png = null;
    for (Map.Entry<String, int[]> o : orders.entrySet()) {
      byte[] candidate = write(chunks, frames, h, o.getValue(), policy, effort, executor);
      if (png == null || candidate.length < png.length) {
        png = candidate;
        label = o.getKey();
      }
    }
    int[] palette = orders.get(label);
    String what = "exact shared palette of " + palette.length + " colours at " + ApngPaletteWriter.depth(palette.length)
        + " bits (" + label + " order), " + png.length + " bytes against " + bytesToBeat + " re-filtered in colour type "
        + h.colorType();
    if (png.length >= bytesToBeat) {
      return new Attempt(null, what + ": not smaller, not used");
    }
    return new Attempt(png, "animated PNG: " + frames.size() + " image data runs written with one " + what
        + " (every frame's pixels unchanged)");
  }

  /** The animation with {@code palette}, each pixel written as its colour's index. */
  static byte[] write(List<ApngRecompressor.Chunk> chunks, List<ApngFrames.Frame> frames, PngHeader h,
      int[] palette, MetadataPolicy policy, Effort effort, Executor executor) {
    Map<Integer, Integer> index = new HashMap<>(2 * palette.length);
    for (int i = 0; i < palette.length; i++) {
      index.put(palette[i], i);
    }
    List<byte[]> indices = new ArrayList<>(frames.size());
    for (ApngFrames.Frame f : frames) {
      int[] px = f.argb();
      byte[] idx = new byte[px.length];
      int last = px[0];
      int lastIndex = index.get(last);
      for (int i = 0; i < px.length; i++) {
        if (px[i] != last) {
          last = px[i];
          lastIndex = index.get(last);
        }
        idx[i] = (byte) lastIndex;
      }
      indices.add(idx);
    }
    return ApngPaletteWriter.write(chunks, h, frames, palette, indices, policy, effort, executor);
  }

  /**
   * Palette orders to try, by label, translucent colours first in each: by frequency; at maximum effort also by
   * luminance (similar colours at nearby indices, which helps filtered rows) and edge-first (the colour that
   * most often starts a frame's row at index 0, where an unfiltered row's filter-type byte 0 joins its run),
   * PaletteBuilder's orders for stills counted over all frames.
   */
  static Map<String, int[]> orders(PaletteBuilder.Counts c, List<ApngFrames.Frame> frames, Effort effort) {
    Map<String, int[]> out = new LinkedHashMap<>();
    Comparator<Integer> translucentFirst = Comparator.comparingInt(i -> (c.colors()[i] >>> 24) == 255 ? 1 : 0);
    Comparator<Integer> byCount = Comparator.comparingInt(i -> -c.counts()[i]);
    out.put("frequency", order(c, translucentFirst.thenComparing(byCount)));
    if (effort == Effort.MAXIMUM && c.size() > 2) {
      out.put("luminance", order(c, translucentFirst.thenComparingInt(i -> PaletteBuilder.luma(c.colors()[i]))));
      int edge = edgeColor(c, frames);
      int[] edgeFirst = order(c, Comparator.<Integer>comparingInt(i -> i == edge ? 0 : 1).thenComparing(translucentFirst)
          .thenComparing(byCount));
      if (edgeFirst[0] != out.get("frequency")[0]) {
        out.put("edge-first", edgeFirst);
      }
    }
    return out;
  }

  /** The colours of {@code c} sorted by {@code cmp} over their positions. */
  private static int[] order(PaletteBuilder.Counts c, Comparator<Integer> cmp) {
    Integer[] order = new Integer[c.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, cmp);
    int[] palette = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      palette[i] = c.colors()[order[i]];
    }
    return palette;
  }

  /** Position in {@code c} of the colour found most often as the first pixel of a frame's row. */
  private static int edgeColor(PaletteBuilder.Counts c, List<ApngFrames.Frame> frames) {
    int rows = frames.stream().mapToInt(ApngFrames.Frame::height).sum();
    int[] starts = new int[rows];
    int at = 0;
    for (ApngFrames.Frame f : frames) {
      for (int y = 0; y < f.height(); y++) {
        starts[at++] = f.argb()[y * f.width()];
      }
    }
    // every row's first pixel as one 1-pixel-wide image: the still path's count over its rows is this count
    return PaletteBuilder.edgeColor(PixelImage.of8(1, rows, starts), c);
  }
}
