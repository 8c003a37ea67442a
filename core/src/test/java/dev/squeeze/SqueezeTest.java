package dev.squeeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerProvider;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SqueezeTest {
  private static final byte[] PNG_SIG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  /** A provider for PNG whose optimizer applies {@code f} to the input. */
  private static OptimizerProvider fake(UnaryOperator<byte[]> f) {
    return new OptimizerProvider() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public Set<Format> formats() {
        return Set.of(Format.PNG);
      }

      @Override
      public Optimizer create() {
        return (in, o, ctx) -> Optimized.of(f.apply(in), Format.PNG, new Dimensions(1, 1, 1), List.of("fake"));
      }
    };
  }

  private static byte[] png(int size) {
    return Arrays.copyOf(PNG_SIG, size);
  }

  @Test
  void smallerOutputIsReturnedWithItsSteps() throws Exception {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> Arrays.copyOf(b, b.length - 10)))).build();
    Result r = s.optimize(png(100), Options.lossless());
    assertThat(r.size()).isEqualTo(90);
    assertThat(r.originalReturned()).isFalse();
    assertThat(r.steps()).containsExactly("fake");
    assertThat(r.savedBytes()).isEqualTo(10);
  }

  @Test
  void largerOutputGivesBackTheOriginalWithTheReason() throws Exception {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> Arrays.copyOf(b, b.length + 1)))).build();
    byte[] in = png(100);
    Result r = s.optimize(in, Options.lossless());
    assertThat(r.data()).isEqualTo(in);
    assertThat(r.originalReturned()).isTrue();
    assertThat(r.originalReason()).get().asString().contains("no smaller output");
  }

  @Test
  void equalSizeOutputAlsoGivesBackTheOriginal() throws Exception {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> b.clone()))).build();
    assertThat(s.optimize(png(50), Options.lossless()).originalReturned()).isTrue();
  }

  @Test
  void unknownContentIsUnsupported() {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> b))).build();
    assertThatThrownBy(() -> s.optimize(new byte[] {1, 2, 3, 4}, Options.defaults()))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining("unrecognised")
        .extracting(e -> ((UnsupportedFormatException) e).format()).isEqualTo(Format.UNKNOWN);
  }

  @Test
  void aKnownFormatWithoutAnOptimizerIsUnsupportedAndNamed() {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> b))).build();
    assertThatThrownBy(() -> s.optimize("GIF89a......".getBytes(), Options.defaults()))
        .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("GIF");
  }

  @Test
  void emptyInputIsRejectedClearly() {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> b))).build();
    assertThatThrownBy(() -> s.optimize(new byte[0], Options.defaults()))
        .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("zero bytes");
  }

  @Test
  void inputOverTheByteLimitFailsBeforeTheOptimizerRuns() {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> {
      throw new AssertionError("optimizer must not run");
    }))).limits(Limits.defaults().withMaxInputBytes(64)).build();
    assertThatThrownBy(() -> s.optimize(png(65), Options.defaults()))
        .isInstanceOf(LimitExceededException.class)
        .satisfies(e -> assertThat(((LimitExceededException) e).limit()).isEqualTo(LimitExceededException.Limit.INPUT_BYTES));
  }

  @Test
  void streamsAreReadOnlyUpToTheLimit() {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> b))).limits(Limits.defaults().withMaxInputBytes(1000)).build();
    assertThatThrownBy(() -> s.optimize(new ByteArrayInputStream(png(1_000_000)), Options.defaults()))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void anUncheckedDecoderFailureBecomesACorruptInputError() {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> {
      throw new ArrayIndexOutOfBoundsException(7);
    }))).build();
    assertThatThrownBy(() -> s.optimize(png(20), Options.defaults()))
        .isInstanceOf(CorruptInputException.class).hasMessageContaining("PNG");
  }

  @Test
  void theInputArrayIsNeverModifiedNorShared() throws Exception {
    Squeeze s = Squeeze.builder().providers(List.of(fake(b -> Arrays.copyOf(b, b.length + 5)))).build();
    byte[] in = png(30);
    byte[] copy = in.clone();
    Result r = s.optimize(in, Options.defaults());
    byte[] out = r.data();
    out[0] = 0;
    assertThat(in).isEqualTo(copy);
    assertThat(r.data()[0]).isEqualTo(PNG_SIG[0]);
  }

  @Test
  void pixelLimitRejectsHugeDeclaredSizesWithoutOverflow() {
    assertThatThrownBy(() -> Limits.defaults().checkPixels(100_000, 100_000))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("pixels");
    assertThatThrownBy(() -> Limits.defaults().checkPixels(Integer.MAX_VALUE, Integer.MAX_VALUE))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void optionsValidateTheirArgumentsAndNameThem() {
    assertThatThrownBy(() -> Options.defaults().withQuality(0)).hasMessageContaining("quality");
    assertThatThrownBy(() -> Options.defaults().withMaxWidth(-3)).hasMessageContaining("maxWidth");
    assertThat(Options.defaults().withQuality(80).quality()).hasValue(80);
    assertThat(Options.defaults().compression()).isEqualTo(CompressionType.LOSSY);
    assertThat(Options.defaults().metadata()).isEqualTo(MetadataPolicy.KEEP_COLOR_AND_ORIENTATION);
  }
}
