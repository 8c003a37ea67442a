package dev.squeeze.png;

import dev.squeeze.CorruptInputException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an animated PNG, decoded to 8-bit ARGB (16-bit samples keep their high byte, as the still
 * lossy path does), with each frame's control fields. The image data of IDAT is frame 0 when an fcTL precedes
 * it; otherwise it is a default image shown only by viewers without APNG support, and not part of the
 * animation ({@link Frame#control()} is then null).
 */
final class ApngFrames {
  private ApngFrames() {}

  /** dispose_op values of fcTL (APNG specification). */
  static final int DISPOSE_NONE = 0;
  static final int DISPOSE_BACKGROUND = 1;
  static final int DISPOSE_PREVIOUS = 2;
  /** blend_op values of fcTL. */
  static final int BLEND_SOURCE = 0;
  static final int BLEND_OVER = 1;

  /**
   * One fcTL: the frame's region on the canvas and what happens before and after it is shown.
   *
   * @param raw the chunk's 26 bytes (sequence number included)
   */
  record Control(int width, int height, int x, int y, int delayNum, int delayDen, int dispose, int blend, byte[] raw) {
    static Control parse(byte[] d, PngHeader h) throws CorruptInputException {
      if (d.length != 26) {
        throw new CorruptInputException("fcTL must be 26 bytes, was " + d.length);
      }
      long w = PngBytes.u32(d, 4);
      long ht = PngBytes.u32(d, 8);
      long x = PngBytes.u32(d, 12);
      long y = PngBytes.u32(d, 16);
      if (w == 0 || ht == 0 || x + w > h.width() || y + ht > h.height()) {
        throw new CorruptInputException("fcTL frame " + w + "x" + ht + " at " + x + "," + y + " outside the canvas");
      }
      int dispose = d[24] & 0xFF;
      int blend = d[25] & 0xFF;
      if (dispose > DISPOSE_PREVIOUS || blend > BLEND_OVER) {
        throw new CorruptInputException("fcTL dispose_op " + dispose + " or blend_op " + blend + " is not valid APNG");
      }
      return new Control((int) w, (int) ht, (int) x, (int) y, PngBytes.u16(d, 20), PngBytes.u16(d, 22), dispose,
          blend, d);
    }
  }

  /**
   * One image data run (the IDAT run or one frame's fdAT run) decoded.
   *
   * @param control the fcTL before it, or null for a default image outside the animation
   * @param argb width x height 8-bit non-premultiplied pixels, fully transparent ones zero
   * @param exact8 true when {@code argb} is the frame exactly: input of at most 8 bits per sample, or 16-bit
   *     samples that are all v * 257
   */
  record Frame(Control control, int width, int height, int[] argb, boolean exact8) {}

  /** Every image data run of {@code chunks} in file order, decoded. */
  static List<Frame> decode(List<ApngRecompressor.Chunk> chunks, PngHeader h) throws CorruptInputException {
    byte[] plte = null;
    byte[] trns = null;
    for (ApngRecompressor.Chunk c : chunks) {
      if (c.type().equals("PLTE")) {
        plte = c.data();
      } else if (c.type().equals("tRNS")) {
        trns = c.data();
      }
    }
    if (h.colorType() == PngHeader.PALETTE && plte == null) {
      throw new CorruptInputException("palette image without PLTE chunk");
    }
    List<Frame> frames = new ArrayList<>();
    Control pending = null;
    for (int i = 0; i < chunks.size(); i++) {
      ApngRecompressor.Chunk c = chunks.get(i);
      if (c.type().equals("fcTL")) {
        pending = Control.parse(c.data(), h);
      } else if (c.type().equals("IDAT") || c.type().equals("fdAT")) {
        boolean idat = c.type().equals("IDAT");
        int j = ApngRecompressor.runEnd(chunks, i);
        ByteArrayOutputStream run = ApngRecompressor.runData(chunks, i, j);
        i = j - 1;
        if (!idat && pending == null) {
          throw new CorruptInputException("fdAT without an fcTL before it");
        }
        // IDAT is always the full canvas, even when its fcTL says so too
        int w = idat ? h.width() : pending.width();
        int ht = idat ? h.height() : pending.height();
        PixelImage px = pixels(run.toByteArray(), h, w, ht, plte, trns);
        frames.add(new Frame(pending, w, ht, px.argb8(), px.argb != null));
        pending = null;
      }
    }
    return frames;
  }

  private static PixelImage pixels(byte[] zlib, PngHeader h, int w, int ht, byte[] plte, byte[] trns)
      throws CorruptInputException {
    PngHeader frame = new PngHeader(w, ht, h.bitDepth(), h.colorType(), false);
    int bits = h.bitsPerPixel();
    int stride = (int) PngHeader.rowBytes(w, bits);
    byte[] raw = PngDecoder.inflateExactly(zlib, (int) ((long) ht * (1 + stride)));
    PngDecoder.unfilter(raw, 0, ht, stride, Math.max(1, bits / 8));
    Unpacker u = new Unpacker(frame, plte, trns);
    for (int y = 0; y < ht; y++) {
      u.row(raw, y * (1 + stride) + 1, w, 0, 1, y);
    }
    return u.image();
  }
}
