package dev.squeeze.spi;

import dev.squeeze.Limits;
import java.util.Objects;
import java.util.concurrent.Executor;

/** What {@link dev.squeeze.Squeeze} lends an optimizer for one call: the limits to enforce and its executor. */
public final class OptimizerContext {
  private final Limits limits;
  private final Executor executor;

  public OptimizerContext(Limits limits, Executor executor) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * The bounds to check as soon as a header is parsed and before allocating for pixels, frames or pages:
   * {@code ctx.limits().checkPixels(width, height)}.
   */
  public Limits limits() {
    return limits;
  }

  /** The caller's executor, for optimizers that try strategies in parallel. */
  public Executor executor() {
    return executor;
  }
}
