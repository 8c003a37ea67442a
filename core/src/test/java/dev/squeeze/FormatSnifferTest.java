package dev.squeeze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.testing.Corpus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {
  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  @Test
  void recognisesEachSignature() {
    assertThat(FormatSniffer.sniff(b(0xFF, 0xD8, 0xFF, 0xDB))).isEqualTo(Format.JPEG);
    assertThat(FormatSniffer.sniff(b(0x89, 'P', 'N', 'G', 13, 10, 26, 10))).isEqualTo(Format.PNG);
    assertThat(FormatSniffer.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.GIF);
    assertThat(FormatSniffer.sniff("GIF87a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.GIF);
    assertThat(FormatSniffer.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.WEBP);
    assertThat(FormatSniffer.sniff(b('I', 'I', 42, 0, 8, 0, 0, 0))).isEqualTo(Format.TIFF);
    assertThat(FormatSniffer.sniff(b('M', 'M', 0, 42, 0, 0, 0, 8))).isEqualTo(Format.TIFF);
    assertThat(FormatSniffer.sniff(b('B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).isEqualTo(Format.BMP);
    assertThat(FormatSniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.PDF);
  }

  @Test
  void pdfHeaderMayFollowLeadingJunk() {
    assertThat(FormatSniffer.sniff("\r\n  garbage %PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.PDF);
  }

  @Test
  void nearMissesAreUnknown() {
    assertThat(FormatSniffer.sniff(new byte[0])).isEqualTo(Format.UNKNOWN);
    assertThat(FormatSniffer.sniff(b(0xFF, 0xD8))).isEqualTo(Format.UNKNOWN);
    assertThat(FormatSniffer.sniff(b(0x89, 'P', 'N', 'G', 13, 10, 26))).isEqualTo(Format.UNKNOWN);
    assertThat(FormatSniffer.sniff("GIF90a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.UNKNOWN);
    assertThat(FormatSniffer.sniff("hello world".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Format.UNKNOWN);
  }

  @Test
  void everyCorpusFileSniffsAsItsFolderSays() {
    for (Format f : new Format[] {Format.JPEG, Format.PNG, Format.GIF, Format.PDF}) {
      assertThat(Corpus.files(f)).as(f.toString()).isNotEmpty().allSatisfy(p ->
          assertThat(p.getParent().getFileName().toString()).isEqualTo(f.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void stillPngIsNotAnimated() {
    assertThat(FormatSniffer.isAnimatedPng(Corpus.read(Corpus.files(Format.PNG).get(0)))).isFalse();
  }
}
