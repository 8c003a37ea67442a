package dev.squeeze;

/** The input is larger than a {@link Limits} bound allows; thrown before the large allocation it would need. */
public class LimitExceededException extends SqueezeException {
  private static final long serialVersionUID = 1L;

  /** Which bound was crossed. */
  public enum Limit {
    INPUT_BYTES("input bytes"),
    PIXELS("pixels"),
    FRAMES("frames"),
    PAGES("pages"),
    DECOMPRESSED_BYTES("decompressed bytes");

    private final String label;

    Limit(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final Limit limit;
  private final long actual;
  private final long allowed;

  public LimitExceededException(Limit limit, long actual, long allowed) {
    super(limit + " limit exceeded: " + (actual == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : actual)
        + " > " + allowed);
    this.limit = limit;
    this.actual = actual;
    this.allowed = allowed;
  }

  public Limit limit() {
    return limit;
  }

  public long actual() {
    return actual;
  }

  public long allowed() {
    return allowed;
  }
}
