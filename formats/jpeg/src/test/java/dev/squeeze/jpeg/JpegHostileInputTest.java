package dev.squeeze.jpeg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.squeeze.CorruptInputException;
import dev.squeeze.LimitExceededException;
import dev.squeeze.Options;
import dev.squeeze.Squeeze;
import dev.squeeze.SqueezeException;
import dev.squeeze.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile JPEGs fail fast with typed errors: never an OutOfMemoryError, an unchecked exception or a hang. */
class JpegHostileInputTest {
  /** Generous for a 2-core CI machine; each case here takes milliseconds. */
  private static final Duration QUICKLY = Duration.ofSeconds(5);

  private final Squeeze squeeze = Squeeze.builder().providers(List.of(new JpegOptimizerProvider())).build();

  private static byte[] sample(String name) {
    return Corpus.read(TestFiles.resource("/variants/" + name)).clone();
  }

  private void assertFails(byte[] in, Class<? extends SqueezeException> type) {
    assertTimeoutPreemptively(QUICKLY, () ->
        assertThatThrownBy(() -> squeeze.optimize(in, Options.lossless())).isInstanceOf(type)
            .hasMessageNotContaining("Exception"));
  }

  @Test
  void tinyFileDeclaringHugeDimensionsIsRejectedBeforeAllocation() {
    byte[] in = sample("ycc420.jpg");
    int sof = JpegTranscodeTest.find(in, 0xC0);
    in[sof + 5] = (byte) 0xFF; // height 65535
    in[sof + 6] = (byte) 0xFF;
    in[sof + 7] = (byte) 0xFF; // width 65535
    in[sof + 8] = (byte) 0xFF;
    assertFails(in, LimitExceededException.class);
  }

  @Test
  void scanTruncatedInTheMiddleIsCorrupt() {
    for (String name : new String[] {"ycc420.jpg", "progressive420.jpg", "restart-rows.jpg", "progressive-restart.jpg"}) {
      byte[] whole = sample(name);
      int sos = JpegTranscodeTest.find(whole, 0xDA);
      byte[] in = Arrays.copyOf(whole, sos + 20 + (whole.length - sos) / 3);
      if (name.startsWith("progressive")) {
        // a progressive file cut inside its first scan: decoders would show nothing useful
        in = Arrays.copyOf(whole, sos + 20);
      }
      assertFails(in, CorruptInputException.class);
    }
  }

  @Test
  void invalidHuffmanTableIsCorrupt() {
    byte[] in = sample("ycc420.jpg");
    int dht = JpegTranscodeTest.find(in, 0xC4);
    // claim 255 codes of length 1: more than the code space holds
    in[dht + 5] = (byte) 0xFF;
    assertFails(in, CorruptInputException.class);
  }

  @Test
  void codesOutsideTheHuffmanTableAreCorrupt() {
    byte[] in = sample("ycc420.jpg");
    int sos = JpegTranscodeTest.find(in, 0xDA);
    int data = sos + 2 + (((in[sos + 2] & 0xFF) << 8) | (in[sos + 3] & 0xFF));
    // all-ones bits never form a valid code (the all-ones code is reserved)
    for (int i = data; i < in.length - 2; i += 2) {
      in[i] = (byte) 0xFF;
      in[i + 1] = 0;
    }
    assertFails(in, CorruptInputException.class);
  }

  @Test
  void endlessMarkerSegmentsWithoutAFrameAreCorrupt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    for (int i = 0; i < 100_000; i++) {
      out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 2});
    }
    assertFails(out.toByteArray(), CorruptInputException.class);
  }

  @Test
  void segmentLengthPastTheEndIsCorrupt() {
    byte[] in = sample("ycc420.jpg");
    int dqt = JpegTranscodeTest.find(in, 0xDB);
    in[dqt + 2] = (byte) 0x7F;
    assertFails(in, CorruptInputException.class);
  }

  @Test
  void scanBeforeFrameAndUndefinedTablesAreCorrupt() {
    byte[] in = sample("ycc420.jpg");
    int sof = JpegTranscodeTest.find(in, 0xC0);
    in[sof + 1] = (byte) 0xFE; // the frame header becomes a comment
    assertFails(in, CorruptInputException.class);

    byte[] noTables = sample("ycc420.jpg");
    int dht = JpegTranscodeTest.find(noTables, 0xC4);
    noTables[dht + 1] = (byte) 0xFE;
    assertFails(noTables, CorruptInputException.class);
  }

  @Test
  void bareStartOfImageIsCorrupt() {
    assertFails(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, CorruptInputException.class);
  }
}
