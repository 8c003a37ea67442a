package dev.squeeze.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Lossless re-encoding of decoded coefficients: a baseline file with optimised Huffman tables and a
 * progressive one with a searched scan script; the smaller wins. Every coefficient is kept exactly.
 */
final class JpegTranscoder {
  private JpegTranscoder() {}

  /** The encoding that was kept and its bytes. */
  record Encoded(byte[] data, boolean progressive) {}

  /** Whether every coefficient fits the 8-bit process's coding ranges (AC categories to 10, DC differences to 11). */
  static boolean inEightBitRange(JpegImage image) {
    for (Component c : image.components) {
      short[] coef = c.coef;
      for (int i = 0; i < coef.length; i++) {
        int v = coef[i];
        // |DC| <= 1023 keeps every DC difference within 11 bits
        if (v > 1023 || v < -1023) {
          return false;
        }
      }
    }
    return true;
  }

  static Encoded transcode(JpegImage image, List<Segment> segments, boolean tryProgressive) {
    byte[] baseline = JpegWriter.write(image, segments, false, sequentialScript(image));
    if (!tryProgressive) {
      return new Encoded(baseline, false);
    }
    byte[] progressive = JpegWriter.write(image, segments, true, ScanScriptSearch.search(image));
    return progressive.length < baseline.length ? new Encoded(progressive, true) : new Encoded(baseline, false);
  }

  /** One interleaved scan when the MCU allows it (at most 10 blocks), else one scan per component. */
  static List<Scan> sequentialScript(JpegImage image) {
    int n = image.components.length;
    List<Scan> script = new ArrayList<>();
    if (n == 1 || image.blocksPerMcu() > 10) {
      for (int i = 0; i < n; i++) {
        script.add(Scan.sequential(i));
      }
    } else {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      script.add(Scan.sequential(all));
    }
    return script;
  }
}
