package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;
import dev.squeeze.quality.Ssimulacra2;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The default lossy mode: the lowest quality whose output stays within a perceptual bound of the input,
 * found by bisection between a floor and a little above the input's own estimated quality (re-encoding much
 * above the input's quality buys nothing). Chroma keeps the input's resolution: subsampling a 4:4:4 photo costs more
 * SSIMULACRA2 than any quality step saves. Each probe is encoded baseline and decoded by ImageIO; the chosen coefficients are
 * then coded with the progressive search too, which changes no pixel.
 */
final class AutoQuality {
  /**
   * SSIMULACRA2 score the output must keep against the input. The metric marks 90 as visually lossless and
   * 80 as high quality against a pristine original; against an input that is already a JPEG, re-encoding at
   * the input's own quality scores only 85-90 on the corpus photos (the metric also counts the input's own
   * artefacts that the re-encode shifts), so 90 would refuse almost every re-encode. 85 keeps the output in
   * the upper half of the high-quality band and lands at quality 88-95 on the corpus photos. Unlike SSIM the
   * metric sees chroma, ringing and blur, and judges large images at full resolution.
   */
  static final double BOUND = 85;
  /** No search below this: qualities under 50 show blocking in smooth areas whatever a global metric says. */
  private static final int FLOOR = 50;
  /**
   * The search starts this far above the input's estimated quality: the estimate is on the scale of the
   * input's own tables (Annex K for most cameras and libjpeg), whose high frequencies are up to 4 times finer
   * than the Robidoux table's at the same number, so a 4:4:4 camera photo at 95 needs about 98 here.
   */
  private static final int CEILING_MARGIN = 5;
  /** Above 98 the Robidoux tables are nearly all ones: bytes grow fast for no visible gain. */
  private static final int MAX_QUALITY = 98;
  /** First step of the downward gallop; results land 3-10 below the ceiling on the corpus photos. */
  private static final int FIRST_STEP = 3;
  /** Stop bisecting when the bracket is this narrow: a quality step is about 1-2% of bytes up there. */
  private static final int TOLERANCE = 2;

  /** A chosen encoding: coefficients, the quality and the score it reached, and its baseline bytes. */
  record Choice(JpegImage image, int quality, double score, int baselineBytes) {}

  private AutoQuality() {}

  /**
   * @return the lowest-quality encoding within the bound, or null when even the ceiling is not
   */
  static Choice search(BufferedImage reference, int[][] planes, int inputQuality, int trellisPasses,
      boolean subsample, List<Segment> segments) throws CorruptInputException {
    int hi = Math.max(FLOOR, Math.min(inputQuality + CEILING_MARGIN, MAX_QUALITY));
    Choice best = probe(reference, planes, hi, trellisPasses, subsample, segments);
    if (best.score() < BOUND) {
      return null;
    }
    int lo = FLOOR - 1; // known (assumed) to fail
    // gallop down in doubling steps: the answer is usually a few steps below the ceiling, where this needs
    // fewer probes than bisecting the whole range (each probe costs an encode, a decode and a SSIMULACRA2)
    for (int step = FIRST_STEP; hi - step > lo; step *= 2) {
      Choice c = probe(reference, planes, hi - step, trellisPasses, subsample, segments);
      if (c.score() < BOUND) {
        lo = hi - step;
        break;
      }
      hi -= step;
      best = c;
    }
    while (hi - lo > TOLERANCE) {
      int mid = (lo + hi) >>> 1;
      Choice c = probe(reference, planes, mid, trellisPasses, subsample, segments);
      if (c.score() >= BOUND) {
        hi = mid;
        best = c;
      } else {
        lo = mid;
      }
    }
    return best;
  }

  private static Choice probe(BufferedImage reference, int[][] planes, int quality, int passes,
      boolean subsample, List<Segment> segments) throws CorruptInputException {
    JpegImage img = LossyEncoder.encode(planes, reference.getWidth(), reference.getHeight(), quality, passes,
        subsample);
    byte[] jpeg = JpegWriter.write(img, segments, false, JpegTranscoder.sequentialScript(img));
    BufferedImage decoded;
    try {
      decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new CorruptInputException("re-encoded JPEG could not be decoded for comparison: " + e.getMessage(), e);
    }
    return new Choice(img, quality, Ssimulacra2.compare(reference, decoded), jpeg.length);
  }
}
