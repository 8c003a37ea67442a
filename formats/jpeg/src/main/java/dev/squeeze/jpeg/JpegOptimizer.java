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
 * Lossy without a quality: the lowest quality within a perceptual bound ({@link AutoQuality}), or the
 * lossless transcode when that saves too little.
 */
final class JpegOptimizer implements Optimizer {
  /** Trellis passes: the first prices symbols by a rounding pass's statistics, the second by the first's. */
  private static final int TRELLIS_PASSES = 2;
  /**
   * The automatic mode keeps the lossless transcode unless a re-encode is at most this fraction of its size:
   * under 5% savings do not pay for a second generation of loss.
   */
  private static final double REENCODE_MIN_GAIN = 0.95;
  /**
   * An input at most this quality whose entropy coding is already optimal (the lossless transcode saves
   * under {@link #OPTIMISED_MAX_GAIN}) is an optimiser's output (ours, mozjpeg's, a service's): searching
   * again relative to it would stack a second generation of loss on the first, so it is kept. 92 allows for
   * the estimate's error around the q90 where this mode lands for high-quality photos.
   */
  private static final int OPTIMISED_MAX_QUALITY = 92;
  private static final double OPTIMISED_MAX_GAIN = 0.02;
  /**
   * Peak bytes per pixel of a lossy re-encode, counted from its buffers: 4 (decoded ARGB or 3 for RGB) + 12
   * (int sample planes) + 12 (float Y, Cb, Cr, padded) + 6 (float DCT of 4:2:0 planes) + 3 (quantised shorts)
   * + 4 (the probe's decoded image in the automatic search), rounded up.
   */
  private static final long LOSSY_BYTES_PER_PIXEL = 44;
  /** SSIMULACRA2 needs at least 8 pixels on each side (its reference's minimum). */
  private static final int MIN_JUDGED_SIDE = 8;

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
    if (!options.isLossless() && canEncodePixels && JpegTranscoder.inEightBitRange(image)
        && fitsInMemory(image)) {
      return options.quality().isPresent() ? lossy(input, image, options) : automatic(input, image, options);
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
    } else if (!options.isLossless() && !fitsInMemory(image)) {
      steps.add("too large to re-encode from pixels in this heap: transcoded losslessly");
    }
    steps.add("metadata: " + options.metadata());
    return Optimized.of(out.data(), Format.JPEG, dims, steps);
  }

  /**
   * Default lossy mode: the lossless transcode, unless a re-encode within {@link AutoQuality}'s bound is
   * clearly smaller. An input already at or below the quality the bound needs (an optimised JPEG) finds no
   * such re-encode and keeps its coefficients.
   */
  private Optimized automatic(byte[] input, JpegImage image, Options options) throws SqueezeException {
    int n = image.components.length;
    List<Segment> kept = MetadataFilter.select(image.segments, options.metadata(), n);
    JpegTranscoder.Encoded lossless = JpegTranscoder.transcode(image, kept, options.effort() != Effort.FAST);
    boolean resized = options.maxWidth().isPresent() && image.width > options.maxWidth().getAsInt();
    int estimated = QualityEstimate.estimate(image.components[0].quant);
    boolean tooSmallToJudge = image.width < MIN_JUDGED_SIDE || image.height < MIN_JUDGED_SIDE;
    if (!resized && (tooSmallToJudge || estimated <= OPTIMISED_MAX_QUALITY
        && lossless.data().length > input.length * (1 - OPTIMISED_MAX_GAIN))) {
      return Optimized.of(lossless.data(), Format.JPEG, new Dimensions(image.width, image.height, 1), List.of(
          (tooSmallToJudge ? "too small for the perceptual metric"
              : "already optimised (quality about " + estimated + ", entropy coding within "
                  + (int) (OPTIMISED_MAX_GAIN * 100) + "% of optimal)") + ": lossless transcode only",
          "metadata: " + options.metadata()));
    }
    BufferedImage img = PixelSource.decode(input);
    if (resized) {
      img = ImageScaling.toMaxWidth(img, options.maxWidth().getAsInt());
    }
    int[][] planes = planes(img, image);
    List<Segment> segments = MetadataFilter.forReencoded(image.segments, options.metadata());
    int passes = options.effort() == Effort.FAST ? 1 : TRELLIS_PASSES;
    boolean subsample = false;
    for (Component comp : image.components) {
      subsample |= comp.h != image.components[0].h || comp.v != image.components[0].v;
    }
    AutoQuality.Choice c = AutoQuality.search(img, planes, estimated, passes, subsample, segments);
    // a re-encode must save clearly more than the lossless transcode to be worth its generation loss
    if (!resized && (c == null || c.baselineBytes() > lossless.data().length * REENCODE_MIN_GAIN)) {
      return Optimized.of(lossless.data(), Format.JPEG, new Dimensions(image.width, image.height, 1), List.of(
          "lossless transcode: " + (out(lossless)) + " (input quality about " + estimated + "; "
              + (c == null ? "no lower quality keeps SSIMULACRA2 " + (int) AutoQuality.BOUND
                  : "quality " + c.quality() + " saves too little") + ")",
          "metadata: " + options.metadata()));
    }
    if (c == null) { // resizing needs a re-encode: the input's own quality is the most it deserves
      c = new AutoQuality.Choice(LossyEncoder.encode(planes, img.getWidth(), img.getHeight(), estimated, passes,
          subsample), estimated, 0, 0);
    }
    JpegTranscoder.Encoded out = JpegTranscoder.transcode(c.image(), segments, options.effort() != Effort.FAST);
    return Optimized.of(out.data(), Format.JPEG, new Dimensions(img.getWidth(), img.getHeight(), 1), List.of(
        (resized ? "resized to " + img.getWidth() + "x" + img.getHeight() + ", " : "")
            + "lossy encode at quality " + c.quality() + (subsample ? " 4:2:0" : " 4:4:4") + " (input about " + estimated + ", SSIMULACRA2 "
            + String.format(java.util.Locale.ROOT, "%.1f", c.score()) + "), trellis quantisation, " + out(out),
        "metadata: " + options.metadata()));
  }

  /**
   * Whether re-encoding from pixels fits comfortably in the heap: the decoded image, sample planes, float
   * YCbCr planes, float DCT coefficients and the quantised ones take about {@value #LOSSY_BYTES_PER_PIXEL}
   * bytes per pixel together; the lossy paths may use half the heap, the rest being the caller's.
   */
  private static boolean fitsInMemory(JpegImage image) {
    long pixels = (long) image.width * image.height;
    return pixels * LOSSY_BYTES_PER_PIXEL <= Runtime.getRuntime().maxMemory() / 2;
  }

  private static String out(JpegTranscoder.Encoded e) {
    return e.progressive() ? "progressive" : "baseline";
  }

  private static int[][] planes(BufferedImage img, JpegImage coefficients) {
    int[][] planes = PixelSource.planes(img);
    if (coefficients.components.length == 1 && planes.length == 3) {
      planes = new int[][] {planes[1]}; // a grey image scaled through an RGB buffer: its green is its grey
    }
    return planes;
  }

  private Optimized lossy(byte[] input, JpegImage coefficients, Options options) throws SqueezeException {
    BufferedImage img = PixelSource.decode(input);
    List<String> steps = new ArrayList<>();
    if (options.maxWidth().isPresent() && img.getWidth() > options.maxWidth().getAsInt()) {
      img = ImageScaling.toMaxWidth(img, options.maxWidth().getAsInt());
      steps.add("resized to " + img.getWidth() + "x" + img.getHeight());
    }
    int[][] planes = planes(img, coefficients);
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
