package org.methodportal.statistics.persistence;

/**
 * The whole hours waited from a review round's submission to a reviewer's decision in a month
 * ({@code yearMonth} as yyyymm): median and 90th percentile (nearest rank).
 */
public record MonthWaiting(int yearMonth, long medianHours, long p90Hours) {
}
