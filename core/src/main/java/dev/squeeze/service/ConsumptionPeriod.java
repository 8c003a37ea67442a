package dev.squeeze.service;

import java.time.LocalDate;

/**
 * What an account had optimized in one day or month: {@code total_size_before}, {@code total_size_after},
 * {@code files_count}.
 *
 * @param start the day, or the first day of the month
 */
public record ConsumptionPeriod(LocalDate start, long totalSizeBefore, long totalSizeAfter, long filesCount) {}
