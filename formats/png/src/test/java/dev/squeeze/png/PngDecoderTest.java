package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Format;
import dev.squeeze.LimitExceededException;
import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The own decoder: agreement with ImageIO on the corpus, the spec where ImageIO strays, and hostile input. */
class PngDecoderTest {
  private static final OptimizerContext CONTEXT = new OptimizerContext(Limits.defaults(), Runnable::run);

  @TestFactory
  Stream<DynamicTest> decoderAgreesWithImageIoOnEveryCorpusPng() {
    return Corpus.files(Format.PNG).stream().map(f -> DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(),
        () -> {
          byte[] in = Corpus.read(f);
          // for an APNG both decode the default image (IDAT), which is what ImageIO reads
          PngParser.Parsed parsed = PngParser.parse(in, Limits.defaults());
          Pixels mine = Pixels.of(PngDecoder.decode(parsed).toBufferedImage());
          Pixels theirs = Pixels.of(ImageIO.read(f.toFile()));
          assertThat(mine.firstDifference(theirs)).as(f.toString()).isEqualTo(-1);
        }));
  }

  @Test
  void lowBitGreyKeyColourIsTransparentAsTheSpecificationSays() throws Exception {
    int[][] samples = {{0, 1, 2, 3}};
    byte[] png = TestPngs.build(4, 1, 2, PngHeader.GREY, false, samples, null, new byte[] {0, 2}, new Random(1));
    PixelImage img = PngDecoder.decode(PngParser.parse(png, Limits.defaults()));
    assertThat(img.argb).containsExactly(0xFF000000, 0xFF555555, 0, 0xFFFFFFFF);
  }

  @Test
  void badCrcIsCorrupt() throws Exception {
    byte[] png = smallPng();
    png[20] ^= 1; // inside IHDR's width
    assertThatThrownBy(() -> PngParser.parse(png, Limits.defaults())).isInstanceOf(CorruptInputException.class)
        .hasMessageContaining("CRC");
  }

  @Test
  void truncatedImageDataIsCorrupt() throws Exception {
    int[][] s = new int[64][64];
    Random r = new Random(7);
    for (int[] row : s) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextInt(256);
      }
    }
    byte[] png = TestPngs.build(64, 64, 8, PngHeader.GREY, false, s, null, null, new Random(2));
    // keep only the first IDAT chunk (of several) and IEND: the stream is cut short but every chunk is whole
    byte[] cut = rebuild(png, 1);
    assertThatThrownBy(() -> new PngOptimizer().optimize(cut, Options.lossless(), CONTEXT))
        .isInstanceOf(CorruptInputException.class).hasMessageContaining("truncated");
  }

  @Test
  void hugeDeclaredDimensionsFailBeforeAllocation() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    TestPngs.chunk(out, "IHDR", new PngHeader(100_000, 100_000, 8, PngHeader.RGBA, false).toBytes());
    TestPngs.chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1});
    TestPngs.chunk(out, "IEND", new byte[0]);
    byte[] png = out.toByteArray();
    assertThatThrownBy(() -> new PngOptimizer().optimize(png, Options.lossless(), CONTEXT))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void decompressionBombIsCorruptWithoutInflatingPastTheDeclaredSize() throws Exception {
    // 64 MiB of zeros deflate to ~64 KiB; IHDR declares a 16x16 grey image (272 bytes of image data)
    byte[] zeros = new byte[64 << 20];
    Deflater d = new Deflater(9);
    d.setInput(zeros);
    d.finish();
    byte[] buf = new byte[1 << 20];
    int n = 0;
    while (!d.finished()) {
      n += d.deflate(buf, n, buf.length - n);
    }
    d.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    TestPngs.chunk(out, "IHDR", new PngHeader(16, 16, 8, PngHeader.GREY, false).toBytes());
    TestPngs.chunk(out, "IDAT", Arrays.copyOf(buf, n));
    TestPngs.chunk(out, "IEND", new byte[0]);
    PngParser.Parsed parsed = PngParser.parse(out.toByteArray(), Limits.defaults());
    assertThatThrownBy(() -> PngDecoder.decode(parsed)).isInstanceOf(CorruptInputException.class)
        .hasMessageContaining("past");
  }

  @Test
  void bombClaimingMorePixelsThanAllowedFailsOnTheLimit() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngBytes.SIGNATURE);
    TestPngs.chunk(out, "IHDR", new PngHeader(4000, 4000, 8, PngHeader.GREY, false).toBytes());
    TestPngs.chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1});
    TestPngs.chunk(out, "IEND", new byte[0]);
    OptimizerContext small = new OptimizerContext(Limits.defaults().withMaxPixels(1_000_000), Runnable::run);
    assertThatThrownBy(() -> new PngOptimizer().optimize(out.toByteArray(), Options.lossless(), small))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void interlacedAnimatedPngComesBackUnchanged() throws Exception {
    byte[] still = TestPngs.build(3, 2, 8, PngHeader.RGB, true, new int[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9},
        {9, 8, 7, 6, 5, 4, 3, 2, 1}}, null, null, new Random(3));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(still, 0, 8 + 25); // signature and IHDR
    TestPngs.chunk(out, "acTL", new byte[] {0, 0, 0, 1, 0, 0, 0, 0});
    out.write(still, 33, still.length - 33);
    Optimized o = new PngOptimizer().optimize(out.toByteArray(), Options.lossless(), CONTEXT);
    assertThat(o.isUnchanged()).isTrue();
    assertThat(o.unchangedReason()).contains("animated");
  }

  @Test
  void everyBrokenCorpusFileGivesATypedError() {
    for (Path f : Corpus.broken()) {
      if (Corpus.sniff(f) != Format.PNG) {
        continue;
      }
      assertThatThrownBy(() -> new PngOptimizer().optimize(Corpus.read(f), Options.lossless(), CONTEXT))
          .as(f.toString()).isInstanceOf(dev.squeeze.SqueezeException.class);
    }
  }

  private static byte[] smallPng() {
    return TestPngs.build(3, 2, 8, PngHeader.RGB, false, new int[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9},
        {9, 8, 7, 6, 5, 4, 3, 2, 1}}, null, null, new Random(3));
  }

  /** The PNG with only its first {@code idats} IDAT chunks. */
  private static byte[] rebuild(byte[] png, int idats) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 8);
    int pos = 8;
    int seen = 0;
    while (pos < png.length) {
      int len = (int) PngBytes.u32(png, pos);
      String type = new String(png, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (!type.equals("IDAT") || seen++ < idats) {
        out.write(png, pos, len + 12);
      }
      pos += len + 12;
    }
    return out.toByteArray();
  }
}
