package dev.squeeze.png;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Format;
import dev.squeeze.Options;
import dev.squeeze.SqueezeException;
import dev.squeeze.png.quant.PaletteLossyStep;
import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.ImageScaling;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PNG optimization: decode with the own decoder, optionally scale to the maximum width, then let
 * {@link PngEncoder} search reductions, filters and deflate settings. With lossy options, palette
 * quantisation ({@link PaletteLossyStep}) is tried too and the smaller result kept. Animated PNGs are never
 * flattened: every frame is re-filtered and re-deflated ({@link ApngRecompressor}), and when all frames together
 * have at most 256 colours they are also written with that exact shared palette ({@link ApngExactPalette}), the
 * smaller kept; with lossy options all frames are also quantised with one shared palette ({@link ApngLossy}),
 * kept only when every composited frame stays at or above the still path's SSIM floor and the file gets smaller
 * than both lossless results.
 */
final class PngOptimizer implements Optimizer {
  @Override
  public Optimized optimize(byte[] input, Options options, OptimizerContext context) throws SqueezeException {
    PngParser.Parsed png = PngParser.parse(input, context.limits());
    PngHeader h = png.header();
    if (png.animated()) {
      return animated(input, png, options, context);
    }
    if (png.unsupportedCriticalChunk() != null) {
      return Optimized.unchanged(Format.PNG, new Dimensions(h.width(), h.height(), 1),
          "unknown critical chunk " + png.unsupportedCriticalChunk() + ": the image cannot be re-encoded safely");
    }
    List<String> steps = new ArrayList<>();
    PixelImage img = PngDecoder.decode(png);
    steps.add("decoded " + h.width() + "x" + h.height() + " colour type " + h.colorType() + " at " + h.bitDepth()
        + " bits" + (h.interlaced() ? ", interlaced" : ""));
    if (options.maxWidth().isPresent() && img.width > options.maxWidth().getAsInt()) {
      img = PixelImage.fromBufferedImage(ImageScaling.toMaxWidth(img.toBufferedImage(), options.maxWidth().getAsInt()));
      steps.add("scaled to " + img.width + "x" + img.height);
    }
    Compressors compressors = Compressors.forEffort(options.effort());
    List<PngChunk> chunks = CompressedChunks.recompress(ChunkPolicy.select(png.ancillary(), options.metadata(), false),
        compressors.metadata());
    PngEncoder.Encoded out = PngEncoder.encode(img, chunks, options.effort(), compressors, context.executor());
    steps.add("kept chunks " + chunks.stream().map(PngChunk::type).toList());
    if (!options.isLossless()) {
      Optional<PaletteLossyStep.Attempt> lossy = PaletteLossyStep.attempt(img.argb8(), img.width, img.height,
          options.quality(), chunks, options.effort(), out.png().length);
      if (lossy.isPresent()) {
        steps.add(lossy.get().description());
        return Optimized.of(lossy.get().png(), Format.PNG, new Dimensions(img.width, img.height, 1), steps);
      }
      steps.add("palette quantisation not used (quality, SSIM or size): kept lossless");
    }
    steps.add("encoded as " + out.describe());
    return Optimized.of(out.png(), Format.PNG, new Dimensions(img.width, img.height, 1), steps);
  }

  private static Optimized animated(byte[] input, PngParser.Parsed png, Options options, OptimizerContext context)
      throws SqueezeException {
    PngHeader h = png.header();
    Dimensions canvas = new Dimensions(h.width(), h.height(), 1);
    if (png.unsupportedCriticalChunk() != null) {
      return Optimized.unchanged(Format.PNG, canvas, "animated PNG with unknown critical chunk "
          + png.unsupportedCriticalChunk() + ": kept as it is");
    }
    if (h.interlaced()) {
      return Optimized.unchanged(Format.PNG, canvas, "interlaced animated PNG: frames are kept as they are");
    }
    if (options.maxWidth().isPresent() && h.width() > options.maxWidth().getAsInt()) {
      return Optimized.unchanged(Format.PNG, canvas,
          "animated PNG: resizing would need every frame composited, and frames are never flattened");
    }
    ApngRecompressor.Result r = ApngRecompressor.recompress(input, h, options.metadata(), context.limits(),
        options.effort(), context.executor());
    Dimensions dims = new Dimensions(h.width(), h.height(), r.frames());
    List<String> steps = new ArrayList<>();
    steps.add("animated PNG: " + r.frames() + " frames kept, " + r.smallerFrames()
        + " re-filtered and re-deflated smaller");
    List<ApngRecompressor.Chunk> chunks = ApngRecompressor.chunks(input);
    List<ApngFrames.Frame> frames;
    try {
      frames = ApngFrames.decode(chunks, h);
    } catch (CorruptInputException e) {
      // frame control the lossless rewrite copies as it is (a dispose or blend op APNG does not define, say)
      // cannot be rendered, so a lossy result could not be judged, nor should a palette rewrite trust it: such a
      // file stays as re-filtered, not failed
      steps.add("shared-palette rewrite not tried (" + e.getMessage() + "): kept lossless as re-filtered");
      return Optimized.of(r.png(), Format.PNG, dims, steps);
    }
    byte[] best = r.png();
    ApngExactPalette.Attempt exact = ApngExactPalette.attempt(chunks, frames, h, options.metadata(), options.effort(),
        context.executor(), best.length);
    if (exact.png() != null) {
      best = exact.png();
      steps.clear();
    }
    steps.add(exact.description());
    if (!options.isLossless()) {
      Optional<ApngLossy.Attempt> lossy = ApngLossy.attempt(chunks, frames, h, options.metadata(), options.quality(),
          options.effort(), context.executor(), Math.min(best.length, input.length));
      if (lossy.isPresent()) {
        return Optimized.of(lossy.get().png(), Format.PNG, dims, List.of(lossy.get().description()));
      }
      steps.add("shared-palette quantisation not used (quality, SSIM of a composited frame, or size): kept lossless");
    }
    return Optimized.of(best, Format.PNG, dims, steps);
  }
}
