package dev.squeeze.service;

import dev.squeeze.store.DailyConsumption;
import dev.squeeze.store.Store;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Consumption} from a store's daily rows: 30 days and 12 months, gaps filled with zeros. */
final class ConsumptionReport {
  // the reference's "last 30 days"; a year of months is what its dashboard charts
  static final int DAYS = 30;
  static final int MONTHS = 12;

  private ConsumptionReport() {}

  static Consumption of(Store store, long accountId, LocalDate today) {
    LocalDate from = YearMonth.from(today).minusMonths(MONTHS - 1).atDay(1);
    LocalDate firstDay = today.minusDays(DAYS - 1);
    if (firstDay.isBefore(from)) {
      from = firstDay;
    }
    Map<LocalDate, DailyConsumption> byDay = new HashMap<>();
    for (DailyConsumption d : store.consumption(accountId, from, today)) {
      byDay.put(d.day(), d);
    }
    List<ConsumptionPeriod> days = new ArrayList<>();
    for (int i = DAYS - 1; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      DailyConsumption d = byDay.get(day);
      days.add(d == null ? new ConsumptionPeriod(day, 0, 0, 0)
          : new ConsumptionPeriod(day, d.sizeBefore(), d.sizeAfter(), d.files()));
    }
    Map<YearMonth, long[]> byMonth = new HashMap<>();
    for (DailyConsumption d : byDay.values()) {
      long[] sum = byMonth.computeIfAbsent(YearMonth.from(d.day()), k -> new long[3]);
      sum[0] += d.sizeBefore();
      sum[1] += d.sizeAfter();
      sum[2] += d.files();
    }
    List<ConsumptionPeriod> months = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      YearMonth m = YearMonth.from(today).minusMonths(i);
      long[] sum = byMonth.getOrDefault(m, new long[3]);
      months.add(new ConsumptionPeriod(m.atDay(1), sum[0], sum[1], sum[2]));
    }
    return new Consumption(days, months);
  }
}
