package dev.squeeze.png;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Reads animated PNGs for tests independently of the production code: each frame's data is wrapped into a
 * still PNG of its own (IHDR with the frame's size, the file's PLTE and tRNS) and decoded by the JDK's
 * reader, and frames are composited with straightforward floating-point arithmetic. Also builds APNGs from
 * ARGB frames.
 */
final class ApngTestFrames {
  private ApngTestFrames() {}

  /** One fcTL's fields, sequence number left out. */
  record Control(int width, int height, int x, int y, int delayNum, int delayDen, int dispose, int blend) {}

  /** A decoded animation: IHDR, acTL's play count, each frame's control and pixels, and the chunk types. */
  record Animation(int width, int height, int colorType, int bitDepth, int numPlays, List<Control> controls,
      List<int[]> frames, List<String> chunkTypes) {
    /** The canvas as shown during each frame. */
    List<int[]> composited() {
      List<int[]> out = new ArrayList<>();
      double[][] canvas = new double[width * height][4]; // premultiplied a, r, g, b in 0..1
      for (int i = 0; i < controls.size(); i++) {
        Control c = controls.get(i);
        int[] px = frames.get(i);
        int dispose = i == 0 && c.dispose() == 2 ? 1 : c.dispose();
        double[][] saved = new double[c.width() * c.height()][];
        for (int y = 0; y < c.height(); y++) {
          for (int x = 0; x < c.width(); x++) {
            int at = (c.y() + y) * width + c.x() + x;
            saved[y * c.width() + x] = canvas[at].clone();
            double[] s = premultiplied(px[y * c.width() + x]);
            if (c.blend() == 0) {
              canvas[at] = s;
            } else {
              for (int k = 0; k < 4; k++) {
                canvas[at][k] = s[k] + canvas[at][k] * (1 - s[0]);
              }
            }
          }
        }
        int[] shown = new int[width * height];
        for (int p = 0; p < shown.length; p++) {
          shown[p] = argb(canvas[p]);
        }
        out.add(shown);
        for (int y = 0; y < c.height(); y++) {
          for (int x = 0; x < c.width(); x++) {
            int at = (c.y() + y) * width + c.x() + x;
            if (dispose == 1) {
              canvas[at] = new double[4];
            } else if (dispose == 2) {
              canvas[at] = saved[y * c.width() + x];
            }
          }
        }
      }
      return out;
    }
  }

  private static double[] premultiplied(int c) {
    double a = (c >>> 24) / 255.0;
    return new double[] {a, a * ((c >> 16) & 0xFF) / 255.0, a * ((c >> 8) & 0xFF) / 255.0, a * (c & 0xFF) / 255.0};
  }

  private static int argb(double[] p) {
    if (p[0] <= 0) {
      return 0;
    }
    int a = (int) Math.round(p[0] * 255);
    int r = (int) Math.round(Math.min(1, p[1] / p[0]) * 255);
    int g = (int) Math.round(Math.min(1, p[2] / p[0]) * 255);
    int b = (int) Math.round(Math.min(1, p[3] / p[0]) * 255);
    return a << 24 | r << 16 | g << 8 | b;
  }

  /** Decodes every frame of {@code png} (the IDAT counts as a frame only when an fcTL precedes it). */
  static Animation read(byte[] png) throws IOException {
    byte[] ihdr = null;
    byte[] plte = null;
    byte[] trns = null;
    int plays = -1;
    List<Control> controls = new ArrayList<>();
    List<int[]> frames = new ArrayList<>();
    List<String> types = new ArrayList<>();
    Control pending = null;
    int pos = 8;
    ByteArrayOutputStream run = null;
    while (pos + 12 <= png.length) {
      int len = (int) PngBytes.u32(png, pos);
      String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
      byte[] d = Arrays.copyOfRange(png, pos + 8, pos + 8 + len);
      pos += 12 + len;
      boolean data = type.equals("IDAT") || type.equals("fdAT");
      if (run != null && !data) {
        int w = pending != null ? pending.width() : (int) PngBytes.u32(ihdr, 0);
        int h = pending != null ? pending.height() : (int) PngBytes.u32(ihdr, 4);
        int[] px = decodeFrame(ihdr, plte, trns, w, h, run.toByteArray());
        if (pending != null) {
          controls.add(pending);
          frames.add(px);
        }
        pending = null;
        run = null;
      }
      types.add(type);
      switch (type) {
        case "IHDR" -> ihdr = d;
        case "PLTE" -> plte = d;
        case "tRNS" -> trns = d;
        case "acTL" -> plays = (int) PngBytes.u32(d, 4);
        case "fcTL" -> pending = new Control((int) PngBytes.u32(d, 4), (int) PngBytes.u32(d, 8),
            (int) PngBytes.u32(d, 12), (int) PngBytes.u32(d, 16), PngBytes.u16(d, 20), PngBytes.u16(d, 22),
            d[24], d[25]);
        case "IDAT" -> (run = run == null ? new ByteArrayOutputStream() : run).writeBytes(d);
        case "fdAT" -> (run = run == null ? new ByteArrayOutputStream() : run).write(d, 4, d.length - 4);
        default -> { }
      }
    }
    return new Animation((int) PngBytes.u32(ihdr, 0), (int) PngBytes.u32(ihdr, 4), ihdr[9], ihdr[8], plays,
        controls, frames, types);
  }

