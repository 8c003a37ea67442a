package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Effort;
import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import dev.squeeze.testing.Pixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;

/**
 * Random images of every colour type, bit depth and interlace, written by an independent test writer and by
 * the JDK's ImageIO writer: the own decoder agrees with ImageIO, and optimized output keeps every pixel.
 */
class PngRoundTripPropertyTest {
  // 300 cases: every (colour type, depth, interlace) combination of the 15 valid pairs x 2 is hit ~10 times
  private static final int CASES = 300;
  private static final int[][] TYPES_DEPTHS = {
      {0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1}, {3, 2}, {3, 4}, {3, 8}, {4, 8}, {4, 16},
      {6, 8}, {6, 16}};

  private static final OptimizerContext CONTEXT = new OptimizerContext(Limits.defaults(), Runnable::run);

  @Test
  void everyColourTypeAndDepthRoundTripsPixelIdentically() throws Exception {
    long seed = Long.getLong("png.seed", System.nanoTime());
    System.out.println("PngRoundTripPropertyTest seed " + seed + " (rerun with -Dpng.seed=" + seed + ")");
    Random rnd = new Random(seed);
    for (int n = 0; n < CASES; n++) {
      int[] td = TYPES_DEPTHS[rnd.nextInt(TYPES_DEPTHS.length)];
      byte[] png = randomPng(rnd, td[0], td[1]);
      String what = "case " + n + " of seed " + seed + " type " + td[0] + " depth " + td[1];
      checkRoundTrip(png, what, effortIndex(rnd));
    }
  }

