package org.methodportal.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.shared.ServiceTest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;

/** Members see the summary; administrators every figure; the filter goes into the URL and back. */
@ServiceTest
@ViewPackages(classes = StatisticsView.class)
class StatisticsViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("member")
    void aMemberSeesTheSummaryWithChartTableAndDownload() {
        open("period=all");
        assertThat($(Paragraph.class).id("statistics-range").getText()).as("the summary has no months to start from")
                .startsWith("统计时段：全部时间（截至 ");

        assertThat($(Div.class).withId("statistics-published-by-category").exists()).isTrue();
        assertThat($(Div.class).withId("statistics-by-department").exists()).as("detail is for reviewers").isFalse();
        assertThat($(Paragraph.class).id("statistics-scope").getText())
                .isEqualTo("审核、采用和评分等完整统计仅向审核人和管理员开放，这里显示概览。");
        Div published = $(Div.class).id("statistics-published-by-category");
        assertThat($(Svg.class, published).all()).hasSize(1);
        assertThat($(NativeTable.class, published).id("statistics-published-by-category-table").getElement()
                .getTextRecursively()).contains("类别", "已发布");
        assertThat($(Anchor.class, published).id("statistics-published-by-category-csv").getText())
                .isEqualTo("下载表格（CSV）");
    }

    @Test
    @WithUserDetails("admin")
    @SuppressWarnings("unchecked")
    void anAdministratorSeesEveryFigureAndTheFilterGoesIntoTheUrl() {
        open("");
        assertThat($(Paragraph.class).id("statistics-range").getText()).as("all time by default: from the first method")
                .startsWith("统计时段：2012-");

        for (String figure : new String[] {"by-category", "by-department", "by-status", "per-month", "reviews", "rubric",
                "adoption-by-department", "ratings"}) {
            assertThat($(Div.class).withId("statistics-" + figure).exists()).as(figure).isTrue();
        }
        Div department = $(Div.class).id("statistics-by-department");
        assertThat($(NativeTable.class, department).single().getElement().getTextRecursively()).contains("财政部");
        assertThat($(Svg.class, department).single().getElement().getProperty("innerHTML", ""))
                .as("the chart as SVG text in a CJK font").startsWith("<svg")
                .contains(">财政部<", "WenQuanYi Zen Hei");

        test($(ComboBox.class).id("statistics-category")).selectItem("凝心聚力");
        test($(Button.class).id("statistics-apply")).click();
        String location = UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
        assertThat(location).contains("statistics?", "category=" + Category.COHESION.name()).doesNotContain("period=");
        assertThat($(Paragraph.class).id("statistics-published").getText()).startsWith("所选范围内已发布的工作法共");
    }

    @Test
    @WithUserDetails("admin")
    void anEmptyRangeSaysSo() {
        open("from=1990-01&to=1990-12");

        assertThat($(Paragraph.class).id("statistics-by-category-empty").getText()).isEqualTo("所选范围内暂无数据。");
        assertThat($(Paragraph.class).withId("statistics-per-month-empty").exists()).isTrue();
        assertThat($(Paragraph.class).id("statistics-range").getText()).isEqualTo("统计时段：1990-01 至 1990-12");
    }

    /** The view at a URL with this query, as a link would open it. */
    private void open(String query) {
        UI.getCurrent().navigate(StatisticsView.ROUTE, QueryParameters.fromString(query));
        assertThat(getCurrentView()).isInstanceOf(StatisticsView.class);
    }
}
