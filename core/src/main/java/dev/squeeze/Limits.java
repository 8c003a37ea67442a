package dev.squeeze;

/**
 * Resource bounds, checked before any large allocation so that hostile input (decompression bombs, headers
 * that claim huge sizes) fails with {@link LimitExceededException} instead of exhausting memory.
 */
public final class Limits {
  // 256 MiB: larger than any photo or document a compression service accepts (the reference caps uploads far
  // lower), small enough that holding input and output in memory is safe on a 2 GiB heap.
  private static final long DEFAULT_INPUT_BYTES = 256L << 20;
  // 100 megapixels: a 4-byte-per-pixel buffer of 400 MB, the most a single image may pin.
  private static final long DEFAULT_PIXELS = 100_000_000L;
  private static final int DEFAULT_FRAMES = 10_000;
  private static final int DEFAULT_PAGES = 10_000;

  private static final Limits DEFAULTS = new Limits(DEFAULT_INPUT_BYTES, DEFAULT_PIXELS, DEFAULT_FRAMES, DEFAULT_PAGES);

  private final long maxInputBytes;
  private final long maxPixels;
  private final int maxFrames;
  private final int maxPages;

  private Limits(long maxInputBytes, long maxPixels, int maxFrames, int maxPages) {
    this.maxInputBytes = maxInputBytes;
    this.maxPixels = maxPixels;
    this.maxFrames = maxFrames;
    this.maxPages = maxPages;
  }

  /** 256 MiB of input, 100 megapixels per image (and per frame sum), 10 000 frames, 10 000 pages. */
  public static Limits defaults() {
    return DEFAULTS;
  }

  public long maxInputBytes() {
    return maxInputBytes;
  }

  /** Pixels of one image; for animations, of all frames together. */
  public long maxPixels() {
    return maxPixels;
  }

  public int maxFrames() {
    return maxFrames;
  }

  public int maxPages() {
    return maxPages;
  }

  public Limits withMaxInputBytes(long bytes) {
    return new Limits(positive(bytes, "maxInputBytes"), maxPixels, maxFrames, maxPages);
  }

  public Limits withMaxPixels(long pixels) {
    return new Limits(maxInputBytes, positive(pixels, "maxPixels"), maxFrames, maxPages);
  }

  public Limits withMaxFrames(int frames) {
    return new Limits(maxInputBytes, maxPixels, (int) positive(frames, "maxFrames"), maxPages);
  }

  public Limits withMaxPages(int pages) {
    return new Limits(maxInputBytes, maxPixels, maxFrames, (int) positive(pages, "maxPages"));
  }

  /** Throws when {@code bytes} of input are more than allowed. */
  public void checkInputBytes(long bytes) throws LimitExceededException {
    if (bytes > maxInputBytes) {
      throw new LimitExceededException(LimitExceededException.Limit.INPUT_BYTES, bytes, maxInputBytes);
    }
  }

  /** Throws when a {@code width} x {@code height} image is more pixels than allowed, or has a non-positive side. */
  public void checkPixels(long width, long height) throws LimitExceededException {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("dimensions must be positive, were " + width + "x" + height);
    }
    long pixels = (width > Long.MAX_VALUE / height) ? Long.MAX_VALUE : width * height;
    if (pixels > maxPixels) {
      throw new LimitExceededException(LimitExceededException.Limit.PIXELS, pixels, maxPixels);
    }
  }

  public void checkFrames(long frames) throws LimitExceededException {
    if (frames > maxFrames) {
      throw new LimitExceededException(LimitExceededException.Limit.FRAMES, frames, maxFrames);
    }
  }

  public void checkPages(long pages) throws LimitExceededException {
    if (pages > maxPages) {
      throw new LimitExceededException(LimitExceededException.Limit.PAGES, pages, maxPages);
    }
  }

  private static long positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "Limits{inputBytes=" + maxInputBytes + ", pixels=" + maxPixels + ", frames=" + maxFrames
        + ", pages=" + maxPages + '}';
  }
}
