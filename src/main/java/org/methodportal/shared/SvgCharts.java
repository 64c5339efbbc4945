package org.methodportal.shared;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.jspecify.annotations.Nullable;

/**
 * Server-rendered charts as SVG markup (no chart component can be bundled here, see
 * platform-notes.md): JFreeChart draws onto JFreeSVG's Graphics2D in the portal's colours. Text stays
 * {@code <text>} (JFreeSVG escapes it for XML), so the browser renders the Chinese labels with the
 * CJK font family named here; the JVM's own fonts only measure the text.
 */
public final class SvgCharts {

    /** The portal's red (bars, the first series) and the light track colour of grid lines. */
    public static final Color RED = new Color(0xb7, 0x1c, 0x1c);
    public static final Color TRACK = new Color(0xe8, 0xec, 0xf2);
    /** Further series, after the red: slate blue-grey, amber, green, teal, purple. */
    private static final Color[] SERIES = {RED, new Color(0x45, 0x5a, 0x64), new Color(0xe0, 0x8e, 0x0b),
            new Color(0x2e, 0x7d, 0x32), new Color(0x00, 0x83, 0x8f), new Color(0x6a, 0x1b, 0x9a)};
    /** The family every text of a chart gets in the SVG: what the browser renders Chinese with. */
    public static final String FONT_FAMILY = "WenQuanYi Zen Hei, Noto Sans CJK SC, Microsoft YaHei, sans-serif";
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int WIDTH = 640;
    /** Element ids (clip paths) unique per chart: several charts share one page. */
    private static final AtomicLong CHARTS = new AtomicLong();

    static {
        // JFreeChart draws rotated text (month labels at 45°) through TextLayout by default, which
        // JFreeSVG can only write as glyph outlines in the JVM's font: no CJK glyphs, not selectable.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgCharts() {
    }

    /**
     * One horizontal bar per label (categories, departments, qualities), the value written beside
     * it; {@code max} fixes the axis (e.g. 5 for scores), else it fits the data.
     */
    public static String bars(String title, List<String> labels, List<? extends Number> values, String valueFormat,
                              @Nullable Double max) {
        var data = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            data.addValue(values.get(i), title, new Label(i, labels.get(i)));
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.7);
        renderer.setSeriesPaint(0, RED);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format(valueFormat)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(FONT);
        // the value right after the end of its bar (the default puts it above, over the bar before)
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        NumberAxis axis = valueAxis(valueFormat);
        if (max != null) {
            axis.setRange(0, max);
        } else {
            // room for the value written after the longest bar
            axis.setUpperMargin(0.15);
        }
        CategoryPlot plot = plot(data, axis, renderer, PlotOrientation.HORIZONTAL);
        // long titles and department names get a third of the width, then an ellipsis (the table has them whole)
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return render(new JFreeChart(null, FONT, plot, false), WIDTH, 40 + 30 * Math.max(1, labels.size()), title);
    }

    /**
     * Several series over the same labels (months): lines when {@code lines}, else grouped bars,
     * with a legend.
     */
    public static String series(String title, List<String> labels, SequencedMap<String, List<? extends Number>> series,
                                String valueFormat, boolean lines) {
        return series(title, labels, series, valueFormat, lines, null);
    }

    /** {@link #series} on a value axis from 0 to {@code max} (e.g. 5 for scores). */
    public static String series(String title, List<String> labels, SequencedMap<String, List<? extends Number>> series,
                                String valueFormat, boolean lines, @Nullable Double max) {
        var data = new DefaultCategoryDataset();
        // at most about 24 labels under the axis (every 7th month over 14 years); the table has them all
        int every = Math.max(1, (labels.size() + 23) / 24);
        series.forEach((name, values) -> {
            for (int i = 0; i < labels.size(); i++) {
                data.addValue(values.get(i), name, new Label(i, i % every == 0 ? labels.get(i) : ""));
            }
        });
        CategoryItemRenderer renderer;
        if (lines) {
            var line = new LineAndShapeRenderer(true, labels.size() <= 36);
            line.setDefaultStroke(new BasicStroke(2f));
            line.setAutoPopulateSeriesStroke(false);
            line.setDefaultShape(new Rectangle(-3, -3, 6, 6));
            line.setAutoPopulateSeriesShape(false);
            renderer = line;
        } else {
            var bar = new BarRenderer();
            bar.setBarPainter(new StandardBarPainter());
            bar.setShadowVisible(false);
            bar.setDrawBarOutline(false);
            bar.setItemMargin(0.05);
            renderer = bar;
        }
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        NumberAxis axis = valueAxis(valueFormat);
        if (max != null) {
            axis.setRange(0, max);
        }
        CategoryPlot plot = plot(data, axis, renderer, PlotOrientation.VERTICAL);
        if (labels.size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        var chart = new JFreeChart(null, FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT);
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return render(chart, WIDTH, 320, title);
    }

    private static CategoryPlot plot(DefaultCategoryDataset data, NumberAxis axis, CategoryItemRenderer renderer,
                                     PlotOrientation orientation) {
        var categories = new CategoryAxis();
        categories.setTickLabelFont(FONT);
        categories.setCategoryMargin(0.2);
        var plot = new CategoryPlot(data, categories, axis, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(TRACK);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        return plot;
    }

    private static NumberAxis valueAxis(String valueFormat) {
        var axis = new NumberAxis();
        axis.setTickLabelFont(FONT);
        axis.setNumberFormatOverride(format(valueFormat));
        axis.setAxisLineVisible(false);
        // every value charted is a count, days or a score: from 0, and at least 1 wide, so that a
        // chart of zeros (reviews decided the day they were submitted) reads 0 to 1, not ±0.00001
        axis.setRangeType(RangeType.POSITIVE);
        axis.setAutoRangeMinimumSize(1);
        if (!valueFormat.contains(".")) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return axis;
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** The chart as an {@code <svg>} element with the title for assistive technology. */
    static String render(JFreeChart chart, int width, int height, String title) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        var svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix("chart" + CHARTS.incrementAndGet() + "-");
        svg.setFontFunction(family -> FONT_FAMILY);
        // <text> elements, not glyph outlines: selectable, small, and drawn in the reader's CJK font
        svg.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        // the view box lets the page scale the chart down to narrow screens (styles.css: max-width 100%)
        String element = svg.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        int open = element.indexOf('>');
        return element.substring(0, open) + " role=\"img\" class=\"portal-chart\">"
                + "<title>" + escape(title) + "</title>" + element.substring(open + 1);
    }

    /** Text for XML content and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * A category key that stays distinct when two labels are equal (two departments may share a
     * shortened name); JFreeChart shows its {@link #toString()}.
     */
    private record Label(int index, String text) implements Comparable<Label> {

        @Override
        public int compareTo(Label other) {
            return Integer.compare(index, other.index);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
