package dev.squeeze.png;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Builds PNG files sample by sample for tests, independently of the production writer: any colour type, bit
 * depth, interlace, palette and tRNS, with a random filter on every row.
 */
final class TestPngs {
  private TestPngs() {}

  /** samples[y][x * channels + c], each below 2^depth. */
  static byte[] build(int w, int h, int depth, int colorType, boolean interlaced, int[][] samples, byte[] plte,
      byte[] trns, Random filterChoice) {
    int channels = PngHeader.channels(colorType);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    if (!interlaced) {
      writePass(raw, samples, w, h, 0, 0, 1, 1, channels, depth, filterChoice);
    } else {
      for (int p = 0; p < 7; p++) {
        writePass(raw, samples, w, h, Adam7.X0[p], Adam7.Y0[p], Adam7.DX[p], Adam7.DY[p], channels, depth, filterChoice);
      }
    }
    byte[] zlib = zlib(raw.toByteArray(), 6);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(PngBytes.SIGNATURE);
    chunk(png, "IHDR", new PngHeader(w, h, depth, colorType, interlaced).toBytes());
    if (plte != null) {
      chunk(png, "PLTE", plte);
    }
    if (trns != null) {
      chunk(png, "tRNS", trns);
    }
    byte[] all = zlib;
    // split the data over several IDAT chunks, as encoders with small buffers do
    for (int off = 0; off < all.length; off += 1000) {
      chunk(png, "IDAT", java.util.Arrays.copyOfRange(all, off, Math.min(all.length, off + 1000)));
    }
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void writePass(ByteArrayOutputStream raw, int[][] s, int w, int h, int x0, int y0, int dx, int dy,
      int channels, int depth, Random rnd) {
    int pw = (w - x0 + dx - 1) / dx;
    int ph = (h - y0 + dy - 1) / dy;
    if (pw <= 0 || ph <= 0) {
      return;
    }
    int bits = channels * depth;
    int stride = (int) PngHeader.rowBytes(pw, bits);
    byte[] prev = null;
    for (int py = 0; py < ph; py++) {
      int y = y0 + py * dy;
      byte[] row = new byte[stride];
      for (int px = 0; px < pw; px++) {
        int x = x0 + px * dx;
        for (int c = 0; c < channels; c++) {
          int v = s[y][x * channels + c];
          int i = px * channels + c;
          if (depth == 16) {
            row[2 * i] = (byte) (v >> 8);
            row[2 * i + 1] = (byte) v;
          } else {
            int bit = i * depth;
            row[bit >> 3] |= (byte) (v << (8 - depth - (bit & 7)));
          }
        }
      }
      int f = rnd.nextInt(5);
      byte[] out = new byte[stride];
      byte[] both = new byte[2 * stride];
      if (prev != null) {
        System.arraycopy(prev, 0, both, 0, stride);
      }
      System.arraycopy(row, 0, both, stride, stride);
      Filters.filterRow(f, both, stride, prev == null ? -1 : 0, stride, Math.max(1, bits / 8), out);
      raw.write(f);
      raw.writeBytes(out);
      prev = row;
    }
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    PngWriter.chunk(out, type, data);
  }

  /** {@code data} as a zlib stream at {@code level}. */
  static byte[] zlib(byte[] data, int level) {
    Deflater d = new Deflater(level);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      z.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return z.toByteArray();
  }
}
