package org.methodportal.statistics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.shared.PortalException;

/**
 * What the figures are about: one department or all the caller may see, one category or all, and a
 * period of whole months. Kept in the URL ({@link #toQuery()}, {@link #parse}) so a link reproduces
 * the view.
 */
public record StatisticsFilter(@Nullable Long departmentId, @Nullable Category category, Period period,
                               @Nullable YearMonth from, @Nullable YearMonth to) {

    /**
     * The default: all departments and categories over all time, so the first view shows how the
     * library grew (a library filled years ago would show nearly nothing for the last 12 months).
     */
    public static final StatisticsFilter DEFAULT = new StatisticsFilter(null, null, Period.ALL, null, null);

    /** A period preset, or {@code CUSTOM} with from/to months. */
    public enum Period {
        ALL("all", 0), LAST_12_MONTHS("12m", 12), LAST_24_MONTHS("24m", 24), LAST_36_MONTHS("36m", 36),
        CUSTOM("custom", 0);

        private final String param;
        private final int months;

        Period(String param, int months) {
            this.param = param;
            this.months = months;
        }

        public String param() {
            return param;
        }

        static @Nullable Period fromParam(@Nullable String value) {
            return Arrays.stream(values()).filter(p -> p.param.equals(value)).findFirst().orElse(null);
        }
    }

    public StatisticsFilter {
        if (period == Period.CUSTOM && from != null && to != null && from.isAfter(to)) {
            throw PortalException.invalid("statistics.period-reversed");
        }
    }

    /**
     * The filter of URL query parameters: {@code department} (id), {@code category} (enum or Chinese
     * name), {@code from}/{@code to} (yyyy-MM; either makes the period custom) or {@code period}
     * (12m, 24m, 36m, all); blank values mean "not given".
     */
    public static StatisticsFilter parse(@Nullable String department, @Nullable String category, @Nullable String from,
                                         @Nullable String to, @Nullable String period) {
        Long departmentId = null;
        if (!blank(department)) {
            try {
                departmentId = Long.valueOf(department.strip());
            } catch (NumberFormatException e) {
                throw PortalException.invalid("statistics.department-invalid", department);
            }
        }
        Category cat = blank(category) ? null : Category.fromName(category)
                .orElseThrow(() -> PortalException.invalid("statistics.category-invalid", category));
        YearMonth first = month(from);
        YearMonth last = month(to);
        if (first != null || last != null) {
            return new StatisticsFilter(departmentId, cat, Period.CUSTOM, first, last);
        }
        Period preset = blank(period) ? DEFAULT.period() : Period.fromParam(period.strip());
        if (preset == null || preset == Period.CUSTOM) {
            throw PortalException.invalid("statistics.period-invalid", period);
        }
        return new StatisticsFilter(departmentId, cat, preset, null, null);
    }

    /** The first and last month of the period ({@code null}: open), the current month being {@code now}. */
    public @Nullable YearMonth firstMonth(YearMonth now) {
        return switch (period) {
            case CUSTOM -> from;
            case ALL -> null;
            default -> now.minusMonths(period.months - 1L);
        };
    }

    public YearMonth lastMonth(YearMonth now) {
        return period == Period.CUSTOM && to != null ? to : now;
    }

    /** The same filter for another department. */
    public StatisticsFilter withDepartment(@Nullable Long department) {
        return new StatisticsFilter(department, category, period, from, to);
    }

    /** The URL query parameters of this filter, only those given. */
    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (departmentId != null) {
            query.put("department", departmentId.toString());
        }
        if (category != null) {
            query.put("category", category.name());
        }
        if (period == Period.CUSTOM) {
            if (from != null) {
                query.put("from", from.toString());
            }
            if (to != null) {
                query.put("to", to.toString());
            }
        } else if (period != DEFAULT.period()) {
            query.put("period", period.param());
        }
        return query;
    }

    private static @Nullable YearMonth month(@Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw PortalException.invalid("statistics.month-invalid", value);
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
