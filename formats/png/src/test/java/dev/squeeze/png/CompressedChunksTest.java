package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class CompressedChunksTest {
  private static final DeflateCompressor NINE = new JdkDeflateCompressor(9, Deflater.DEFAULT_STRATEGY);

  private static byte[] zlib(byte[] plain, int level) {
    return TestPngs.zlib(plain, level);
  }


  private static byte[] inflate(byte[] d, int at) throws Exception {
    Inflater inf = new Inflater();
    inf.setInput(d, at, d.length - at);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!inf.finished()) {
      out.write(buf, 0, inf.inflate(buf));
    }
    inf.end();
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] text(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < n; i++) {
      sb.append("profile entry ").append(i % 97).append(' ').append(i * 7919 % 1000).append('\n');
    }
    return sb.substring(0, n).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void iccpAndZtxtAreRedeflatedToTheSameContentInFewerBytes() throws Exception {
    byte[] plain = text(20_000);
    byte[] head = "ICC profile\0\0".getBytes(StandardCharsets.ISO_8859_1);
    for (String type : List.of("iCCP", "zTXt")) {
      PngChunk weak = new PngChunk(type, concat(head, zlib(plain, 1)), false);
      PngChunk out = CompressedChunks.recompress(weak, NINE);
      assertThat(out.data().length).as(type).isLessThan(weak.data().length);
      assertThat(java.util.Arrays.copyOf(out.data(), head.length)).isEqualTo(head);
      assertThat(inflate(out.data(), head.length)).as(type).isEqualTo(plain);
      assertThat(out.afterImageData()).isEqualTo(weak.afterImageData());
    }
  }

  @Test
  void compressedItxtKeepsItsFieldsAndText() throws Exception {
    byte[] plain = text(10_000);
    byte[] head = "Comment\0\1\0en\0Kommentar\0".getBytes(StandardCharsets.ISO_8859_1);
    PngChunk weak = new PngChunk("iTXt", concat(head, zlib(plain, 1)), true);
    PngChunk out = CompressedChunks.recompress(weak, NINE);
    assertThat(out.data().length).isLessThan(weak.data().length);
    assertThat(java.util.Arrays.copyOf(out.data(), head.length)).isEqualTo(head);
    assertThat(inflate(out.data(), head.length)).isEqualTo(plain);
    // an uncompressed iTXt (flag 0) has no stream to touch
    PngChunk uncompressed = new PngChunk("iTXt", concat("Comment\0\0\0en\0\0".getBytes(StandardCharsets.ISO_8859_1),
        plain), false);
    assertThat(CompressedChunks.recompress(uncompressed, NINE)).isSameAs(uncompressed);
  }

  @Test
  void corruptTruncatedOrBombStreamsLeaveTheChunkAsItWas() {
    byte[] head = "ICC profile\0\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] good = zlib(text(5_000), 1);
    PngChunk truncated = new PngChunk("iCCP", concat(head, java.util.Arrays.copyOf(good, good.length / 2)), false);
    byte[] garbage = good.clone();
    garbage[10] ^= 0x55;
    garbage[11] ^= 0x33;
    PngChunk corrupt = new PngChunk("iCCP", concat(head, garbage), false);
    PngChunk bomb = new PngChunk("iCCP", concat(head, zlib(new byte[CompressedChunks.MAX_INFLATED + 1], 9)), false);
    PngChunk trailing = new PngChunk("iCCP", concat(head, good, new byte[] {1, 2, 3}), false);
    PngChunk noMethod = new PngChunk("iCCP", "no terminator here".getBytes(StandardCharsets.ISO_8859_1), false);
    for (PngChunk c : List.of(truncated, corrupt, bomb, trailing, noMethod)) {
      assertThat(CompressedChunks.recompress(c, NINE)).as(c.toString()).isSameAs(c);
    }
  }

  @Test
  void otherChunksAndAlreadyTightStreamsAreUntouched() {
    PngChunk gamma = new PngChunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}, false);
    assertThat(CompressedChunks.recompress(gamma, NINE)).isSameAs(gamma);
    byte[] head = "ICC profile\0\0".getBytes(StandardCharsets.ISO_8859_1);
    PngChunk tight = new PngChunk("iCCP", concat(head, zlib(text(3_000), 9)), false);
    assertThat(CompressedChunks.recompress(tight, NINE)).isSameAs(tight);
  }
}
