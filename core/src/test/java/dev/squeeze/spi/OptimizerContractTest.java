package dev.squeeze.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.squeeze.Format;
import dev.squeeze.LimitExceededException;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.SqueezeException;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every format's optimizer keeps, run over the shared corpus. A format module's test extends
 * this and supplies its provider; it may narrow the files or supply its own frame decoder.
 */
public abstract class OptimizerContractTest {
  /** Hostile inputs must fail or finish within this; generous for the 2-core CI machine. */
  private static final Duration HOSTILE_TIMEOUT = Duration.ofSeconds(20);
  /** A second pass may shave a little more; more than this means the first pass left easy savings. */
  private static final double SECOND_PASS_MAX_GAIN = 0.01;

  private volatile Squeeze squeeze;

  /** The provider under test. */
  protected abstract OptimizerProvider provider();

  /** Valid files to run the contract over: by default every corpus file of the provider's formats. */
  protected List<Path> validFiles() {
    return Corpus.files(provider().formats().toArray(new Format[0]));
  }

  /** Options under which output must be pixel-identical. */
  protected List<Options> losslessOptions() {
    return List.of(Options.lossless());
  }

  /** Options run for the never-larger and second-pass properties (lossless ones included). */
  protected List<Options> allOptions() {
    List<Options> all = new ArrayList<>(losslessOptions());
    all.add(Options.defaults());
    return all;
  }

  /**
   * Every frame or page of {@code data} decoded to canonical pixels, by an independent decoder (ImageIO with
   * TwelveMonkeys by default). Formats whose frames compose (GIF, APNG) override this to composite.
   */
  protected List<Pixels> decodeFrames(byte[] data) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no ImageIO reader for this content");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int n = reader.getNumImages(true);
        List<Pixels> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          frames.add(Pixels.of(reader.read(i)));
        }
        return frames;
      } finally {
        reader.dispose();
      }
    }
  }

  protected final Squeeze squeeze() {
    Squeeze s = squeeze;
    if (s == null) {
      squeeze = s = Squeeze.builder().providers(List.of(provider())).build();
    }
    return s;
  }

  @TestFactory
  Stream<DynamicTest> losslessOutputKeepsEveryPixelOfEveryFrame() {
    assertThat(validFiles()).as("corpus files for " + provider().name()).isNotEmpty();
    return validFiles().stream().flatMap(f -> losslessOptions().stream().map(o ->
        DynamicTest.dynamicTest(Corpus.root().relativize(f) + " " + o, () -> {
          byte[] in = Corpus.read(f);
          Result r = squeeze().optimize(in, o);
          assertSamePixels(in, r.data(), f + " " + r);
        })));
  }

  @TestFactory
  Stream<DynamicTest> outputIsNeverLargerThanInput() {
    return validFiles().stream().flatMap(f -> allOptions().stream().map(o ->
        DynamicTest.dynamicTest(Corpus.root().relativize(f) + " " + o, () -> {
          byte[] in = Corpus.read(f);
          Result r = squeeze().optimize(in, o);
          assertThat(r.size()).as(f + " " + r).isLessThanOrEqualTo(in.length);
          assertThat(r.originalSize()).isEqualTo(in.length);
          if (r.originalReturned()) {
            assertThat(r.data()).isEqualTo(in);
          }
        })));
  }

  @TestFactory
  Stream<DynamicTest> aSecondLosslessPassFindsLittleMore() {
    return validFiles().stream().flatMap(f -> losslessOptions().stream().map(o ->
        DynamicTest.dynamicTest(Corpus.root().relativize(f) + " " + o, () -> {
          Result first = squeeze().optimize(Corpus.read(f), o);
          Result second = squeeze().optimize(first.data(), o);
          assertThat(second.size()).as("second pass of " + f).isGreaterThanOrEqualTo(
              (long) Math.floor(first.size() * (1 - SECOND_PASS_MAX_GAIN)));
        })));
  }

  @TestFactory
  Stream<DynamicTest> hostileFilesGiveTypedErrors() {
    List<Format> mine = new ArrayList<>(provider().formats());
    return Corpus.broken().stream().filter(f -> mine.contains(Corpus.sniff(f))).map(f ->
        DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(), () -> {
          byte[] in = Corpus.read(f);
          boolean huge = f.getFileName().toString().contains("huge");
          assertTimeoutPreemptively(HOSTILE_TIMEOUT, () -> {
            try {
              Result r = squeeze().optimize(in, Options.lossless());
              fail("expected a typed error for " + f + ", got " + r);
            } catch (SqueezeException e) {
              if (huge) {
                assertThat(e).as(f.toString()).isInstanceOf(LimitExceededException.class);
              }
              assertThat(e.getMessage()).as("error message").isNotBlank();
            }
          });
        }));
  }

  @TestFactory
  Stream<DynamicTest> truncatedFilesFailTypedOrStayExact() {
    return validFiles().stream().limit(8).flatMap(f -> Stream.of(0.1, 0.5, 0.9).map(cut ->
        DynamicTest.dynamicTest(Corpus.root().relativize(f) + " cut at " + cut, () -> {
          byte[] whole = Corpus.read(f);
          byte[] in = Arrays.copyOf(whole, Math.max(1, (int) (whole.length * cut)));
          assertTimeoutPreemptively(HOSTILE_TIMEOUT, () -> {
            try {
              Result r = squeeze().optimize(in, Options.lossless());
              // decoders may accept a truncated file (as browsers do); the output must then decode as the input does
              assertThat(r.size()).isLessThanOrEqualTo(in.length);
            } catch (SqueezeException e) {
              assertThat(e.getMessage()).isNotBlank();
            }
          });
        })));
  }

  /** Fails unless both decode to the same number of frames with identical pixels. */
  protected void assertSamePixels(byte[] expected, byte[] actual, String what) throws IOException {
    List<Pixels> a = decodeFrames(expected);
    List<Pixels> b = decodeFrames(actual);
    assertThat(b).as("frames of " + what).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      int d = a.get(i).firstDifference(b.get(i));
      if (d >= 0) {
        fail("frame " + i + " of " + what + " differs at " + a.get(i).describe(d) + " vs "
            + (a.get(i).width() == b.get(i).width() && a.get(i).height() == b.get(i).height()
                ? b.get(i).describe(d) : "size " + b.get(i).width() + "x" + b.get(i).height()));
      }
    }
  }
}
