package dev.squeeze.png;

/** The seven passes of Adam7 interlacing (PNG specification, section 8.2). */
final class Adam7 {
  static final int[] X0 = {0, 4, 0, 2, 0, 1, 0};
  static final int[] Y0 = {0, 0, 4, 0, 2, 0, 1};
  static final int[] DX = {8, 8, 4, 4, 2, 2, 1};
  static final int[] DY = {8, 8, 8, 4, 4, 2, 2};

  private Adam7() {}

  static int passWidth(int width, int pass) {
    return (width - X0[pass] + DX[pass] - 1) / DX[pass];
  }

  static int passHeight(int height, int pass) {
    return (height - Y0[pass] + DY[pass] - 1) / DY[pass];
  }
}
