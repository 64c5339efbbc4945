package org.methodportal.statistics.persistence;

/**
 * A count in a month ({@code yearMonth} as yyyymm, e.g. 202603) under an optional bucket (a decision,
 * the whole hours waited).
 */
public record MonthValue(int yearMonth, String bucket, long total) {
}
