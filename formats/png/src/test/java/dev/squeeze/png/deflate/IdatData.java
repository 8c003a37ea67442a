package dev.squeeze.png.deflate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Test helper: the decompressed IDAT data (filtered scanlines) of a PNG file. */
final class IdatData {
  private IdatData() {}

  static byte[] of(byte[] png) {
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    while (b.remaining() >= 12) {
      int len = b.getInt();
      int type = b.getInt();
      if (type == 0x49444154) { // "IDAT"
        idat.write(png, b.position(), len);
      }
      b.position(b.position() + len + 4);
    }
    return inflate(idat.toByteArray());
  }

  static byte[] inflate(byte[] zlib) {
    return inflate(zlib, false);
  }

  static byte[] inflate(byte[] data, boolean raw) {
    Inflater inf = new Inflater(raw);
    try {
      inf.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
          throw new IllegalStateException("truncated deflate stream");
        }
        out.write(buf, 0, n);
      }
      if (inf.getRemaining() != 0) {
        throw new IllegalStateException(inf.getRemaining() + " bytes after the end of the deflate stream");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException(e);
    } finally {
      inf.end();
    }
  }
}
