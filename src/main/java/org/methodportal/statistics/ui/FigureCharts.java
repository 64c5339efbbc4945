package org.methodportal.statistics.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.SvgCharts;
import org.methodportal.statistics.Figure;

/**
 * The charts of the figures, from the same tables the view lists and the CSV holds: one chart per
 * figure, two for reviews (decisions, waiting time).
 */
final class FigureCharts {

    private static final List<String> QUALITIES = List.of("regularity", "pertinence", "operability", "adaptability",
            "exemplarity", "creativity");

    /** The view's {@code getTranslation}. */
    @FunctionalInterface
    interface Translator {
        String apply(String key, @Nullable Object... args);
    }

    private FigureCharts() {
    }

    /**
     * The SVG charts of a table; {@code cell} gives a cell's text as the table shows it (translated),
     * {@code t} translates a key.
     */
    static List<String> of(Figure.Table table, String title, BiFunction<Integer, @Nullable Object, String> cell,
                           Translator t) {
        List<List<@Nullable Object>> rows = table.rows();
        return switch (table.figure()) {
            case PUBLISHED_BY_CATEGORY, BY_CATEGORY, BY_DEPARTMENT, BY_STATUS, ADOPTION_BY_DEPARTMENT ->
                    List.of(SvgCharts.bars(title, labels(rows, 0, cell), numbers(rows, 1), "#,##0", null));
            case MOST_ADOPTED -> List.of(SvgCharts.bars(title, labels(rows, 1, cell), numbers(rows, 3), "#,##0", null));
            case RATINGS -> List.of(SvgCharts.bars(title,
                    rows.stream().map(r -> t.apply("statistics.rating-value", r.get(0))).toList(), numbers(rows, 1), "#,##0", null));
            case PER_MONTH -> List.of(SvgCharts.series(title, labels(rows, 0, cell),
                    series(rows, t, 1, "statistics.column.created", 2, "statistics.column.published"), "#,##0", true));
            case REVIEWS -> List.of(
                    SvgCharts.series(title, labels(rows, 0, cell), series(rows, t, 2, "statistics.column.approved", 3,
                            "statistics.column.changesRequested", 4, "statistics.column.rejected"), "#,##0", false),
                    SvgCharts.series(t.apply("statistics.chart.waiting"), labels(rows, 0, cell),
                            series(rows, t, 5, "statistics.column.medianDays", 6, "statistics.column.p90Days"), "#,##0.#",
                            true));
            case RUBRIC -> {
                SequencedMap<String, List<? extends Number>> qualities = new LinkedHashMap<>();
                for (int q = 0; q < QUALITIES.size(); q++) {
                    qualities.put(t.apply("statistics.column." + QUALITIES.get(q)), numbers(rows, q + 2));
                }
                yield List.of(SvgCharts.series(title, labels(rows, 0, cell), qualities, "0.0", false, 5.0));
            }
        };
    }

    private static List<String> labels(List<List<@Nullable Object>> rows, int column,
                                       BiFunction<Integer, @Nullable Object, String> cell) {
        return rows.stream().map(r -> cell.apply(column, r.get(column))).toList();
    }

    private static List<@Nullable Number> numbers(List<List<@Nullable Object>> rows, int column) {
        List<@Nullable Number> values = new ArrayList<>();
        rows.forEach(r -> values.add((Number) r.get(column)));
        return values;
    }

    /** Series of the given columns, each pair being a column index and the key of its name. */
    private static SequencedMap<String, List<? extends Number>> series(List<List<@Nullable Object>> rows,
                                                                       Translator t,
                                                                       Object... columnsAndKeys) {
        SequencedMap<String, List<? extends Number>> series = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndKeys.length; i += 2) {
            series.put(t.apply((String) columnsAndKeys[i + 1]), numbers(rows, (Integer) columnsAndKeys[i]));
        }
        return series;
    }
}
