package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.MetadataPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
      // grey at the recompressor's bit depth is already one byte or less per pixel with no PLTE to pay for
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
    int[] palette = frequencyOrder(counts);
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
    byte[] png = ApngPaletteWriter.write(chunks, h, frames, palette, indices, policy, effort, executor);
    String what = "exact shared palette of " + palette.length + " colours at " + ApngPaletteWriter.depth(palette.length)
        + " bits, " + png.length + " bytes against " + bytesToBeat + " re-filtered in colour type " + h.colorType();
    if (png.length >= bytesToBeat) {
      return new Attempt(null, what + ": not smaller, not used");
    }
    return new Attempt(png, "animated PNG: " + frames.size() + " image data runs written with one " + what
        + " (every frame's pixels unchanged)");
  }

  /**
   * The colours, those that are not opaque first (so tRNS ends after them), then each group by pixel count over
   * all frames, most used first: PaletteBuilder's default order for stills, where small indices for common
   * colours make the filtered bytes of flat areas and the filter-type byte 0 join the commonest runs.
   */
  static int[] frequencyOrder(PaletteBuilder.Counts c) {
    Integer[] order = new Integer[c.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> (c.colors()[i] >>> 24) == 255 ? 1 : 0)
        .thenComparingInt(i -> -c.counts()[i]));
    int[] palette = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      palette[i] = c.colors()[order[i]];
    }
    return palette;
  }
}
