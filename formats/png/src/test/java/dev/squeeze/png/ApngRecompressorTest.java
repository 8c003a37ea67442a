package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import dev.squeeze.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Animated PNG keeps every frame: same frame control, same unfiltered rows in every frame, smaller data. */
class ApngRecompressorTest {
  private static final OptimizerContext CONTEXT = new OptimizerContext(Limits.defaults(), Runnable::run);

  @Test
  void corpusAnimationKeepsEveryFrameAndShrinks() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/spinner_apng.png"));
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    assertThat(o.isUnchanged()).isFalse();
    assertThat(o.data().length).isLessThan(in.length);
    assertSameAnimation(in, o.data());
  }

  @Test
  void framesSplitOverSeveralChunksAreJoinedAndRenumbered() throws Exception {
    Random rnd = new Random(11);
    int w = 24;
    int h = 16;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    TestPngs.chunk(out, "IHDR", new PngHeader(w, h, 8, PngHeader.RGBA, false).toBytes());
    TestPngs.chunk(out, "acTL", new byte[] {0, 0, 0, 3, 0, 0, 0, 0});
    int seq = 0;
    for (int f = 0; f < 3; f++) {
      int fw = f == 0 ? w : 8 + f;
      int fh = f == 0 ? h : 5 + f;
      byte[] fctl = new byte[26];
      PngBytes.put32(fctl, 0, seq++);
      PngBytes.put32(fctl, 4, fw);
      PngBytes.put32(fctl, 8, fh);
      PngBytes.put32(fctl, 12, f);
      PngBytes.put32(fctl, 16, f);
      fctl[21] = 10;
      TestPngs.chunk(out, "fcTL", fctl);
      byte[] zlib = frameData(fw, fh, rnd);
      if (f == 0) {
        TestPngs.chunk(out, "IDAT", zlib);
      } else {
        // two fdAT chunks for one frame
        int half = zlib.length / 2;
        for (byte[] part : new byte[][] {Arrays.copyOfRange(zlib, 0, half), Arrays.copyOfRange(zlib, half, zlib.length)}) {
          byte[] d = new byte[4 + part.length];
          PngBytes.put32(d, 0, seq++);
          System.arraycopy(part, 0, d, 4, part.length);
          TestPngs.chunk(out, "fdAT", d);
        }
      }
    }
    TestPngs.chunk(out, "IEND", new byte[0]);
    byte[] in = out.toByteArray();
    PngHeader header = PngParser.parse(in, Limits.defaults()).header();
    ApngRecompressor.Result r = ApngRecompressor.recompress(in, header, Options.lossless().metadata(), Limits.defaults(),
        Options.lossless().effort(), Runnable::run);
    assertThat(r.frames()).isEqualTo(3);
    assertSameAnimation(in, r.png());
    assertThat(sequence(r.png())).containsExactly(0, 1, 2, 3, 4);
    // the optimizer writes these three-colour frames with one exact palette (ApngExactPaletteTest checks the
    // pixels): its fdAT runs become one chunk each too
    Optimized o = new PngOptimizer().optimize(in, Options.lossless(), CONTEXT);
    assertThat(o.dimensions().frames()).isEqualTo(3);
    assertThat(sequence(o.data())).containsExactly(0, 1, 2, 3, 4);
  }

  /** The sequence numbers of the fcTL and fdAT chunks in file order. */
  private static List<Integer> sequence(byte[] png) {
    List<Integer> sequence = new ArrayList<>();
    for (String[] c : chunkList(png)) {
      if (c[0].equals("fcTL") || c[0].equals("fdAT")) {
        sequence.add((int) PngBytes.u32(c[1].getBytes(StandardCharsets.ISO_8859_1), 0));
      }
    }
    return sequence;
  }

  /** A frame of random few-colour RGBA rows, unfiltered, deflated at level 1. */
  private static byte[] frameData(int w, int h, Random rnd) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int y = 0; y < h; y++) {
      raw.write(0);
      for (int x = 0; x < w; x++) {
        int c = rnd.nextInt(3) * 100;
        raw.writeBytes(new byte[] {(byte) c, (byte) (c / 2), 7, (byte) (x < 3 ? 0 : 255)});
      }
    }
    java.util.zip.Deflater d = new java.util.zip.Deflater(1);
    d.setInput(raw.toByteArray());
    d.finish();
    byte[] buf = new byte[raw.size() * 2 + 64];
    int n = 0;
    while (!d.finished()) {
      n += d.deflate(buf, n, buf.length - n);
    }
    d.end();
    return Arrays.copyOf(buf, n);
  }

  /** Same IHDR, PLTE, tRNS, acTL and fcTL contents (but sequence numbers) and the same unfiltered rows per frame. */
  private static void assertSameAnimation(byte[] a, byte[] b) throws Exception {
    assertThat(control(b)).isEqualTo(control(a));
    List<byte[]> fa = frames(a);
    List<byte[]> fb = frames(b);
    assertThat(fb).hasSameSizeAs(fa);
    for (int i = 0; i < fa.size(); i++) {
      assertThat(fb.get(i)).as("frame " + i).isEqualTo(fa.get(i));
    }
  }

  private static List<String> control(byte[] png) {
    List<String> out = new ArrayList<>();
    for (String[] c : chunkList(png)) {
      switch (c[0]) {
        case "IHDR", "PLTE", "tRNS", "acTL" -> out.add(c[0] + c[1]);
        case "fcTL" -> out.add(c[0] + c[1].substring(4));
        default -> { }
      }
    }
    return out;
  }

  /** Each frame's unfiltered rows (filter bytes zeroed), from the IDAT run and each fdAT run. */
  private static List<byte[]> frames(byte[] png) throws Exception {
    List<String[]> chunks = chunkList(png);
    PngHeader h = PngHeader.parse(chunks.get(0)[1].getBytes(StandardCharsets.ISO_8859_1));
    List<byte[]> out = new ArrayList<>();
    int w = h.width();
    int ht = h.height();
    for (int i = 0; i < chunks.size(); i++) {
      String type = chunks.get(i)[0];
      if (type.equals("fcTL")) {
        byte[] d = chunks.get(i)[1].getBytes(StandardCharsets.ISO_8859_1);
        w = (int) PngBytes.u32(d, 4);
        ht = (int) PngBytes.u32(d, 8);
      }
      if (type.equals("IDAT") || type.equals("fdAT")) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        int j = i;
        for (; j < chunks.size() && chunks.get(j)[0].equals(type); j++) {
          byte[] d = chunks.get(j)[1].getBytes(StandardCharsets.ISO_8859_1);
          int skip = type.equals("fdAT") ? 4 : 0;
          z.write(d, skip, d.length - skip);
        }
        i = j - 1;
        int iw = type.equals("IDAT") ? h.width() : w;
        int ih = type.equals("IDAT") ? h.height() : ht;
        int stride = (int) PngHeader.rowBytes(iw, h.bitsPerPixel());
        byte[] raw = new byte[ih * (stride + 1)];
        Inflater inf = new Inflater();
        inf.setInput(z.toByteArray());
        assertThat(inf.inflate(raw)).isEqualTo(raw.length);
        inf.end();
        PngDecoder.unfilter(raw, 0, ih, stride, Math.max(1, h.bitsPerPixel() / 8));
        for (int y = 0; y < ih; y++) {
          raw[y * (stride + 1)] = 0;
        }
        out.add(raw);
      }
    }
    return out;
  }

  /** [type, data as ISO-8859-1] of every chunk. */
  private static List<String[]> chunkList(byte[] png) {
    List<String[]> out = new ArrayList<>();
    int pos = 8;
    while (pos + 12 <= png.length) {
      int len = (int) PngBytes.u32(png, pos);
      out.add(new String[] {new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1),
          new String(png, pos + 8, len, StandardCharsets.ISO_8859_1)});
      pos += 12 + len;
    }
    return out;
  }
}
