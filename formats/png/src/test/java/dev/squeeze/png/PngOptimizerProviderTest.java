package dev.squeeze.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.Format;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import dev.squeeze.spi.OptimizerProvider;
import dev.squeeze.testing.Corpus;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider is found by ServiceLoader, and Squeeze built by discovery optimizes PNG with it. */
class PngOptimizerProviderTest {
  @Test
  void serviceLoaderFindsThePngProvider() {
    assertThat(ServiceLoader.load(OptimizerProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(PngOptimizerProvider.class);
    assertThat(new PngOptimizerProvider().formats()).containsExactly(Format.PNG);
  }

  @Test
  void optimizingOnASingleThreadExecutorThatAlsoRunsTheSearchDoesNotDeadlock() throws Exception {
    java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      byte[] in = Corpus.read(Corpus.file("png/coffee.png"));
      var context = new dev.squeeze.spi.OptimizerContext(dev.squeeze.Limits.defaults(), one);
      var out = one.submit(() -> new PngOptimizer().optimize(in, Options.lossless(), context))
          .get(120, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(out.data().length).isLessThan(in.length);
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void discoveredSqueezeMakesACorpusPngSmaller() throws Exception {
    byte[] in = Corpus.read(Corpus.file("png/page_scan_rgb_is_grey.png"));
    Result r = Squeeze.create().optimize(in, Options.lossless());
    assertThat(r.originalReturned()).isFalse();
    assertThat(r.size()).isLessThan(in.length);
  }
}
