package dev.squeeze.jpeg;

import dev.squeeze.spi.OptimizerContractTest;
import dev.squeeze.spi.OptimizerProvider;
import java.nio.file.Path;
import dev.squeeze.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared optimizer contract over every corpus JPEG and this module's variants (sampling layouts,
 * progressive, restarts, grey, RGB, CMYK), pixels checked with the independent ImageIO/TwelveMonkeys decoder.
 */
class JpegOptimizerContractTest extends OptimizerContractTest {
  @Override
  protected OptimizerProvider provider() {
    return new JpegOptimizerProvider();
  }

  @Override
  protected List<Path> validFiles() {
    return TestFiles.allValid();
  }

  @Override
  protected List<Options> allOptions() {
    List<Options> all = new ArrayList<>(super.allOptions());
    all.add(Options.defaults().withQuality(75));
    return all;
  }
}
