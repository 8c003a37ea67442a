package dev.squeeze.png;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Effort;
import dev.squeeze.LimitExceededException;
import dev.squeeze.Limits;
import dev.squeeze.MetadataPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Animated PNG, kept frame for frame: every frame's image data (the IDAT run and each frame's fdAT run) is
 * unfiltered, filtered and deflated again by the same search as still images, in the same colour type,
 * bit depth and palette, since all frames share them. Frame control (acTL, fcTL) is copied; sequence numbers
 * are renumbered because each frame's data becomes one chunk. Frames whose data does not shrink keep their
 * original bytes.
 */
final class ApngRecompressor {
  private ApngRecompressor() {}

  /**
   * A rewritten file.
   *
   * @param frames animation frames (fcTL chunks)
   * @param smallerFrames image data runs (the IDAT run and each frame's fdAT run) that got smaller
   */
  record Result(byte[] png, int frames, int smallerFrames) {}

  /** A chunk's type and payload. */
  record Chunk(String type, byte[] data) {}

  static Result recompress(byte[] input, PngHeader h, MetadataPolicy policy, Limits limits, Effort effort,
      Executor executor) throws CorruptInputException, LimitExceededException {
    List<Chunk> chunks = chunks(input);
    boolean hasSrgb = chunks.stream().anyMatch(c -> c.type().equals("sRGB"));
    Compressors compressors = Compressors.forEffort(effort);
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
    out.writeBytes(PngBytes.SIGNATURE);
    int sequence = 0;
    int frames = 0;
    int smaller = 0;
    long pixels = 0;
    int frameWidth = h.width();
    int frameHeight = h.height();
    boolean afterIdat = false;
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      switch (c.type()) {
        case "IDAT", "fdAT" -> {
          boolean idat = c.type().equals("IDAT");
          int j = runEnd(chunks, i);
          ByteArrayOutputStream run = runData(chunks, i, j);
          i = j - 1;
          int w = idat ? h.width() : frameWidth;
          int ht = idat ? h.height() : frameHeight;
          byte[] original = run.toByteArray();
          byte[] best = recompressFrame(original, h, w, ht, effort, compressors, executor);
          if (best.length < original.length) {
            smaller++;
          } else {
            best = original;
          }
          if (idat) {
            chunk(out, "IDAT", best);
            afterIdat = true;
          } else {
            byte[] d = new byte[4 + best.length];
            PngBytes.put32(d, 0, sequence++);
            System.arraycopy(best, 0, d, 4, best.length);
            chunk(out, "fdAT", d);
          }
        }
        case "fcTL" -> {
          if (c.data().length != 26) {
            throw new CorruptInputException("fcTL must be 26 bytes, was " + c.data().length);
          }
          long w = PngBytes.u32(c.data(), 4);
          long ht = PngBytes.u32(c.data(), 8);
          long x = PngBytes.u32(c.data(), 12);
          long y = PngBytes.u32(c.data(), 16);
          if (w == 0 || ht == 0 || x + w > h.width() || y + ht > h.height()) {
            throw new CorruptInputException("fcTL frame " + w + "x" + ht + " at " + x + "," + y + " outside the canvas");
          }
          pixels += w * ht;
          // the limits bound the pixels of all frames together
          limits.checkPixels(1, pixels);
          limits.checkFrames(frames + 1L);
          frames++;
          frameWidth = (int) w;
          frameHeight = (int) ht;
          byte[] d = c.data().clone();
          PngBytes.put32(d, 0, sequence++);
          chunk(out, "fcTL", d);
        }
        case "IHDR", "PLTE", "tRNS", "acTL", "IEND" -> chunk(out, c.type(), c.data());
        default -> {
          PngChunk kept = Character.isLowerCase(c.type().charAt(0))
              ? ChunkPolicy.decide(new PngChunk(c.type(), c.data(), afterIdat), policy, true, hasSrgb) : null;
          if (kept != null) {
            chunk(out, kept.type(), kept.data());
          }
        }
      }
    }
    return new Result(out.toByteArray(), frames, smaller);
  }

  private static byte[] recompressFrame(byte[] zlib, PngHeader h, int w, int ht, Effort effort,
      Compressors compressors, Executor executor) throws CorruptInputException {
    int bits = h.bitsPerPixel();
    int stride = (int) PngHeader.rowBytes(w, bits);
    long size = (long) ht * (1 + stride);
    byte[] raw = PngDecoder.inflateExactly(zlib, (int) size);
    PngDecoder.unfilter(raw, 0, ht, stride, Math.max(1, bits / 8));
    byte[] rows = new byte[ht * stride];
    for (int y = 0; y < ht; y++) {
      System.arraycopy(raw, y * (stride + 1) + 1, rows, y * stride, stride);
    }
    Encoding e = new Encoding("frame", h.colorType(), h.bitDepth(), null, null, w, ht, rows);
    return PngEncoder.compress(List.of(e), effort, compressors, executor).zlib();
  }

  /** End (exclusive) of the run of chunks of {@code chunks.get(from)}'s type (IDAT or fdAT) starting at from. */
  static int runEnd(List<Chunk> chunks, int from) {
    String type = chunks.get(from).type();
    int j = from;
    while (j < chunks.size() && chunks.get(j).type().equals(type)) {
      j++;
    }
    return j;
  }

  /** The zlib stream a run of IDAT or fdAT chunks carries: their payloads after fdAT's sequence numbers. */
  static ByteArrayOutputStream runData(List<Chunk> chunks, int from, int to) throws CorruptInputException {
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int j = from; j < to; j++) {
      Chunk c = chunks.get(j);
      boolean idat = c.type().equals("IDAT");
      byte[] d = c.data();
      if (!idat && d.length < 4) {
        throw new CorruptInputException("fdAT chunk shorter than its sequence number");
      }
      run.write(d, idat ? 0 : 4, d.length - (idat ? 0 : 4));
    }
    return run;
  }

  /** Chunks in file order (the CRCs were checked by {@link PngParser}). */
  static List<Chunk> chunks(byte[] in) {
    List<Chunk> out = new ArrayList<>();
    int pos = 8;
    while (pos + 12 <= in.length) {
      int len = (int) PngBytes.u32(in, pos);
      String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
      out.add(new Chunk(type, java.util.Arrays.copyOfRange(in, pos + 8, pos + 8 + len)));
      pos += 12 + len;
      if (type.equals("IEND")) {
        break;
      }
    }
    return out;
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    PngWriter.chunk(out, type, data);
  }
}
