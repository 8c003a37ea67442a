package dev.squeeze;

/** How much time an optimizer may spend looking for smaller output. */
public enum Effort {
  /** A quick pass: a few strategies, for interactive or high-volume use. */
  FAST,
  /** A good trade of time for bytes; the default. */
  DEFAULT,
  /** Every strategy the optimizer knows, however slow (for example an optimal-parsing deflate). */
  MAXIMUM
}
