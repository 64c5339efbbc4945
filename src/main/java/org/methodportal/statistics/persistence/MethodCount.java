package org.methodportal.statistics.persistence;

/**
 * Methods of one category, status and origin department: the rows the method figures (per category,
 * status and department, and the published ones per category) are summed from, so that the methods
 * are read once for all of them.
 */
public record MethodCount(String category, String status, long departmentId, String departmentName, long total) {
}
