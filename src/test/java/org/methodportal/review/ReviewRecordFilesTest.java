package org.methodportal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The downloadable review record and the averages chart: complete, and safe with hostile text. */
class ReviewRecordFilesTest {

    private static final ReviewEntry ENTRY = new ReviewEntry(7, 3, 2, 1, 11, "王\"审核\"", Decision.REQUEST_CHANGES,
            new Scores(1, 2, 3, 4, 5, 3), "=HYPERLINK(\"http://x\")，请补充", Instant.parse("2026-11-27T08:00:00Z"));

    @Test
    void csvHasAHeaderQuotesTextAndDefusesFormulas() {
        String csv = ReviewRecordCsv.write(List.of(ENTRY));
        assertThat(csv).startsWith("\uFEFFid,proposalId,revision,round,reviewer,decision,regularity,pertinence,"
                + "operability,adaptability,exemplarity,creativity,comment,createdAt\r\n");
        assertThat(csv).contains("7,3,2,1,\"王\"\"审核\"\"\",REQUEST_CHANGES,1,2,3,4,5,3,"
                + "\"'=HYPERLINK(\"\"http://x\"\")，请补充\",2026-11-27T08:00:00Z\r\n");
    }

    @Test
    void jsonCarriesScoresByTheirApiNames() {
        String json = ReviewRecordJson.write(List.of(ENTRY));
        assertThat(json).contains("\"proposalId\" : 3", "\"operability\" : 3", "\"decision\" : \"REQUEST_CHANGES\"");
    }

    @Test
    void chartDrawsABarPerQualityAndEscapesLabels() {
        Map<Quality, Double> averages = new EnumMap<>(Quality.class);
        averages.put(Quality.REGULARITY, 5.0);
        averages.put(Quality.CREATIVITY, 2.5);
        String svg = ScoreChart.svg(averages, q -> "<b>" + q.jsonName(), "平均分 & <script>");

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).doesNotContain("<script>", "<b>");
        assertThat(svg).contains("&lt;b&gt;regularity", "平均分 &amp; &lt;script&gt;", ">5.0<", ">2.5<", ">0.0<");
        assertThat(svg).as("the portal's red bars").contains("rgb(183,28,28)");
    }
}
