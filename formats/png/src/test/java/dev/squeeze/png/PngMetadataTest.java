package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import dev.squeeze.testing.Pixels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Chunks follow the metadata policy; resizing and the lossy option behave as documented. */
class PngMetadataTest {
  private static final OptimizerContext CONTEXT = new OptimizerContext(Limits.defaults(), Runnable::run);
  // big-endian TIFF: IFD0 with Make ("Squeeze" at offset 38) and Orientation 6 (rotate 90 clockwise)
  private static final byte[] EXIF = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 2,
      0x01, 0x0F, 0, 2, 0, 0, 0, 8, 0, 0, 0, 38,
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
      0, 0, 0, 0, 'S', 'q', 'u', 'e', 'e', 'z', 'e', 0};

  @Test
  void defaultPolicyKeepsColourAndOrientationOnly() throws Exception {
    List<PngChunk> out = chunksAfter(Options.lossless());
    assertThat(types(out)).containsExactly("gAMA", "cHRM", "eXIf");
    assertThat(Exif.orientation(out.get(2).data())).isEqualTo(6);
    assertThat(out.get(2).data()).hasSize(26);
  }

  @Test
  void stripAllDropsTextTimeAndExifButNotWhatChangesTheLook() throws Exception {
    List<PngChunk> out = chunksAfter(Options.lossless().withMetadata(MetadataPolicy.STRIP_ALL));
    // no sRGB chunk: gamma and chromaticities change the colours a viewer shows, and so does the rotation
    assertThat(types(out)).containsExactly("gAMA", "cHRM", "eXIf");
    assertThat(new String(out.get(2).data(), StandardCharsets.ISO_8859_1)).doesNotContain("Squeeze");
  }

  @Test
  void stripAllDropsColourChunksThatOnlyRestateSrgb() {
    PngChunk gamma = new PngChunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}, false); // 45455 = 1/2.2
    byte[] chrm = new byte[32];
    int[] srgb = {31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000};
    for (int i = 0; i < 8; i++) {
      PngBytes.put32(chrm, 4 * i, srgb[i]);
    }
    PngChunk chromaticities = new PngChunk("cHRM", chrm, false);
    assertThat(ChunkPolicy.select(List.of(gamma, chromaticities), MetadataPolicy.STRIP_ALL, false)).isEmpty();
    assertThat(ChunkPolicy.select(List.of(gamma, chromaticities), MetadataPolicy.KEEP_COLOR_AND_ORIENTATION, false))
        .containsExactly(gamma, chromaticities);
  }

  @Test
  void stripAllDropsEmbeddedSrgbProfilesButKeepsOthers() throws Exception {
    PngChunk gimpSrgb = iccp("png/screenshot_gnome_tool.png");
    PngChunk dotGainGrey = iccp("png/page_scan_grey.png");
    assertThat(ChunkPolicy.select(List.of(gimpSrgb), MetadataPolicy.STRIP_ALL, true)).isEmpty();
    assertThat(ChunkPolicy.select(List.of(dotGainGrey), MetadataPolicy.STRIP_ALL, true)).containsExactly(dotGainGrey);
    assertThat(ChunkPolicy.select(List.of(gimpSrgb), MetadataPolicy.KEEP_COLOR_AND_ORIENTATION, true))
        .containsExactly(gimpSrgb);
  }

  private static PngChunk iccp(String corpusFile) throws Exception {
    byte[] png = java.nio.file.Files.readAllBytes(dev.squeeze.testing.Corpus.file(corpusFile));
    return PngParser.parse(png, Limits.defaults()).ancillary().stream().filter(c -> c.type().equals("iCCP"))
        .findFirst().orElseThrow();
  }

  @Test
  void keepAllKeepsEverySafeChunk() throws Exception {
    List<PngChunk> out = chunksAfter(Options.lossless().withMetadata(MetadataPolicy.KEEP_ALL));
    assertThat(types(out)).containsExactlyInAnyOrder("gAMA", "cHRM", "pHYs", "eXIf", "tIME", "tEXt", "prVt");
    assertThat(out.stream().filter(c -> c.type().equals("eXIf")).findFirst().orElseThrow().data()).isEqualTo(EXIF);
  }

  @Test
  void maxWidthScalesDown() throws Exception {
    byte[] png = sample();
    Optimized o = new PngOptimizer().optimize(png, Options.lossless().withMaxWidth(20), CONTEXT);
    assertThat(o.dimensions().width()).isEqualTo(20);
    assertThat(o.dimensions().height()).isEqualTo(15);
    assertThat(ImageIO.read(new ByteArrayInputStream(o.data())).getWidth()).isEqualTo(20);
  }

  @Test
  void lossyBehavesAsLosslessForNow() throws Exception {
    byte[] png = sample();
    Optimized o = new PngOptimizer().optimize(png, Options.defaults(), CONTEXT);
    Pixels in = Pixels.of(ImageIO.read(new ByteArrayInputStream(png)));
    Pixels out = Pixels.of(ImageIO.read(new ByteArrayInputStream(o.data())));
    assertThat(in.firstDifference(out)).isEqualTo(-1);
  }

  private static List<PngChunk> chunksAfter(Options options) throws Exception {
    Optimized o = new PngOptimizer().optimize(sample(), options, CONTEXT);
    return PngParser.parse(o.data(), Limits.defaults()).ancillary();
  }

  private static List<String> types(List<PngChunk> chunks) {
    return chunks.stream().map(PngChunk::type).toList();
  }

  /** A 40x30 RGB image with colour, orientation, text, time, physical size, a private safe and an unsafe chunk. */
  private static byte[] sample() throws Exception {
    int[][] s = new int[30][40 * 3];
    Random r = new Random(5);
    for (int[] row : s) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextInt(256);
      }
    }
    byte[] base = TestPngs.build(40, 30, 8, PngHeader.RGB, false, s, null, null, new Random(6));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(base, 0, 33);
    TestPngs.chunk(out, "gAMA", new byte[] {0, 1, (byte) 0x86, (byte) 0xA0}); // gamma 1.0: not sRGB
    TestPngs.chunk(out, "cHRM", new byte[32]);
    TestPngs.chunk(out, "pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1});
    TestPngs.chunk(out, "eXIf", EXIF);
    TestPngs.chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 12, 4, 16, 0, 0});
    TestPngs.chunk(out, "prVt", new byte[] {1, 2, 3});
    TestPngs.chunk(out, "prVT", new byte[] {1, 2, 3});
    out.write(base, 33, base.length - 33 - 12);
    TestPngs.chunk(out, "tEXt", "Comment\0made by a test".getBytes(StandardCharsets.ISO_8859_1));
    out.write(base, base.length - 12, 12);
    return out.toByteArray();
  }
}