  @Test
  void imagesWrittenByImageIoRoundTrip() throws Exception {
    long seed = Long.getLong("png.seed", System.nanoTime());
    System.out.println("imagesWrittenByImageIoRoundTrip seed " + seed);
    Random rnd = new Random(seed);
    int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
        BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED};
    for (int n = 0; n < 60; n++) {
      int type = types[n % types.length];
      int w = 1 + rnd.nextInt(48);
      int h = 1 + rnd.nextInt(48);
      BufferedImage img = new BufferedImage(w, h, type);
      int colours = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 400);
      int[] pal = new int[colours];
      for (int i = 0; i < colours; i++) {
        pal[i] = rnd.nextInt();
      }
      var raster = img.getRaster();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (type == BufferedImage.TYPE_USHORT_GRAY || type == BufferedImage.TYPE_BYTE_GRAY) {
            int v = pal[(x / 3 + y) % colours] & (type == BufferedImage.TYPE_USHORT_GRAY ? 0xFFFF : 0xFF);
            raster.setSample(x, y, 0, v);
          } else {
            img.setRGB(x, y, pal[(x / 3 + y) % colours]);
          }
        }
      }
      boolean interlace = rnd.nextBoolean();
      byte[] png = writeWithImageIo(img, interlace);
      checkRoundTrip(png, "ImageIO case " + n + " of seed " + seed + " type " + type + " interlaced " + interlace,
          effortIndex(rnd));
    }
  }

  /** FAST or DEFAULT mostly; MAXIMUM (zopfli, brute-force filters: slow) in one case of eight. */
  private static int effortIndex(Random rnd) {
    return rnd.nextInt(8) == 0 ? Effort.MAXIMUM.ordinal() : rnd.nextInt(2);
  }

  private static void checkRoundTrip(byte[] png, String what, int effortIndex) throws Exception {
    PngParser.Parsed parsed = PngParser.parse(png, Limits.defaults());
    PixelImage mine = PngDecoder.decode(parsed);
    Pixels expected = Pixels.of(mine.toBufferedImage());
    // the JDK reader ignores tRNS on 1/2/4-bit grey (a JDK bug: the PNG specification applies it at every
    // depth, as browsers and libpng do); there the own decoder is the reference, pinned by PngDecoderTest
    boolean jdkIgnoresTrns = parsed.header().colorType() == PngHeader.GREY && parsed.header().bitDepth() < 8
        && parsed.transparency() != null;
    if (!jdkIgnoresTrns) {
      assertSame(Pixels.of(ImageIO.read(new ByteArrayInputStream(png))), expected, "ImageIO vs own decoder, " + what);
    }
    Effort effort = Effort.values()[effortIndex];
    Optimized out = new PngOptimizer().optimize(png, Options.lossless().withEffort(effort), CONTEXT);
    PngParser.Parsed outParsed = PngParser.parse(out.data(), Limits.defaults());
    if (!(outParsed.header().colorType() == PngHeader.GREY && outParsed.header().bitDepth() < 8
        && outParsed.transparency() != null)) {
      assertSame(expected, Pixels.of(ImageIO.read(new ByteArrayInputStream(out.data()))),
          "optimized (" + effort + ", " + out.steps() + ") read by ImageIO vs input, " + what);
    }
    PixelImage again = PngDecoder.decode(PngParser.parse(out.data(), Limits.defaults()));
    assertSame(expected, Pixels.of(again.toBufferedImage()), "own decoder on optimized, " + what);
  }

  private static void assertSame(Pixels a, Pixels b, String what) {
    int d = a.firstDifference(b);
    assertThat(d).as(() -> what + ": differs at " + (d >= 0 && a.width() == b.width() && a.height() == b.height()
        ? a.describe(d) + " vs " + b.describe(d) : "size")).isEqualTo(-1);
  }

  static byte[] randomPng(Random rnd, int type, int depth) {
    int w = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 300 : 40);
    int h = 1 + rnd.nextInt(40);
    int channels = PngHeader.channels(type);
    int max = (1 << depth) - 1;
    // a small alphabet of sample values makes the reductions (palette, grey, narrower depth) reachable
    int alphabet = rnd.nextBoolean() ? 1 + rnd.nextInt(6) : max + 1;
    int[] values = new int[alphabet];
    for (int i = 0; i < alphabet; i++) {
      values[i] = alphabet == max + 1 ? i : rnd.nextInt(max + 1);
    }
    boolean greyish = rnd.nextBoolean();
    boolean opaqueAlpha = rnd.nextBoolean();
    boolean doubled16 = depth == 16 && rnd.nextBoolean();
    int paletteSize = type == 3 ? 1 + rnd.nextInt(1 << depth) : 0;
    int[][] s = new int[h][w * channels];
    for (int y = 0; y < h; y++) {
      int[] prev = null;
      for (int x = 0; x < w; x++) {
        int[] px = new int[channels];
        for (int c = 0; c < channels; c++) {
          px[c] = type == 3 ? rnd.nextInt(paletteSize) : values[rnd.nextInt(alphabet)];
          if (doubled16) {
            px[c] = (px[c] & 0xFF) * 257;
          }
        }
        if (greyish && channels >= 3) {
          px[1] = px[2] = px[0];
        }
        if (opaqueAlpha && (channels == 2 || channels == 4)) {
          px[channels - 1] = max;
        }
        if (prev != null && rnd.nextInt(3) == 0) {
          px = prev;
        }
        System.arraycopy(px, 0, s[y], x * channels, channels);
        prev = px;
      }
    }
    byte[] plte = null;
    byte[] trns = null;
    if (type == 3) {
      plte = new byte[3 * paletteSize];
      rnd.nextBytes(plte);
      if (rnd.nextBoolean()) {
        trns = new byte[1 + rnd.nextInt(paletteSize)];
        for (int i = 0; i < trns.length; i++) {
          trns[i] = (byte) (rnd.nextBoolean() ? 255 : rnd.nextBoolean() ? 0 : rnd.nextInt(256));
        }
      }
    } else if ((type == 0 || type == 2) && rnd.nextBoolean()) {
      int[] key = s[rnd.nextInt(h)];
      int at = rnd.nextInt(w) * channels;
      trns = new byte[2 * channels];
      for (int c = 0; c < channels; c++) {
        trns[2 * c] = (byte) (key[at + c] >> 8);
        trns[2 * c + 1] = (byte) key[at + c];
      }
    }
    return TestPngs.build(w, h, depth, type, rnd.nextInt(3) == 0, s, plte, trns, rnd);
  }

  private static byte[] writeWithImageIo(BufferedImage img, boolean interlace) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setProgressiveMode(interlace ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        writer.write(null, new IIOImage(img, null, null), p);
      }
      return out.toByteArray();
    } finally {
      writer.dispose();
    }
  }

  @Test
  void encodeIndexedKeepsEveryPixelOfRandomPalettes() throws Exception {
    long seed = Long.getLong("png.seed", System.nanoTime());
    System.out.println("encodeIndexedKeepsEveryPixelOfRandomPalettes seed " + seed);
    Random rnd = new Random(seed);
    for (int n = 0; n < 40; n++) {
      int w = 1 + rnd.nextInt(60);
      int h = 1 + rnd.nextInt(60);
      int[] palette = new int[1 + rnd.nextInt(256)];
      for (int i = 0; i < palette.length; i++) {
        // duplicates, fully transparent entries with different colours, translucent and opaque ones
        palette[i] = switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextInt() & 0x00FFFFFF;
          case 1 -> i > 0 ? palette[rnd.nextInt(i)] : 0xFF000000;
          case 2 -> rnd.nextInt();
          default -> 0xFF000000 | rnd.nextInt();
        };
      }
      byte[] indices = new byte[w * h];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = (byte) (rnd.nextInt(3) == 0 && i > 0 ? indices[i - 1] : rnd.nextInt(palette.length));
      }
      List<PngChunk> chunks = List.of(new PngChunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}, false));
      byte[] png = PngEncoder.encodeIndexed(w, h, palette, indices, chunks, Effort.values()[effortIndex(rnd)]);
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
      BufferedImage expected = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      for (int i = 0; i < indices.length; i++) {
        expected.setRGB(i % w, i / w, palette[indices[i] & 0xFF]);
      }
      assertSame(Pixels.of(expected), Pixels.of(back), "encodeIndexed case " + n + " of seed " + seed);
      assertThat(PngParser.parse(png, Limits.defaults()).ancillary()).containsExactlyElementsOf(chunks);
    }
  }

  @Test
  void encodeIndexedRejectsIndicesOutsideThePalette() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PngEncoder.encodeIndexed(2, 1,
        new int[] {0xFF000000}, new byte[] {0, 1}, List.of(), Effort.FAST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
  }
}
