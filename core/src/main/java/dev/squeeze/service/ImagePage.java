package dev.squeeze.service;

import java.util.List;
import java.util.OptionalInt;

/**
 * One page of {@code GET /images}: the items, the account's total, and the offsets of the previous and next
 * pages (empty at either end).
 */
public record ImagePage(List<Image> items, long total, int offset, int limit, OptionalInt prevOffset,
    OptionalInt nextOffset) {
  public ImagePage {
    items = List.copyOf(items);
  }
}
