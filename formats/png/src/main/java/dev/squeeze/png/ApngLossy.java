package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.png.quant.FrameQuantizer;
import dev.squeeze.png.quant.PaletteLossyStep;
import dev.squeeze.png.quant.QuantizeOptions;
import dev.squeeze.png.quant.SharedPalette;
import dev.squeeze.quality.Ssim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * The lossy step for animated PNGs: every frame is quantised with one shared palette ({@link FrameQuantizer},
 * the still lossy path's settings from {@link PaletteLossyStep#options}), since APNG frames must all have
 * IHDR's colour type and so one PLTE. The animation is rendered before and after ({@link ApngCanvas}), and
 * the result is kept only when every composited frame (and a default image outside the animation, if any)
 * has SSIM at least {@link PaletteLossyStep#SSIM_FLOOR} and the file is smaller than the lossless one.
 * {@link ApngPaletteWriter} writes it, keeping every frame control.
 */
final class ApngLossy {
  private ApngLossy() {}

  /** An indexed animated PNG and a line saying how it was made. */
  record Attempt(byte[] png, String description) {}

  /**
   * Tries shared-palette quantisation of an animated PNG already checked by {@link ApngRecompressor} (chunk
   * structure, frame regions, limits).
   *
   * @param chunks the input's chunks in file order
   * @param frames the input's image data runs decoded by {@link ApngFrames#decode}
   *
   * @param minQuality the least palette quality accepted (0 to 100); empty for the still path's default
   * @param bytesToBeat size of the lossless result; a lossy result must be smaller to be returned
   * @return the smaller indexed animation, or empty when it must stay lossless (quality, SSIM or size)
   */
  static Optional<Attempt> attempt(List<ApngRecompressor.Chunk> chunks, List<ApngFrames.Frame> frames, PngHeader h,
      MetadataPolicy policy, OptionalInt minQuality, Effort effort, Executor executor, int bytesToBeat) {
    List<int[]> pixels = new ArrayList<>();
    int[] widths = new int[frames.size()];
    int[] heights = new int[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      pixels.add(frames.get(i).argb());
      widths[i] = frames.get(i).width();
      heights[i] = frames.get(i).height();
    }
    QuantizeOptions o = PaletteLossyStep.options(minQuality);
    Optional<SharedPalette> quantized = FrameQuantizer.quantize(pixels, widths, heights, o);
    if (quantized.isEmpty()) {
      return Optional.empty();
    }
    SharedPalette q = quantized.get();
    double[] ssim = quality(h, frames, q);
    double min = 1;
    double sum = 0;
    for (double s : ssim) {
      min = Math.min(min, s);
      sum += s;
    }
    if (min < PaletteLossyStep.SSIM_FLOOR) {
      return Optional.empty();
    }
    List<byte[]> indices = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      indices.add(q.indices(i));
    }
    byte[] png = ApngPaletteWriter.write(chunks, h, frames, q.paletteArgb(), indices, policy, effort, executor);
    if (effort == Effort.MAXIMUM) {
      // the quantised frames in the exact palette's orders (luminance, edge-first...): on the 6-frame spinner
      // 16,121 bytes in the quantiser's order, 15,194 in luminance order (ApngExactPaletteTest's measurement)
      List<ApngFrames.Frame> quantised = new ArrayList<>();
      for (int i = 0; i < frames.size(); i++) {
        ApngFrames.Frame f = frames.get(i);
        quantised.add(new ApngFrames.Frame(f.control(), f.width(), f.height(), q.toArgb(i), true));
      }
      ApngExactPalette.Attempt reordered = ApngExactPalette.attempt(chunks, quantised, h, policy, effort, executor,
          png.length);
      if (reordered.png() != null) {
        png = reordered.png();
      }
    }
    if (png.length >= bytesToBeat) {
      return Optional.empty();
    }
    long animated = frames.stream().filter(f -> f.control() != null).count();
    return Optional.of(new Attempt(png, String.format(Locale.ROOT,
        "animated PNG: %d frames%s quantised to one shared palette of %d colours (quality %d, SSIM min %.4f mean"
            + " %.4f over the composited frames, dithering %.2f)",
        animated, animated < frames.size() ? " and the default image" : "", q.colors(), q.quality(), min,
        sum / ssim.length, o.dithering())));
  }

  /**
   * SSIM of each composited frame of the quantised animation against the original's, then of the default
   * image outside the animation (if any) against its original.
   */
  static double[] quality(PngHeader h, List<ApngFrames.Frame> frames, SharedPalette q) {
    ApngCanvas before = new ApngCanvas(h.width(), h.height());
    ApngCanvas after = new ApngCanvas(h.width(), h.height());
    double[] out = new double[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      ApngFrames.Frame f = frames.get(i);
      int[] quantised = q.toArgb(i);
      if (f.control() == null) {
        out[i] = Ssim.compare(f.argb(), quantised, f.width(), f.height());
      } else {
        out[i] = Ssim.compare(before.show(f.control(), f.argb()), after.show(f.control(), quantised), h.width(),
            h.height());
      }
    }
    return out;
  }
}
