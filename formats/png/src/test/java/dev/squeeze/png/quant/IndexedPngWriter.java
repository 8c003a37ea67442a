package dev.squeeze.png.quant;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test-only stand-in for the lossless engine's indexed writer, to estimate bytes until it lands: 1/2/4/8-bit
 * palette PNG with PLTE and a tRNS cut after the last non-opaque entry, deflated by java.util.zip at level 9,
 * keeping the smallest of filter none or per-row minimum-sum filters, each with the default or filtered
 * deflate strategy.
 */
final class IndexedPngWriter {
  private IndexedPngWriter() {}

  static byte[] write(QuantizedImage q) {
    int w = q.width();
    int h = q.height();
    int[] pal = q.paletteArgb();
    byte[] idx = q.indices();
    int depth = pal.length <= 2 ? 1 : pal.length <= 4 ? 2 : pal.length <= 16 ? 4 : 8;
    int stride = (w * depth + 7) / 8;
    byte[][] rows = new byte[h][stride];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = idx[y * w + x] & 0xFF;
        int bit = x * depth;
        rows[y][bit >> 3] |= (byte) (v << (8 - depth - (bit & 7)));
      }
    }
    byte[] best = null;
    for (boolean adaptive : new boolean[] {false, true}) {
      byte[] raw = filter(rows, stride, adaptive);
      for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED}) {
        byte[] z = deflate(raw, strategy);
        if (best == null || z.length < best.length) {
          best = z;
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, w);
    putInt(ihdr, 4, h);
    ihdr[8] = (byte) depth;
    ihdr[9] = 3;
    chunk(out, "IHDR", ihdr);
    byte[] plte = new byte[pal.length * 3];
    int lastTrns = -1;
    for (int i = 0; i < pal.length; i++) {
      plte[i * 3] = (byte) (pal[i] >> 16);
      plte[i * 3 + 1] = (byte) (pal[i] >> 8);
      plte[i * 3 + 2] = (byte) pal[i];
      if ((pal[i] >>> 24) != 0xFF) {
        lastTrns = i;
      }
    }
    chunk(out, "PLTE", plte);
    if (lastTrns >= 0) {
      byte[] trns = new byte[lastTrns + 1];
      for (int i = 0; i <= lastTrns; i++) {
        trns[i] = (byte) (pal[i] >>> 24);
      }
      chunk(out, "tRNS", trns);
    }
    chunk(out, "IDAT", best);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] filter(byte[][] rows, int stride, boolean adaptive) {
    byte[] raw = new byte[rows.length * (stride + 1)];
    byte[] prev = new byte[stride];
    byte[][] cand = new byte[5][stride];
    for (int y = 0; y < rows.length; y++) {
      byte[] row = rows[y];
      int pick = 0;
      if (adaptive) {
        long bestSum = Long.MAX_VALUE;
        for (int f = 0; f < 5; f++) {
          long sum = 0;
          for (int i = 0; i < stride; i++) {
            int a = i > 0 ? row[i - 1] & 0xFF : 0;
            int b = prev[i] & 0xFF;
            int c = i > 0 ? prev[i - 1] & 0xFF : 0;
            int x = row[i] & 0xFF;
            int p = switch (f) {
              case 0 -> 0;
              case 1 -> a;
              case 2 -> b;
              case 3 -> (a + b) >> 1;
              default -> paeth(a, b, c);
            };
            byte v = (byte) (x - p);
            cand[f][i] = v;
            sum += Math.abs((int) v);
          }
          if (sum < bestSum) {
            bestSum = sum;
            pick = f;
          }
        }
      } else {
        System.arraycopy(row, 0, cand[0], 0, stride);
      }
      raw[y * (stride + 1)] = (byte) pick;
      System.arraycopy(cand[pick], 0, raw, y * (stride + 1) + 1, stride);
      prev = row;
    }
    return raw;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  private static byte[] deflate(byte[] data, int strategy) {
    Deflater d = new Deflater(9);
    try {
      d.setStrategy(strategy);
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      while (!d.finished()) {
        int n = d.deflate(buf);
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    out.writeBytes(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.writeBytes(c);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
