package dev.squeeze.jpeg;

import dev.squeeze.Format;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerProvider;
import java.util.Set;

/** The JPEG module's entry point for {@link java.util.ServiceLoader}: Squeeze's own coefficient-level codec. */
public final class JpegOptimizerProvider implements OptimizerProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public JpegOptimizerProvider() {}

  @Override
  public String name() {
    return "jpeg";
  }

  @Override
  public Set<Format> formats() {
    return Set.of(Format.JPEG);
  }

  @Override
  public Optimizer create() {
    return new JpegOptimizer();
  }
}
