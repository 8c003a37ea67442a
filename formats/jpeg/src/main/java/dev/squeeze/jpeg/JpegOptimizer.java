package dev.squeeze.jpeg;

import dev.squeeze.Effort;
import dev.squeeze.Format;
import dev.squeeze.Options;
import dev.squeeze.SqueezeException;
import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Squeeze's JPEG optimizer. Lossless: decode to coefficients, re-encode with optimised Huffman tables and the
 * better of baseline and a searched progressive script, metadata per the policy. Lossy modes transcode
 * losslessly too until the lossy encoder lands (a lossless result is within every lossy bound).
 */
final class JpegOptimizer implements Optimizer {
  @Override
  public Optimized optimize(byte[] input, Options options, OptimizerContext context) throws SqueezeException {
    JpegImage image;
    try {
      image = JpegDecoder.decode(input, context.limits());
    } catch (UnsupportedJpegException e) {
      return Optimized.unchanged(Format.JPEG, new Dimensions(e.width(), e.height(), 1), e.getMessage());
    }
    Dimensions dims = new Dimensions(image.width, image.height, 1);
    if (!JpegTranscoder.inEightBitRange(image)) {
      return Optimized.unchanged(Format.JPEG, dims, "JPEG coefficients outside the 8-bit coding range are kept as they are");
    }
    List<Segment> segments = MetadataFilter.select(image.segments, options.metadata(), image.components.length);
    JpegTranscoder.Encoded out = JpegTranscoder.transcode(image, segments, options.effort() != Effort.FAST);
    List<String> steps = new ArrayList<>();
    steps.add("lossless transcode: optimised Huffman tables, " + (out.progressive() ? "progressive scan script" : "baseline"));
    steps.add("metadata: " + options.metadata());
    return Optimized.of(out.data(), Format.JPEG, dims, steps);
  }
}