  private static int[] decodeFrame(byte[] ihdr, byte[] plte, byte[] trns, int w, int h, byte[] zlib)
      throws IOException {
    byte[] head = ihdr.clone();
    PngBytes.put32(head, 0, w);
    PngBytes.put32(head, 4, h);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    TestPngs.chunk(out, "IHDR", head);
    if (plte != null) {
      TestPngs.chunk(out, "PLTE", plte);
    }
    if (trns != null) {
      TestPngs.chunk(out, "tRNS", trns);
    }
    TestPngs.chunk(out, "IDAT", zlib);
    TestPngs.chunk(out, "IEND", new byte[0]);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < px.length; i++) {
      if ((px[i] >>> 24) == 0) {
        px[i] = 0;
      }
    }
    return px;
  }

  /** An 8-bit RGBA APNG of the given frames (frame 0 is the IDAT and must cover the canvas), played forever. */
  static byte[] build(int w, int h, List<Control> controls, List<int[]> frames) {
    return build(w, h, controls, frames, null);
  }

  /**
   * As {@link #build(int, int, List, List)}, but with {@code defaultImage} non-null the IDAT holds it, outside
   * the animation (no fcTL before it), and every frame goes into fdAT.
   */
  static byte[] build(int w, int h, List<Control> controls, List<int[]> frames, int[] defaultImage) {
    return build(w, h, 8, controls, frames.size(), f -> rgbaZlib(frames.get(f), controls.get(f).width(),
        controls.get(f).height(), 8), defaultImage == null ? null : rgbaZlib(defaultImage, w, h, 8));
  }

  /**
   * A 16-bit RGBA APNG of the given frames (frame 0 is the IDAT), each 8-bit sample v written as v * 257, so
   * the file holds exactly the 8-bit frames, except that with {@code offBy1} frame 0's first sample is v * 257
   * + 1 (a 16-bit value no 8-bit sample can hold).
   */
  static byte[] build16(int w, int h, List<Control> controls, List<int[]> frames, boolean offBy1) {
    return build(w, h, 16, controls, frames.size(), f -> rgbaZlib(frames.get(f), controls.get(f).width(),
        controls.get(f).height(), offBy1 && f == 0 ? 17 : 16), null);
  }

  private static byte[] build(int w, int h, int depth, List<Control> controls, int count,
      java.util.function.IntFunction<byte[]> zlib, byte[] defaultZlib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    TestPngs.chunk(out, "IHDR", new PngHeader(w, h, depth, PngHeader.RGBA, false).toBytes());
    byte[] actl = new byte[8];
    PngBytes.put32(actl, 0, count);
    TestPngs.chunk(out, "acTL", actl);
    if (defaultZlib != null) {
      TestPngs.chunk(out, "IDAT", defaultZlib);
    }
    int seq = 0;
    for (int f = 0; f < count; f++) {
      Control c = controls.get(f);
      byte[] fctl = new byte[26];
      PngBytes.put32(fctl, 0, seq++);
      PngBytes.put32(fctl, 4, c.width());
      PngBytes.put32(fctl, 8, c.height());
      PngBytes.put32(fctl, 12, c.x());
      PngBytes.put32(fctl, 16, c.y());
      fctl[20] = (byte) (c.delayNum() >> 8);
      fctl[21] = (byte) c.delayNum();
      fctl[22] = (byte) (c.delayDen() >> 8);
      fctl[23] = (byte) c.delayDen();
      fctl[24] = (byte) c.dispose();
      fctl[25] = (byte) c.blend();
      TestPngs.chunk(out, "fcTL", fctl);
      byte[] z = zlib.apply(f);
      if (f == 0 && defaultZlib == null) {
        TestPngs.chunk(out, "IDAT", z);
      } else {
        byte[] d = new byte[4 + z.length];
        PngBytes.put32(d, 0, seq++);
        System.arraycopy(z, 0, d, 4, z.length);
        TestPngs.chunk(out, "fdAT", d);
      }
    }
    TestPngs.chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** @param depth 8, 16 (each sample v as v * 257), or 17 (16 bits, the first sample's low byte off by one) */
  private static byte[] rgbaZlib(int[] argb, int w, int h, int depth) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int y = 0; y < h; y++) {
      raw.write(0);
      for (int x = 0; x < w; x++) {
        int c = argb[y * w + x];
        for (int shift : new int[] {16, 8, 0, 24}) {
          int v = (c >>> shift) & 0xFF;
          raw.write(v);
          if (depth > 8) {
            raw.write(depth == 17 && x == 0 && y == 0 && shift == 16 ? v ^ 1 : v);
          }
        }
      }
    }
    return TestPngs.zlib(raw.toByteArray(), 6);
  }
}
