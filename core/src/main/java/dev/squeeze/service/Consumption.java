package dev.squeeze.service;

import java.util.List;

/**
 * {@code GET /accounts/mine/consumption}: every one of the last 30 days (today last) and of the last 12
 * months (this month last), with zeros where nothing was optimized. A parent's figures include its
 * sub-accounts' uploads, since they are charged to it too.
 */
public record Consumption(List<ConsumptionPeriod> lastDays, List<ConsumptionPeriod> lastMonths) {
  public Consumption {
    lastDays = List.copyOf(lastDays);
    lastMonths = List.copyOf(lastMonths);
  }
}
