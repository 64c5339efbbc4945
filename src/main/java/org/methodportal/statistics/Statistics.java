package org.methodportal.statistics;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The figures for one filter. {@code detail} is null when the caller sees the summary only (members
 * and secretaries; a reviewer asking for a department they do not review). Months run from
 * {@code firstMonth} to {@code lastMonth} (for "all time" from the earliest month with data).
 */
public record Statistics(StatisticsFilter filter, Scope scope, YearMonth firstMonth, YearMonth lastMonth,
                         Summary summary, @Nullable Detail detail) {

    /** How much the caller sees. */
    public enum Scope {
        /** Totals of published methods only. */
        SUMMARY,
        /** Every figure, of the departments the reviewer reviews (or the one of them asked for). */
        REVIEWED_DEPARTMENTS,
        /** Every figure, of all departments (or the one asked for). */
        ALL
    }

    /** What every signed-in user sees: published methods per category and the most adopted. */
    public record Summary(long published, List<Count> publishedByCategory, List<AdoptedMethod> mostAdopted) {
    }

    /** The figures for reviewers and administrators. */
    public record Detail(long methods, List<Count> byCategory, List<Count> byDepartment, List<Count> byStatus,
                         List<MonthCount> months, List<ReviewMonth> reviews, List<RubricRow> rubric,
                         List<DepartmentAdoption> adoptionByDepartment, List<RatingCount> ratings,
                         @Nullable Double averageRating) {
    }

    /**
     * A number of methods under a code: a category or status name (translated by the reader) or a
     * department id, with its label (the department's name; else the code again).
     */
    public record Count(String code, String label, long total) {
    }

    /** Methods created in a month, and methods first published in it. */
    public record MonthCount(YearMonth month, long created, long published) {
    }

    /**
     * Review decisions (one per reviewer and round) made in a month, and the waiting time from the
     * round's submission to the decision in days (median and 90th percentile; null without data).
     */
    public record ReviewMonth(YearMonth month, long decided, long approved, long changesRequested, long rejected,
                              @Nullable Double medianDays, @Nullable Double p90Days) {
    }

    /** The six qualities' average scores of the reviews of a category's methods. */
    public record RubricRow(String category, long reviews, double regularity, double pertinence, double operability,
                            double adaptability, double exemplarity, double creativity) {
    }

    /** A published method and how many branches use it now. */
    public record AdoptedMethod(long methodId, String title, String departmentName, int adoptingBranches) {
    }

    /**
     * Adoptions started by the branches of a department: how many, how many still open, of how many
     * methods, by how many branches.
     */
    public record DepartmentAdoption(long departmentId, String departmentName, long adoptions, long openAdoptions,
                                     long methods, long branches) {
    }

    /** Adoption reports with this outcome rating (1–5). */
    public record RatingCount(int rating, long reports) {
    }
}
