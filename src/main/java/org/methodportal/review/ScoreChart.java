package org.methodportal.review;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The averages per quality as a small horizontal bar chart in SVG, rendered on the server (no
 * chart component can be bundled here, see platform-notes.md). Labels are escaped.
 */
public final class ScoreChart {

    private static final int ROW = 28;
    private static final int LABEL = 90;
    private static final int BAR = 250;
    private static final int WIDTH = LABEL + BAR + 50;

    private ScoreChart() {
    }

    /** {@code label} names a quality in the reader's language. */
    public static String svg(Map<Quality, Double> averages, Function<Quality, String> label, String title) {
        int height = ROW * Quality.values().length + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"review-chart\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\"><title>").append(escape(title)).append("</title>");
        int y = 5;
        for (Quality quality : Quality.values()) {
            double value = averages.getOrDefault(quality, 0.0);
            int width = (int) Math.round(BAR * value / Scores.MAX);
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"14\">")
                    .append(escape(label.apply(quality))).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(BAR)
                    .append("\" height=\"16\" fill=\"#e8ecf2\"/>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(width).append("\" height=\"16\" fill=\"#b71c1c\"/>")
                    .append("<text x=\"").append(LABEL + BAR + 8).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"14\">").append(String.format(Locale.ROOT, "%.1f", value)).append("</text>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
