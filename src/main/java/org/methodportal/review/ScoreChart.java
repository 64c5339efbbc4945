package org.methodportal.review;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.methodportal.shared.SvgCharts;

/**
 * The averages per quality as a horizontal bar chart on the fixed 0–5 scale, drawn like the
 * statistics charts ({@link SvgCharts}: server-rendered SVG, labels escaped).
 */
public final class ScoreChart {

    private ScoreChart() {
    }

    /** {@code label} names a quality in the reader's language; a quality without reviews shows 0. */
    public static String svg(Map<Quality, Double> averages, Function<Quality, String> label, String title) {
        return SvgCharts.bars(title, Arrays.stream(Quality.values()).map(label).toList(),
                Arrays.stream(Quality.values()).map(q -> averages.getOrDefault(q, 0.0)).toList(), "0.0",
                (double) Scores.MAX);
    }
}
