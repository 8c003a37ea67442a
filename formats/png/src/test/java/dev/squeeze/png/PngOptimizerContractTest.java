package dev.squeeze.png;

import dev.squeeze.spi.OptimizerContractTest;
import dev.squeeze.spi.OptimizerProvider;

/** The shared optimizer contract over every corpus PNG, hostile ones included. */
class PngOptimizerContractTest extends OptimizerContractTest {
  @Override
  protected OptimizerProvider provider() {
    return new PngOptimizerProvider();
  }
}
