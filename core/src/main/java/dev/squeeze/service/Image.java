package dev.squeeze.service;

import java.time.Instant;

/**
 * An image record as the service shows it.
 *
 * @param sizeBefore bytes uploaded ({@code size_before})
 * @param sizeAfter bytes of the optimized file ({@code size_after}), never more than {@code sizeBefore}
 * @param time when it was uploaded
 * @param originUrl where the kept original downloads from, until {@code expirationDate}
 * @param optimizedUrl where the optimized file downloads from
 * @param expirationDate when the original stops being kept
 */
public record Image(long id, String filename, int width, int height, long sizeBefore, long sizeAfter, Instant time,
    String originUrl, String optimizedUrl, Instant expirationDate) {

  /** The proportion saved ({@code saved}): 0 when nothing was, 0.25 when a quarter of the bytes went. */
  public double saved() {
    return sizeBefore == 0 ? 0 : 1.0 - (double) sizeAfter / sizeBefore;
  }
}
