package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import org.junit.jupiter.api.Test;

/** The server-rendered charts: text as escaped {@code <text>} in a CJK-capable family, ids unique per chart. */
class SvgChartsTest {

    @Test
    void barLabelsFromDataAreEscapedTextInACjkFamily() {
        String svg = SvgCharts.bars("按类别 <script>alert(1)</script>",
                List.of("凝心聚力", "<script>alert('x')</script>"), List.of(3, 12), "#,##0", null);

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"");
        assertThat(svg).doesNotContain("<script");
        assertThat(svg).contains("&lt;script&gt;alert(", "<title>按类别 &lt;script&gt;alert(1)&lt;/script&gt;</title>");
        assertThat(svg).as("text, not glyph outlines").contains("<text", ">凝心聚力<", ">12<");
        assertThat(svg).contains("WenQuanYi Zen Hei, Noto Sans CJK SC");
        assertThat(svg).contains("rgb(183,28,28)");
    }

    @Test
    void seriesOverMonthsHaveALegendAndTwoChartsDoNotShareClipPathIds() {
        SequencedMap<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("新建", List.of(1, 2, 3));
        series.put("发布", List.of(0, 1, 2));
        String first = SvgCharts.series("每月", List.of("2026-01", "2026-02", "2026-03"), series, "#,##0", true);
        String second = SvgCharts.series("每月", List.of("2026-01", "2026-02", "2026-03"), series, "#,##0", false);

        assertThat(first).contains(">新建<", ">发布<", ">2026-02<");
        List<String> months = java.util.stream.IntStream.range(0, 48).mapToObj(i -> "m" + i).toList();
        SequencedMap<String, List<? extends Number>> fourYears = new LinkedHashMap<>();
        fourYears.put("新建", java.util.Collections.nCopies(48, 1));
        assertThat(SvgCharts.series("四年", months, fourYears, "#,##0", true)).as("every second month labelled, as text though rotated")
                .contains(">m0<", ">m2<", ">m46<").doesNotContain(">m1<", ">m47<");
        SequencedMap<String, List<? extends Number>> zeros = new LinkedHashMap<>();
        zeros.put("等待天数", List.of(0.0, 0.0, 0.0));
        assertThat(SvgCharts.series("等待", List.of("2026-01", "2026-02", "2026-03"), zeros, "#,##0.#", true))
                .as("a chart of zeros runs from 0 to 1").contains(">0<", ">1<").doesNotContain(">-0<");
        String firstClip = first.replaceAll("(?s).*?clip-path=\"url\\(#([^)]+)\\)\".*", "$1");
        assertThat(second).doesNotContain("\"" + firstClip + "\"");
    }
}
