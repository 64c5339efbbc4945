package org.methodportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.statistics.Statistics.AdoptedMethod;
import org.methodportal.statistics.Statistics.Count;
import org.methodportal.statistics.Statistics.Detail;
import org.methodportal.statistics.Statistics.ReviewMonth;
import org.methodportal.statistics.Statistics.Summary;
import org.methodportal.statistics.StatisticsFilter.Period;

/** The CSV of a figure: BOM, JSON names in the header, quoted text, formulas defused, no value empty. */
class StatisticsCsvTest {

    private static final Summary SUMMARY = new Summary(3, List.of(new Count("COHESION", "COHESION", 3)), List.of(
            new AdoptedMethod(11, "=HYPERLINK(\"http://x\",\"点我\")", "+财政部", 4),
            new AdoptedMethod(12, "@SUM(A1)\t", "-1", 2),
            new AdoptedMethod(13, "\t=1+1", "审计署", 1)));

    @Test
    void textCellsAreQuotedAndCannotRunAsFormulas() {
        Statistics figures = new Statistics(StatisticsFilter.DEFAULT, Statistics.Scope.SUMMARY, YearMonth.of(2026, 1),
                YearMonth.of(2026, 12), SUMMARY, null);

        String csv = StatisticsCsv.write(Figure.MOST_ADOPTED.table(figures).orElseThrow());

        assertThat(csv).startsWith("\uFEFFmethodId,title,department,adoptingBranches\r\n");
        assertThat(csv).contains("11,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",\"'+财政部\",4\r\n");
        assertThat(csv).contains("12,\"'@SUM(A1)\t\",\"'-1\",2\r\n");
        assertThat(csv).contains("13,\"'\t=1+1\",\"审计署\",1\r\n");
        assertThat(StatisticsCsv.write(Figure.PUBLISHED_BY_CATEGORY.table(figures).orElseThrow()))
                .as("categories by their Chinese names").isEqualTo("\uFEFFcategory,published\r\n\"凝心聚力\",3\r\n");
        assertThat(Figure.REVIEWS.table(figures)).as("no detail, no detail tables").isEmpty();
    }

    @Test
    void monthsAndMissingValues() {
        var detail = new Detail(0, List.of(), List.of(), List.of(), List.of(), List.of(
                new ReviewMonth(YearMonth.of(2026, 3), 2, 1, 1, 0, 1.5, 3.0),
                new ReviewMonth(YearMonth.of(2026, 4), 0, 0, 0, 0, null, null)), List.of(), List.of(), List.of(), null);
        Statistics figures = new Statistics(new StatisticsFilter(null, null, Period.ALL, null, null),
                Statistics.Scope.ALL, YearMonth.of(2026, 3), YearMonth.of(2026, 4), SUMMARY, detail);

        assertThat(StatisticsCsv.write(Figure.REVIEWS.table(figures).orElseThrow())).isEqualTo("\uFEFF"
                + "month,decided,approved,changesRequested,rejected,medianDays,p90Days\r\n"
                + "\"2026-03\",2,1,1,0,1.5,3.0\r\n\"2026-04\",0,0,0,0,,\r\n");
    }
}
