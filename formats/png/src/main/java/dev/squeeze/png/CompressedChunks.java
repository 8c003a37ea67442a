package dev.squeeze.png;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Re-deflates the zlib streams that kept ancillary chunks carry (the colour profile of iCCP, the text of zTXt
 * and compressed iTXt) with the effort level's compressor, as oxipng does: the chunk says the same thing in
 * fewer bytes. A stream that does not inflate cleanly, inflates past {@link #MAX_INFLATED} (a decompression
 * bomb in a profile) or does not get smaller leaves its chunk exactly as it was.
 */
final class CompressedChunks {
  /**
   * Largest payload re-deflated. ICC profiles run to a few hundred kilobytes at most (big lookup tables);
   * a text chunk larger than this is unusual enough to leave alone.
   */
  static final int MAX_INFLATED = 4 << 20;

  private CompressedChunks() {}

  static List<PngChunk> recompress(List<PngChunk> chunks, DeflateCompressor compressor) {
    List<PngChunk> out = new ArrayList<>(chunks.size());
    for (PngChunk c : chunks) {
      out.add(recompress(c, compressor));
    }
    return out;
  }

  static PngChunk recompress(PngChunk c, DeflateCompressor compressor) {
    byte[] d = c.data();
    int streamAt = switch (c.type()) {
      // keyword, NUL, compression method 0, zlib stream
      case "iCCP", "zTXt" -> {
        int nul = indexOfNul(d, 0);
        yield nul >= 0 && nul + 1 < d.length && d[nul + 1] == 0 ? nul + 2 : -1;
      }
      // keyword, NUL, compression flag 1, method 0, language tag, NUL, translated keyword, NUL, zlib stream
      case "iTXt" -> {
        int nul = indexOfNul(d, 0);
        if (nul < 0 || nul + 2 >= d.length || d[nul + 1] != 1 || d[nul + 2] != 0) {
          yield -1;
        }
        int lang = indexOfNul(d, nul + 3);
        int translated = lang < 0 ? -1 : indexOfNul(d, lang + 1);
        yield translated < 0 ? -1 : translated + 1;
      }
      default -> -1;
    };
    if (streamAt < 0) {
      return c;
    }
    byte[] plain = inflate(d, streamAt);
    if (plain == null) {
      return c;
    }
    byte[] zlib = compressor.compress(plain);
    if (streamAt + zlib.length >= d.length) {
      return c;
    }
    byte[] smaller = new byte[streamAt + zlib.length];
    System.arraycopy(d, 0, smaller, 0, streamAt);
    System.arraycopy(zlib, 0, smaller, streamAt, zlib.length);
    return new PngChunk(c.type(), smaller, c.afterImageData());
  }

  private static int indexOfNul(byte[] d, int from) {
    for (int i = from; i < d.length && i < from + 80; i++) {
      if (d[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The stream's content, or null when it is not one clean zlib stream ending the chunk, or too large. */
  private static byte[] inflate(byte[] d, int at) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(d, at, d.length - at);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          return null;
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_INFLATED) {
          return null;
        }
      }
      return inf.getRemaining() == 0 ? out.toByteArray() : null;
    } catch (DataFormatException e) {
      return null;
    } finally {
      inf.end();
    }
  }
}
