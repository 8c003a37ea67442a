package dev.squeeze.spi;

import dev.squeeze.Options;
import dev.squeeze.SqueezeException;

/**
 * Makes content of one format smaller. Implementations are thread-safe and stateless between calls.
 *
 * <p>The contract (checked for every format by the shared contract test): lossless output decodes to
 * identical pixels on every frame and page; lossy output stays within the bound that {@link Options}
 * promises; limits from {@link OptimizerContext#limits()} are checked before large allocations; broken
 * input raises {@link dev.squeeze.CorruptInputException}, never an unchecked exception or an
 * {@link OutOfMemoryError}.
 */
public interface Optimizer {
  /**
   * @param input the whole content, already sniffed as one of the provider's formats; not to be modified
   */
  Optimized optimize(byte[] input, Options options, OptimizerContext context) throws SqueezeException;
}
