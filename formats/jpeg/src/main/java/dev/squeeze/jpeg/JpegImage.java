package dev.squeeze.jpeg;

import java.util.List;

/**
 * A decoded JPEG at the coefficient level: frame geometry, components with their quantisation tables and
 * quantised coefficients, and the APPn/COM segments in file order. Enough to re-encode exactly the same
 * pixels with different entropy coding.
 */
final class JpegImage {
  final int width;
  final int height;
  final Component[] components;
  final int maxH;
  final int maxV;
  final int mcusWide;
  final int mcusHigh;
  final List<Segment> segments;

  JpegImage(int width, int height, Component[] components, List<Segment> segments) {
    this.width = width;
    this.height = height;
    this.components = components;
    int mh = 1;
    int mv = 1;
    for (Component c : components) {
      mh = Math.max(mh, c.h);
      mv = Math.max(mv, c.v);
    }
    this.maxH = mh;
    this.maxV = mv;
    this.mcusWide = ceilDiv(width, 8 * mh);
    this.mcusHigh = ceilDiv(height, 8 * mv);
    this.segments = segments;
  }

  /** Blocks of one MCU when every component is interleaved in one scan. */
  int blocksPerMcu() {
    int n = 0;
    for (Component c : components) {
      n += c.h * c.v;
    }
    return n;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
