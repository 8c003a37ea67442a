package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Limits;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which markers survive under each metadata policy. */
class MetadataPolicyTest {
  private final Squeeze squeeze = Squeeze.builder().providers(List.of(new JpegOptimizerProvider())).build();

  /** A full EXIF block: little-endian, orientation 6 plus a make tag that stripping drops. */
  private static byte[] exif() {
    return new byte[] {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 2, 0,
        0x0F, 0x01, 2, 0, 4, 0, 0, 0, 'A', 'c', 'm', 0,
        0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,
        0, 0, 0, 0};
  }

  private static byte[] icc() {
    byte[] p = new byte[200];
    byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(id, 0, p, 0, id.length);
    p[12] = 1;
    p[13] = 1;
    byte[] name = "Display P3 test".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(name, 0, p, 100, name.length);
    return p;
  }

  /** ycc420.jpg with EXIF, ICC, XMP and a comment inserted after its JFIF marker. */
  private static byte[] decorated() {
    byte[] base = Corpus.read(TestFiles.resource("/variants/ycc420.jpg"));
    int afterJfif = 2 + 2 + (((base[4] & 0xFF) << 8) | (base[5] & 0xFF));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(base, 0, afterJfif);
    segment(out, 0xE1, exif());
    segment(out, 0xE2, icc());
    segment(out, 0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes(StandardCharsets.ISO_8859_1));
    segment(out, 0xFE, "a comment".getBytes(StandardCharsets.ISO_8859_1));
    out.write(base, afterJfif, base.length - afterJfif);
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    JpegWriter.marker(out, marker, payload.length);
    out.writeBytes(payload);
  }

  private List<Segment> segmentsAfter(MetadataPolicy policy) throws Exception {
    Result r = squeeze.optimize(decorated(), Options.lossless().withMetadata(policy));
    assertThat(r.originalReturned()).isFalse();
    return JpegDecoder.decode(r.data(), Limits.defaults()).segments;
  }

  @Test
  void defaultKeepsIccJfifAndOnlyTheOrientationOfExif() throws Exception {
    List<Segment> s = segmentsAfter(MetadataPolicy.KEEP_COLOR_AND_ORIENTATION);
    assertThat(s).extracting(Segment::marker).containsExactly(0xE0, 0xE1, 0xE2);
    assertThat(s.get(0).payload()).hasSize(14);
    assertThat(MetadataFilter.orientation(s.get(1).payload())).isEqualTo(6);
    assertThat(s.get(1).payload()).hasSize(32);
    assertThat(s.get(2).payload()).isEqualTo(icc());
  }

  @Test
  void keepAllKeepsEverySegmentInOrder() throws Exception {
    List<Segment> s = segmentsAfter(MetadataPolicy.KEEP_ALL);
    assertThat(s).extracting(Segment::marker).containsExactly(0xE0, 0xE1, 0xE2, 0xE1, 0xFE);
    assertThat(s.get(1).payload()).isEqualTo(exif());
  }

  @Test
  void stripAllStillKeepsWhatDecidesThePixels() throws Exception {
    // orientation cannot be applied losslessly here, and the profile is not sRGB: both stay
    List<Segment> s = segmentsAfter(MetadataPolicy.STRIP_ALL);
    assertThat(s).extracting(Segment::marker).containsExactly(0xE0, 0xE1, 0xE2);
  }

  @Test
  void adobeMarkerIsKeptWhereItDecidesTheColourTransform() throws Exception {
    for (String name : new String[] {"cmyk.jpg", "rgb.jpg"}) {
      byte[] in = Corpus.read(TestFiles.resource("/variants/" + name));
      Result r = squeeze.optimize(in, Options.lossless().withMetadata(MetadataPolicy.STRIP_ALL));
      List<Segment> s = JpegDecoder.decode(r.data(), Limits.defaults()).segments;
      assertThat(s).as(name).anyMatch(x -> x.isApp(14, "Adobe"));
    }
  }
}
