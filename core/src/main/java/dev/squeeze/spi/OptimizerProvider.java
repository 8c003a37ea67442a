package dev.squeeze.spi;

import dev.squeeze.Format;
import java.util.Set;

/**
 * A format module's entry point, found by {@link java.util.ServiceLoader}: registered in
 * {@code META-INF/services/dev.squeeze.spi.OptimizerProvider} and with {@code provides} in its
 * {@code module-info.java}.
 */
public interface OptimizerProvider {
  /** A short name for logs and reports, such as {@code png}. */
  String name();

  /** The formats this provider's optimizer takes. */
  Set<Format> formats();

  /** A thread-safe optimizer; called once when a {@link dev.squeeze.Squeeze} is built. */
  Optimizer create();
}
