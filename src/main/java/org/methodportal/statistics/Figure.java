package org.methodportal.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.statistics.Statistics.Detail;

/**
 * The tables of the dashboards, each also a chart in the view and a CSV download. Their names are
 * the URL path segments ({@code /api/v1/statistics/by-category.csv}); column names are the JSON field
 * names, translated in the view as {@code statistics.column.<name>}.
 */
public enum Figure {
    PUBLISHED_BY_CATEGORY("published-by-category", false),
    MOST_ADOPTED("most-adopted", false),
    BY_CATEGORY("by-category", true),
    BY_DEPARTMENT("by-department", true),
    BY_STATUS("by-status", true),
    PER_MONTH("per-month", true),
    REVIEWS("reviews", true),
    RUBRIC("rubric", true),
    ADOPTION_BY_DEPARTMENT("adoption-by-department", true),
    RATINGS("ratings", true);

    /** How a cell reads: categories and statuses are translated, numbers right-aligned. */
    public enum Kind {
        TEXT, NUMBER, MONTH, CATEGORY, STATUS
    }

    public record Column(String name, Kind kind) {
    }

    /** A figure's rows, each a value per column (null: no value, e.g. no waiting time in a month). */
    public record Table(Figure figure, List<Column> columns, List<List<@Nullable Object>> rows) {
    }

    private final String path;
    private final boolean detail;

    Figure(String path, boolean detail) {
        this.path = path;
        this.detail = detail;
    }

    public String path() {
        return path;
    }

    /** Whether the figure belongs to the full dashboards (reviewers, administrators) rather than the summary. */
    public boolean detail() {
        return detail;
    }

    public static Optional<Figure> fromPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }

    /** The figure's table, empty when the statistics carry no detail for it. */
    public Optional<Table> table(Statistics statistics) {
        Detail d = statistics.detail();
        if (detail && d == null) {
            return Optional.empty();
        }
        List<List<@Nullable Object>> rows = new ArrayList<>();
        List<Column> columns = switch (this) {
            case PUBLISHED_BY_CATEGORY -> {
                statistics.summary().publishedByCategory().forEach(c -> rows.add(row(c.code(), c.total())));
                yield List.of(column("category", Kind.CATEGORY), column("published", Kind.NUMBER));
            }
            case MOST_ADOPTED -> {
                statistics.summary().mostAdopted().forEach(m -> rows.add(row(m.methodId(), m.title(), m.departmentName(),
                        m.adoptingBranches())));
                yield List.of(column("methodId", Kind.NUMBER), column("title", Kind.TEXT),
                        column("department", Kind.TEXT), column("adoptingBranches", Kind.NUMBER));
            }
            case BY_CATEGORY -> {
                d.byCategory().forEach(c -> rows.add(row(c.code(), c.total())));
                yield List.of(column("category", Kind.CATEGORY), column("methods", Kind.NUMBER));
            }
            case BY_DEPARTMENT -> {
                d.byDepartment().forEach(c -> rows.add(row(c.label(), c.total())));
                yield List.of(column("department", Kind.TEXT), column("methods", Kind.NUMBER));
            }
            case BY_STATUS -> {
                d.byStatus().forEach(c -> rows.add(row(c.code(), c.total())));
                yield List.of(column("status", Kind.STATUS), column("methods", Kind.NUMBER));
            }
            case PER_MONTH -> {
                d.months().forEach(m -> rows.add(row(m.month(), m.created(), m.published())));
                yield List.of(column("month", Kind.MONTH), column("created", Kind.NUMBER),
                        column("published", Kind.NUMBER));
            }
            case REVIEWS -> {
                d.reviews().forEach(r -> rows.add(row(r.month(), r.decided(), r.approved(), r.changesRequested(),
                        r.rejected(), r.medianDays(), r.p90Days())));
                yield List.of(column("month", Kind.MONTH), column("decided", Kind.NUMBER),
                        column("approved", Kind.NUMBER), column("changesRequested", Kind.NUMBER),
                        column("rejected", Kind.NUMBER), column("medianDays", Kind.NUMBER),
                        column("p90Days", Kind.NUMBER));
            }
            case RUBRIC -> {
                d.rubric().forEach(r -> rows.add(row(r.category(), r.reviews(), r.regularity(), r.pertinence(),
                        r.operability(), r.adaptability(), r.exemplarity(), r.creativity())));
                yield List.of(column("category", Kind.CATEGORY), column("reviews", Kind.NUMBER),
                        column("regularity", Kind.NUMBER), column("pertinence", Kind.NUMBER),
                        column("operability", Kind.NUMBER), column("adaptability", Kind.NUMBER),
                        column("exemplarity", Kind.NUMBER), column("creativity", Kind.NUMBER));
            }
            case ADOPTION_BY_DEPARTMENT -> {
                d.adoptionByDepartment().forEach(a -> rows.add(row(a.departmentName(), a.adoptions(), a.openAdoptions(),
                        a.methods(), a.branches())));
                yield List.of(column("department", Kind.TEXT), column("adoptions", Kind.NUMBER),
                        column("open", Kind.NUMBER), column("methods", Kind.NUMBER), column("branches", Kind.NUMBER));
            }
            case RATINGS -> {
                d.ratings().forEach(r -> rows.add(row(r.rating(), r.reports())));
                yield List.of(column("rating", Kind.NUMBER), column("reports", Kind.NUMBER));
            }
        };
        return Optional.of(new Table(this, columns, List.copyOf(rows)));
    }

    private static Column column(String name, Kind kind) {
        return new Column(name, kind);
    }

    private static List<@Nullable Object> row(@Nullable Object... values) {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }
}
