package dev.squeeze.png;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Limits;
import dev.squeeze.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Splits a PNG file into its chunks, checking signature, lengths and every CRC, and checking the IHDR
 * dimensions against the limits before anything sized by them is allocated.
 */
final class PngParser {
  private PngParser() {}

  /** The chunks of one PNG file, sorted by role. */
  record Parsed(PngHeader header, byte[] palette, byte[] transparency, byte[] imageData, List<PngChunk> ancillary,
      boolean animated, String unsupportedCriticalChunk) {}

  static Parsed parse(byte[] in, Limits limits) throws CorruptInputException, LimitExceededException {
    if (in.length < 8 || !Arrays.equals(in, 0, 8, PngBytes.SIGNATURE, 0, 8)) {
      throw new CorruptInputException("not a PNG: bad signature");
    }
    int pos = 8;
    PngHeader header = null;
    byte[] palette = null;
    byte[] trns = null;
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    boolean seenIdat = false;
    boolean idatEnded = false;
    boolean animated = false;
    boolean ended = false;
    String unsupported = null;
    List<PngChunk> ancillary = new ArrayList<>();
    CRC32 crc = new CRC32();
    while (pos < in.length) {
      if (in.length - pos < 12) {
        throw new CorruptInputException("truncated chunk header at byte " + pos);
      }
      long len = PngBytes.u32(in, pos);
      if (len > Integer.MAX_VALUE || len > in.length - pos - 12L) {
        throw new CorruptInputException("chunk at byte " + pos + " claims " + len + " bytes, past the end of the file");
      }
      String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
      int dataStart = pos + 8;
      int n = (int) len;
      crc.reset();
      crc.update(in, pos + 4, 4 + n);
      if (crc.getValue() != PngBytes.u32(in, dataStart + n)) {
        throw new CorruptInputException("CRC mismatch in " + printable(type) + " chunk at byte " + pos);
      }
      if (!type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        throw new CorruptInputException("invalid chunk type at byte " + pos);
      }
      byte[] data = Arrays.copyOfRange(in, dataStart, dataStart + n);
      pos = dataStart + n + 4;
      if (header == null && !type.equals("IHDR")) {
        throw new CorruptInputException("first chunk must be IHDR, was " + type);
      }
      if (!type.equals("IDAT") && seenIdat) {
        idatEnded = true;
      }
      switch (type) {
        case "IHDR" -> {
          if (header != null) {
            throw new CorruptInputException("second IHDR chunk");
          }
          header = PngHeader.parse(data);
          limits.checkPixels(header.width(), header.height());
        }
        case "PLTE" -> {
          if (n == 0 || n % 3 != 0 || n > 768 || palette != null || seenIdat) {
            throw new CorruptInputException("invalid PLTE chunk (" + n + " bytes)");
          }
          palette = data;
        }
        case "tRNS" -> {
          if (seenIdat) {
            throw new CorruptInputException("tRNS after image data");
          }
          trns = data;
        }
        case "IDAT" -> {
          if (idatEnded) {
            throw new CorruptInputException("IDAT chunks are not consecutive");
          }
          seenIdat = true;
          idat.write(data, 0, n);
        }
        case "IEND" -> ended = true;
        case "acTL" -> {
          if (!seenIdat) {
            animated = true;
          }
        }
        case "fcTL", "fdAT" -> animated = true;
        default -> {
          if (Character.isUpperCase(type.charAt(0))) {
            unsupported = type;
          } else {
            ancillary.add(new PngChunk(type, data, seenIdat));
          }
        }
      }
      if (ended) {
        break;
      }
    }
    if (header == null) {
      throw new CorruptInputException("no IHDR chunk");
    }
    if (!seenIdat) {
      throw new CorruptInputException("no IDAT chunk");
    }
    if (header.colorType() == PngHeader.PALETTE && palette == null) {
      throw new CorruptInputException("palette image without PLTE chunk");
    }
    return new Parsed(header, palette, trns, idat.toByteArray(), ancillary, animated, unsupported);
  }

  private static String printable(String type) {
    return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "non-ASCII";
  }
}
