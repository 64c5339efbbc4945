package org.methodportal.promotion;

import java.util.List;

/**
 * How far a promotion reached, per targeted department and in total: branches targeted, those that
 * decided, those that adopt it (decided 采用), and those whose adoption of the method was reported 见效.
 */
public record Coverage(List<Row> departments, Row total) {

    public record Row(long departmentId, String departmentName, long targeted, long decided, long adopted,
                      long effective) {
    }
}
