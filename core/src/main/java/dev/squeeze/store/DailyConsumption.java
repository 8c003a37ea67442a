package dev.squeeze.store;

import java.time.LocalDate;
import java.util.Objects;

/** What one account had optimized on one day: bytes in, bytes out and files. */
public record DailyConsumption(LocalDate day, long sizeBefore, long sizeAfter, long files) {
  public DailyConsumption {
    Objects.requireNonNull(day, "day");
  }
}
