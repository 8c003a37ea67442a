package dev.squeeze.service;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The monthly quota window: the calendar month, in the zone of the service's {@code Clock}, as the
 * reference's {@code quota_start} ("first day of current month") and {@code quota_end} say.
 */
record QuotaWindow(YearMonth month) {
  static QuotaWindow of(LocalDate day) {
    return new QuotaWindow(YearMonth.from(day));
  }

  /** The window as stores keep it: {@code year * 100 + month}. */
  int number() {
    return month.getYear() * 100 + month.getMonthValue();
  }

  LocalDate start() {
    return month.atDay(1);
  }

  LocalDate end() {
    return month.atEndOfMonth();
  }
}
