package dev.squeeze.png;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.CRC32;

/** Assembles a PNG file from an encoding's header, palette, compressed data and kept chunks, in legal order. */
final class PngWriter {
  private PngWriter() {}

  static byte[] write(PngHeader header, byte[] palette, byte[] transparency, byte[] zlibData, List<PngChunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zlibData.length + 1024);
    out.writeBytes(PngBytes.SIGNATURE);
    chunk(out, "IHDR", header.toBytes());
    // colour chunks must precede PLTE; everything else that stood before the image data goes after PLTE and
    // tRNS, where bKGD and hIST must be and every other chunk may be (the writer may add a PLTE the source lacked)
    for (PngChunk c : chunks) {
      if (ChunkPolicy.COLOR.contains(c.type())) {
        chunk(out, c.type(), c.data());
      }
    }
    if (palette != null) {
      chunk(out, "PLTE", palette);
    }
    if (transparency != null) {
      chunk(out, "tRNS", transparency);
    }
    for (PngChunk c : chunks) {
      if (!ChunkPolicy.COLOR.contains(c.type()) && !c.afterImageData()) {
        chunk(out, c.type(), c.data());
      }
    }
    chunk(out, "IDAT", zlibData);
    for (PngChunk c : chunks) {
      if (c.afterImageData() && !ChunkPolicy.COLOR.contains(c.type())) {
        chunk(out, c.type(), c.data());
      }
    }
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] head = new byte[8];
    PngBytes.put32(head, 0, data.length);
    for (int i = 0; i < 4; i++) {
      head[4 + i] = (byte) type.charAt(i);
    }
    CRC32 crc = new CRC32();
    crc.update(head, 4, 4);
    crc.update(data);
    byte[] tail = new byte[4];
    PngBytes.put32(tail, 0, crc.getValue());
    out.writeBytes(head);
    out.writeBytes(data);
    out.writeBytes(tail);
  }
}
