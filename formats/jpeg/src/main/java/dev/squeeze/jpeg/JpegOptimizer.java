package dev.squeeze.jpeg;

import dev.squeeze.Effort;
import dev.squeeze.Format;
import dev.squeeze.Options;
import dev.squeeze.SqueezeException;
import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.ImageScaling;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Squeeze's JPEG optimizer. Lossless: decode to coefficients, re-encode with optimised Huffman tables and the
 * better of baseline and a searched progressive script, metadata per the policy. Lossy at an explicit
 * quality: decode to pixels, re-encode with {@link LossyEncoder} (resized to the maximum width if asked).
 * Lossy without a quality transcodes losslessly (a lossless result is within every lossy bound).
 */
final class JpegOptimizer implements Optimizer {
  /** Trellis passes: the first prices symbols by a rounding pass's statistics, the second by the first's. */
  private static final int TRELLIS_PASSES = 2;

  @Override
  public Optimized optimize(byte[] input, Options options, OptimizerContext context) throws SqueezeException {
    JpegImage image;
    try {
      image = JpegDecoder.decode(input, context.limits());
    } catch (UnsupportedJpegException e) {
      return Optimized.unchanged(Format.JPEG, new Dimensions(e.width(), e.height(), 1), e.getMessage());
    }
    Dimensions dims = new Dimensions(image.width, image.height, 1);
    int n = image.components.length;
    boolean canEncodePixels = n == 1 || n == 3;
    if (!options.isLossless() && options.quality().isPresent() && canEncodePixels) {
      return lossy(input, image, options);
    }
    if (!JpegTranscoder.inEightBitRange(image)) {
      return Optimized.unchanged(Format.JPEG, dims, "JPEG coefficients outside the 8-bit coding range are kept as they are");
    }
    List<Segment> segments = MetadataFilter.select(image.segments, options.metadata(), n);
    JpegTranscoder.Encoded out = JpegTranscoder.transcode(image, segments, options.effort() != Effort.FAST);
    List<String> steps = new ArrayList<>();
    steps.add("lossless transcode: optimised Huffman tables, " + (out.progressive() ? "progressive scan script" : "baseline"));
    if (!options.isLossless() && !canEncodePixels) {
      steps.add(n + "-component JPEG transcoded losslessly (the lossy encoder writes grey and YCbCr)");
    }
    steps.add("metadata: " + options.metadata());
    return Optimized.of(out.data(), Format.JPEG, dims, steps);
  }

  private Optimized lossy(byte[] input, JpegImage coefficients, Options options) throws SqueezeException {
    BufferedImage img = PixelSource.decode(input);
    List<String> steps = new ArrayList<>();
    if (options.maxWidth().isPresent() && img.getWidth() > options.maxWidth().getAsInt()) {
      img = ImageScaling.toMaxWidth(img, options.maxWidth().getAsInt());
      steps.add("resized to " + img.getWidth() + "x" + img.getHeight());
    }
    int[][] planes = PixelSource.planes(img);
    if (coefficients.components.length == 1 && planes.length == 3) {
      planes = new int[][] {planes[1]}; // a grey image scaled through an RGB buffer: its green is its grey
    }
    int quality = options.quality().getAsInt();
    int passes = options.effort() == Effort.FAST ? 1 : TRELLIS_PASSES;
    JpegImage encoded = LossyEncoder.encode(planes, img.getWidth(), img.getHeight(), quality, passes);
    List<Segment> segments = MetadataFilter.forReencoded(coefficients.segments, options.metadata());
    JpegTranscoder.Encoded out = JpegTranscoder.transcode(encoded, segments, options.effort() != Effort.FAST);
    steps.add("lossy encode at quality " + quality + ": " + (planes.length == 3 ? "YCbCr 4:2:0, " : "grey, ")
        + "trellis quantisation, " + (out.progressive() ? "progressive" : "baseline"));
    steps.add("metadata: " + options.metadata());
    return Optimized.of(out.data(), Format.JPEG, new Dimensions(img.getWidth(), img.getHeight(), 1), steps);
  }
}
