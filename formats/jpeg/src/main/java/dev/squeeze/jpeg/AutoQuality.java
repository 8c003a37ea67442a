package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The default lossy mode: the lowest quality whose output stays within a perceptual bound of the input,
 * found by bisection between a floor and the input's own estimated quality (re-encoding above the input's
 * quality buys nothing). Each probe is encoded baseline and decoded by ImageIO; the chosen coefficients are
 * then coded with the progressive search too, which changes no pixel.
 */
final class AutoQuality {
  /**
   * Luma SSIM of the worst 256-pixel tile ({@link TiledSsim}) the output must keep against the input.
   * Calibrated on the corpus photos (q92-95 inputs): 0.975 is first reached at quality 90-95, where the
   * peers' quality.py measures butteraugli 1.9-2.3 (the edge of visible difference at normal viewing) and
   * full-resolution SSIM 0.977-0.99. A perceptual metric (SSIMULACRA2 class) is to replace this bound once
   * it lands in dev.squeeze.quality.
   */
  static final double SSIM_BOUND = 0.975;
  /** No search below this: qualities under 50 show blocking in smooth areas whatever a global metric says. */
  private static final int FLOOR = 50;
  /** Stop bisecting when the bracket is this narrow: a quality step is about 1-2% of bytes up there. */
  private static final int TOLERANCE = 2;

  /** A chosen encoding: coefficients, the quality and the SSIM it reached, and its baseline bytes. */
  record Choice(JpegImage image, int quality, double ssim, int baselineBytes) {}

  private AutoQuality() {}

  /**
   * @return the lowest-quality encoding within the bound, or null when even {@code ceiling} is not
   */
  static Choice search(BufferedImage reference, int[][] planes, int ceiling, int trellisPasses,
      List<Segment> segments) throws CorruptInputException {
    int hi = Math.max(FLOOR, Math.min(ceiling, 100));
    Choice best = probe(reference, planes, hi, trellisPasses, segments);
    if (best.ssim() < SSIM_BOUND) {
      return null;
    }
    int lo = FLOOR - 1; // known (assumed) to fail
    while (hi - lo > TOLERANCE) {
      int mid = (lo + hi) >>> 1;
      Choice c = probe(reference, planes, mid, trellisPasses, segments);
      if (c.ssim() >= SSIM_BOUND) {
        hi = mid;
        best = c;
      } else {
        lo = mid;
      }
    }
    return best;
  }

  private static Choice probe(BufferedImage reference, int[][] planes, int quality, int passes,
      List<Segment> segments) throws CorruptInputException {
    JpegImage img = LossyEncoder.encode(planes, reference.getWidth(), reference.getHeight(), quality, passes);
    byte[] jpeg = JpegWriter.write(img, segments, false, JpegTranscoder.sequentialScript(img));
    BufferedImage decoded;
    try {
      decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new CorruptInputException("re-encoded JPEG could not be decoded for comparison: " + e.getMessage(), e);
    }
    return new Choice(img, quality, TiledSsim.compare(reference, decoded).worst(), jpeg.length);
  }
}
