package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.MetadataPolicy;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Writes an animated PNG as an indexed one with a single palette shared by every frame (APNG frames must all
 * have IHDR's colour type, so one PLTE): the palette at the smallest bit depth that indexes it, tRNS up to the
 * last entry that is not opaque, and each frame's indices through the same filter and deflate search as still
 * images. Frame regions, delays, dispose and blend ops, the play count and the chunk order are kept; sequence
 * numbers are renumbered since each frame's data becomes one chunk. Used by the lossy path ({@link ApngLossy},
 * a quantised palette) and the lossless one ({@link ApngExactPalette}, the frames' own colours).
 */
final class ApngPaletteWriter {
  private ApngPaletteWriter() {}

  /** The smallest PNG palette bit depth (1, 2, 4 or 8) that indexes {@code colors} entries. */
  static int depth(int colors) {
    return colors <= 2 ? 1 : colors <= 4 ? 2 : colors <= 16 ? 4 : 8;
  }

  /**
   * The indexed animation.
   *
   * @param chunks the input's chunks in file order (checked by {@link ApngRecompressor})
   * @param frames the input's image data runs, decoded, in file order
   * @param palette 1 to 256 non-premultiplied ARGB entries, those that are not opaque first (so tRNS is short)
   * @param indices per frame, one palette index per pixel (read as unsigned), row by row
   */
  static byte[] write(List<ApngRecompressor.Chunk> chunks, PngHeader h, List<ApngFrames.Frame> frames, int[] palette,
      List<byte[]> indices, MetadataPolicy policy, Effort effort, Executor executor) {
    int depth = depth(palette.length);
    byte[] plte = new byte[palette.length * 3];
    int translucent = 0;
    for (int i = 0; i < palette.length; i++) {
      plte[3 * i] = (byte) (palette[i] >> 16);
      plte[3 * i + 1] = (byte) (palette[i] >> 8);
      plte[3 * i + 2] = (byte) palette[i];
      if ((palette[i] >>> 24) != 0xFF) {
        translucent = i + 1;
      }
    }
    byte[] trns = null;
    if (translucent > 0) {
      trns = new byte[translucent];
      for (int i = 0; i < translucent; i++) {
        trns[i] = (byte) (palette[i] >>> 24);
      }
    }
    Compressors compressors = Compressors.forEffort(effort);
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      ApngFrames.Frame f = frames.get(i);
      byte[] idx = indices.get(i);
      PackedRows rows = new PackedRows(f.width(), f.height(), depth);
      for (int y = 0; y < f.height(); y++) {
        for (int x = 0; x < f.width(); x++) {
          rows.put(x, y, idx[y * f.width() + x] & 0xFF);
        }
      }
      Encoding e = new Encoding("frame", PngHeader.PALETTE, depth, plte, trns, f.width(), f.height(), rows.bytes());
      data.add(PngEncoder.compress(List.of(e), effort, compressors, executor).zlib());
    }
    boolean hasSrgb = chunks.stream().anyMatch(c -> c.type().equals("sRGB"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    PngWriter.chunk(out, "IHDR", new PngHeader(h.width(), h.height(), depth, PngHeader.PALETTE, false).toBytes());
    // colour chunks must precede PLTE; the others keep their place relative to acTL, fcTL and the image data
    int firstData = 0;
    while (firstData < chunks.size() && !chunks.get(firstData).type().equals("IDAT")) {
      firstData++;
    }
    for (int i = 0; i < firstData; i++) {
      ApngRecompressor.Chunk c = chunks.get(i);
      if (ChunkPolicy.COLOR.contains(c.type())) {
        PngChunk kept = ChunkPolicy.decide(new PngChunk(c.type(), c.data(), false), policy, false, hasSrgb);
        if (kept != null) {
          PngWriter.chunk(out, kept.type(), kept.data());
        }
      }
    }
    PngWriter.chunk(out, "PLTE", plte);
    if (trns != null) {
      PngWriter.chunk(out, "tRNS", trns);
    }
    int sequence = 0;
    int frame = 0;
    boolean afterIdat = false;
    for (int i = 0; i < chunks.size(); i++) {
      ApngRecompressor.Chunk c = chunks.get(i);
      switch (c.type()) {
        case "IHDR", "PLTE", "tRNS" -> { }
        case "IDAT", "fdAT" -> {
          i = ApngRecompressor.runEnd(chunks, i) - 1;
          byte[] z = data.get(frame++);
          if (c.type().equals("IDAT")) {
            PngWriter.chunk(out, "IDAT", z);
            afterIdat = true;
          } else {
            byte[] d = new byte[4 + z.length];
            PngBytes.put32(d, 0, sequence++);
            System.arraycopy(z, 0, d, 4, z.length);
            PngWriter.chunk(out, "fdAT", d);
          }
        }
        case "fcTL" -> {
          byte[] d = c.data().clone();
          PngBytes.put32(d, 0, sequence++);
          PngWriter.chunk(out, "fcTL", d);
        }
        case "acTL", "IEND" -> PngWriter.chunk(out, c.type(), c.data());
        default -> {
          // format-bound chunks (bKGD, sBIT, hIST...) describe the old colour type: sameFormat is false
          boolean hoisted = i < firstData && ChunkPolicy.COLOR.contains(c.type());
          PngChunk kept = hoisted || !Character.isLowerCase(c.type().charAt(0)) ? null
              : ChunkPolicy.decide(new PngChunk(c.type(), c.data(), afterIdat), policy, false, hasSrgb);
          if (kept != null) {
            PngWriter.chunk(out, kept.type(), kept.data());
          }
        }
      }
    }
    return out.toByteArray();
  }
}
