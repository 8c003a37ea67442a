package dev.squeeze.png;

import dev.squeeze.Format;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerProvider;
import java.util.Set;

/** The lossless PNG optimizer's entry point for {@link java.util.ServiceLoader}. */
public final class PngOptimizerProvider implements OptimizerProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public PngOptimizerProvider() {}

  @Override
  public String name() {
    return "png";
  }

  @Override
  public Set<Format> formats() {
    return Set.of(Format.PNG);
  }

  @Override
  public Optimizer create() {
    return new PngOptimizer();
  }
}
