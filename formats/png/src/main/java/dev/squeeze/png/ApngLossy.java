package dev.squeeze.png;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Effort;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.png.quant.FrameQuantizer;
import dev.squeeze.png.quant.PaletteLossyStep;
import dev.squeeze.png.quant.QuantizeOptions;
import dev.squeeze.png.quant.SharedPalette;
import dev.squeeze.quality.Ssim;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * The lossy step for animated PNGs: every frame is quantised with one shared palette ({@link FrameQuantizer},
 * the still lossy path's settings from {@link PaletteLossyStep#options}), since APNG frames must all have
 * IHDR's colour type and so one PLTE. The animation is rendered before and after ({@link ApngCanvas}), and
 * the result is kept only when every composited frame (and a default image outside the animation, if any)
 * has SSIM at least {@link PaletteLossyStep#SSIM_FLOOR} and the file is smaller than the lossless one.
 * Frame regions, delays, dispose and blend ops, the play count and the chunk order are kept; each frame's
 * indexed rows go through the same filter and deflate search as still images.
 */
final class ApngLossy {
  private ApngLossy() {}

  /** An indexed animated PNG and a line saying how it was made. */
  record Attempt(byte[] png, String description) {}

  /**
   * Tries shared-palette quantisation of an animated PNG already checked by {@link ApngRecompressor} (chunk
   * structure, frame regions, limits).
   *
   * @param minQuality the least palette quality accepted (0 to 100); empty for the still path's default
   * @param bytesToBeat size of the lossless result; a lossy result must be smaller to be returned
   * @return the smaller indexed animation, or empty when it must stay lossless (quality, SSIM or size)
   */
  static Optional<Attempt> attempt(byte[] input, PngHeader h, MetadataPolicy policy, OptionalInt minQuality,
      Effort effort, Executor executor, int bytesToBeat) throws CorruptInputException {
    List<ApngRecompressor.Chunk> chunks = ApngRecompressor.chunks(input);
    List<ApngFrames.Frame> frames = ApngFrames.decode(chunks, h);
    List<int[]> pixels = new ArrayList<>();
    int[] widths = new int[frames.size()];
    int[] heights = new int[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      pixels.add(frames.get(i).argb());
      widths[i] = frames.get(i).width();
      heights[i] = frames.get(i).height();
    }
    QuantizeOptions o = PaletteLossyStep.options(minQuality);
    Optional<SharedPalette> quantized = FrameQuantizer.quantize(pixels, widths, heights, o);
    if (quantized.isEmpty()) {
      return Optional.empty();
    }
    SharedPalette q = quantized.get();
    double[] ssim = quality(h, frames, q);
    double min = 1;
    double sum = 0;
    for (double s : ssim) {
      min = Math.min(min, s);
      sum += s;
    }
    if (min < PaletteLossyStep.SSIM_FLOOR) {
      return Optional.empty();
    }
    byte[] png = write(chunks, h, frames, q, policy, effort, executor);
    if (png.length >= bytesToBeat) {
      return Optional.empty();
    }
    long animated = frames.stream().filter(f -> f.control() != null).count();
    return Optional.of(new Attempt(png, String.format(Locale.ROOT,
        "animated PNG: %d frames%s quantised to one shared palette of %d colours (quality %d, SSIM min %.4f mean"
            + " %.4f over the composited frames, dithering %.2f)",
        animated, animated < frames.size() ? " and the default image" : "", q.colors(), q.quality(), min,
        sum / ssim.length, o.dithering())));
  }

  /**
   * SSIM of each composited frame of the quantised animation against the original's, then of the default
   * image outside the animation (if any) against its original.
   */
  static double[] quality(PngHeader h, List<ApngFrames.Frame> frames, SharedPalette q) {
    ApngCanvas before = new ApngCanvas(h.width(), h.height());
    ApngCanvas after = new ApngCanvas(h.width(), h.height());
    double[] out = new double[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      ApngFrames.Frame f = frames.get(i);
      int[] quantised = q.toArgb(i);
      if (f.control() == null) {
        out[i] = Ssim.compare(f.argb(), quantised, f.width(), f.height());
      } else {
        out[i] = Ssim.compare(before.show(f.control(), f.argb()), after.show(f.control(), quantised), h.width(),
            h.height());
      }
    }
    return out;
  }

  private static byte[] write(List<ApngRecompressor.Chunk> chunks, PngHeader h, List<ApngFrames.Frame> frames,
      SharedPalette q, MetadataPolicy policy, Effort effort, Executor executor) {
    int[] palette = q.paletteArgb();
    int depth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8;
    byte[] plte = new byte[palette.length * 3];
    int translucent = 0;
    for (int i = 0; i < palette.length; i++) {
      plte[3 * i] = (byte) (palette[i] >> 16);
      plte[3 * i + 1] = (byte) (palette[i] >> 8);
      plte[3 * i + 2] = (byte) palette[i];
      if ((palette[i] >>> 24) != 0xFF) {
        translucent = i + 1; // entries that are not opaque come first, so tRNS stops after the last of them
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
      byte[] idx = q.indices(i);
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
          int j = i;
          while (j < chunks.size() && chunks.get(j).type().equals(c.type())) {
            j++;
          }
          i = j - 1;
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
