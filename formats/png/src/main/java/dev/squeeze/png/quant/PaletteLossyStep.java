package dev.squeeze.png.quant;

import dev.squeeze.Effort;
import dev.squeeze.png.PngChunk;
import dev.squeeze.png.PngEncoder;
import dev.squeeze.quality.Ssim;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lossy step of PNG optimisation: quantise to a palette, write it through the lossless engine's indexed
 * writer ({@link PngEncoder#encodeIndexed}), and keep it only when it is smaller than the lossless result and
 * its SSIM stays at or above {@link #SSIM_FLOOR}. Images that already have 256 colours or fewer may lose
 * colours too (as with pngquant), but only when that makes the file smaller than their lossless optimum.
 */
public final class PaletteLossyStep {
  /** The lowest SSIM (dev.squeeze.quality.Ssim) a lossy PNG may have; below it the image stays lossless. */
  public static final double SSIM_FLOOR = 0.90;
  /** pngquant's default minimum ({@code --quality 65-80}), used unless {@code Options.quality()} sets one. */
  static final int DEFAULT_MIN_QUALITY = 65;
  /**
   * The quality aimed for: the fewest colours reaching it are used. Higher than pngquant's 80 because
   * pngquant itself overshoots its maximum (asked for 65-80 it reported Q 84-91 on the corpus graphics and
   * photos), and libimagequant through sharp at quality 80 used 256 colours on every photo. Swept over the
   * 28 corpus PNGs at dithering 0.5 against sharp (942,094 bytes at mean SSIM 0.9832 by quality.py): 92 gave
   * 919,375 bytes at 0.9824, 93 gave 935,702 at 0.9845, 94 gave 945,596 at 0.9851. 93 is the lowest that
   * beats libimagequant on both.
   */
  static final int MAX_QUALITY = 93;
  /**
   * Dithering level. At quality 92, full dithering (1.0) gave 993,853 bytes at mean SSIM 0.9749 and put
   * softwaves_gradient at 0.888, below the floor; 0.5 gave 919,375 at 0.9824. With no dithering in smooth
   * gradients at all (an earlier dither map) the totals were better still (863,369 at 0.9855), but the
   * gradient of softwaves_gradient showed plain bands, which SSIM does not see and people do.
   */
  static final double DITHERING = 0.5;

  private PaletteLossyStep() {}

  /** A palette PNG and a line saying how it was made. */
  public record Attempt(byte[] png, String description) {}

  /**
   * Tries palette quantisation.
   *
   * @param argb 8-bit non-premultiplied pixels, row by row (not modified)
   * @param minQuality the least palette quality accepted (0 to 100); empty for pngquant's default 65
   * @param chunks ancillary chunks to write into the result, in the order given
   * @param bytesToBeat size of the lossless result; a lossy result must be smaller to be returned
   * @return the smaller palette PNG, or empty when the image must stay lossless (quality or SSIM too low,
   *     already at most 256 colours, or not smaller)
   */
  public static Optional<Attempt> attempt(int[] argb, int width, int height, OptionalInt minQuality,
      List<PngChunk> chunks, Effort effort, int bytesToBeat) {
    return attempt(argb, width, height, options(minQuality), chunks, effort, bytesToBeat);
  }

  /**
   * The quantiser settings of the lossy step (quality range, dithering, small palettes reduced too), shared
   * with the frames of animated PNGs so that stills and animations are judged alike.
   *
   * @param minQuality the least palette quality accepted (0 to 100); empty for pngquant's default 65
   */
  public static QuantizeOptions options(OptionalInt minQuality) {
    int min = Math.min(100, minQuality.orElse(DEFAULT_MIN_QUALITY));
    return QuantizeOptions.defaults()
        .withQuality(min, Math.max(min, MAX_QUALITY))
        .withDithering(DITHERING)
        .withSmallPaletteReduction(true);
  }

  static Optional<Attempt> attempt(int[] argb, int width, int height, QuantizeOptions o, List<PngChunk> chunks,
      Effort effort, int bytesToBeat) {
    Optional<QuantizedImage> quantized = PaletteQuantizer.quantize(argb, width, height, o);
    if (quantized.isEmpty() || quantized.get().exact()) {
      return Optional.empty();
    }
    QuantizedImage q = quantized.get();
    double ssim = Ssim.compare(argb, q.toArgb(), width, height);
    if (ssim < SSIM_FLOOR) {
      return Optional.empty();
    }
    byte[] png = PngEncoder.encodeIndexed(width, height, q.paletteArgb(), q.indices(), chunks, effort);
    if (png.length >= bytesToBeat) {
      return Optional.empty();
    }
    return Optional.of(new Attempt(png, String.format(Locale.ROOT,
        "quantised to %d colours (quality %d, SSIM %.4f, dithering %.2f)", q.colors(), q.quality(), ssim,
        o.dithering())));
  }
}
