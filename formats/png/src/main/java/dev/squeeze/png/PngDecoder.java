package dev.squeeze.png;

import dev.squeeze.CorruptInputException;
import dev.squeeze.LimitExceededException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the image data of a parsed PNG to {@link PixelImage}: every colour type and bit depth, Adam7,
 * tRNS. The inflated data is bounded by the exact size IHDR implies, so a decompression bomb costs no more
 * than a genuine image of the declared size (which the limits already allowed).
 */
final class PngDecoder {
  private PngDecoder() {}

  static PixelImage decode(PngParser.Parsed png) throws CorruptInputException, LimitExceededException {
    PngHeader h = png.header();
    long size = h.rawSize();
    // a Java array holds at most Integer.MAX_VALUE - 8 bytes; larger images are out of reach whatever the limits say
    if (size > Integer.MAX_VALUE - 8) {
      throw new LimitExceededException(LimitExceededException.Limit.DECOMPRESSED_BYTES, size, Integer.MAX_VALUE - 8);
    }
    byte[] raw = inflateExactly(png.imageData(), (int) size);
    Unpacker unpacker = new Unpacker(h, png.palette(), png.transparency());
    int bpp = Math.max(1, h.bitsPerPixel() / 8);
    if (!h.interlaced()) {
      unfilter(raw, 0, h.height(), (int) PngHeader.rowBytes(h.width(), h.bitsPerPixel()), bpp);
      for (int y = 0; y < h.height(); y++) {
        unpacker.row(raw, (int) (y * (1 + PngHeader.rowBytes(h.width(), h.bitsPerPixel())) + 1), h.width(), 0, 1, y);
      }
    } else {
      long off = 0;
      for (int p = 0; p < 7; p++) {
        int pw = Adam7.passWidth(h.width(), p);
        int ph = Adam7.passHeight(h.height(), p);
        if (pw == 0 || ph == 0) {
          continue;
        }
        int stride = (int) PngHeader.rowBytes(pw, h.bitsPerPixel());
        unfilter(raw, (int) off, ph, stride, bpp);
        for (int y = 0; y < ph; y++) {
          unpacker.row(raw, (int) (off + (long) y * (1 + stride) + 1), pw, Adam7.X0[p], Adam7.DX[p],
              Adam7.Y0[p] + y * Adam7.DY[p]);
        }
        off += (long) ph * (1 + stride);
      }
    }
    return unpacker.image();
  }

  /** Inflates exactly {@code size} bytes; a stream that ends early or runs on past the size is corrupt. */
  static byte[] inflateExactly(byte[] zlib, int size) throws CorruptInputException {
    byte[] out = new byte[size];
    Inflater inf = new Inflater();
    try {
      inf.setInput(zlib);
      int n = 0;
      while (n < size) {
        int got = inf.inflate(out, n, size - n);
        n += got;
        if (got == 0) {
          if (inf.finished() || inf.needsInput()) {
            throw new CorruptInputException("image data ends after " + n + " of " + size + " bytes (truncated IDAT)");
          }
          if (inf.needsDictionary()) {
            throw new CorruptInputException("image data needs a preset dictionary, which PNG forbids");
          }
        }
      }
      // one byte more is enough to tell: a stream that inflates past the declared size is a bomb or damage,
      // and the extra output is never produced in full
      if (!inf.finished() && inf.inflate(new byte[1]) > 0) {
        throw new CorruptInputException("image data inflates past the " + size + " bytes that IHDR declares");
      }
      return out;
    } catch (DataFormatException e) {
      throw new CorruptInputException("invalid deflate data in IDAT: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
  }

  /** Reverses the five PNG filters in place over {@code rows} rows of {@code stride} bytes each. */
  static void unfilter(byte[] d, int off, int rows, int stride, int bpp) throws CorruptInputException {
    int prev = -1;
    for (int y = 0; y < rows; y++) {
      int f = d[off] & 0xFF;
      int s = off + 1;
      switch (f) {
        case 0 -> { }
        case 1 -> {
          for (int i = bpp; i < stride; i++) {
            d[s + i] += d[s + i - bpp];
          }
        }
        case 2 -> {
          if (prev >= 0) {
            for (int i = 0; i < stride; i++) {
              d[s + i] += d[prev + i];
            }
          }
        }
        case 3 -> {
          for (int i = 0; i < stride; i++) {
            int a = i >= bpp ? d[s + i - bpp] & 0xFF : 0;
            int b = prev >= 0 ? d[prev + i] & 0xFF : 0;
            d[s + i] += (byte) ((a + b) >>> 1);
          }
        }
        case 4 -> {
          for (int i = 0; i < stride; i++) {
            int a = i >= bpp ? d[s + i - bpp] & 0xFF : 0;
            int b = prev >= 0 ? d[prev + i] & 0xFF : 0;
            int c = i >= bpp && prev >= 0 ? d[prev + i - bpp] & 0xFF : 0;
            d[s + i] += (byte) Filters.paeth(a, b, c);
          }
        }
        default -> throw new CorruptInputException("invalid filter type " + f + " in row " + y);
      }
      prev = s;
      off = s + stride;
    }
  }
}
