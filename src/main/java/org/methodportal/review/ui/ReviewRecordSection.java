package org.methodportal.review.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodPageSection;
import org.methodportal.review.Quality;
import org.methodportal.review.ReviewEntry;
import org.methodportal.review.ReviewOutcome;
import org.methodportal.review.ReviewRecordCsv;
import org.methodportal.review.ReviewRecordJson;
import org.methodportal.review.ReviewService;
import org.methodportal.review.ScoreChart;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * The review record on the method page: the approvals of the current round while in
 * review, every review with its scores and comment, the averages of the published version as a
 * chart, and downloads as CSV and JSON.
 */
@Component
@Order(10)
class ReviewRecordSection implements MethodPageSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ReviewService reviews;

    ReviewRecordSection(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method) {
        List<ReviewEntry> record = reviews.record(method.id());
        UI ui = UI.getCurrent();
        Section section = new Section(new H3(ui.getTranslation("review.record.title")));
        section.setId("method-reviews");
        section.addClassNames("method-section", "review-record");
        if (method.status() == MethodStatus.IN_REVIEW) {
            ReviewOutcome progress = reviews.progress(method.id());
            Paragraph approvals = new Paragraph(ui.getTranslation("review.record.progress", method.reviewRound(),
                    progress.approvals(), progress.required()));
            approvals.setId("review-progress");
            section.add(approvals);
        }
        if (record.isEmpty()) {
            Paragraph empty = new Paragraph(ui.getTranslation("review.record.empty"));
            empty.setId("review-record-empty");
            section.add(empty);
            return Optional.of(section);
        }
        Map<Quality, Double> averages = reviews.publishedAverages(method.id());
        if (!averages.isEmpty()) {
            String title = ui.getTranslation("review.record.averages");
            Div chart = new Div(new H4(title), new Svg(ScoreChart.svg(averages, q -> ui.getTranslation(q.nameKey()),
                    title)));
            chart.setId("review-chart");
            section.add(chart);
        }
        section.add(grid(ui, record), downloads(ui, method.id(), record));
        return Optional.of(section);
    }

    private static Grid<ReviewEntry> grid(UI ui, List<ReviewEntry> record) {
        Grid<ReviewEntry> grid = new Grid<>(ReviewEntry.class, false);
        grid.setId("review-record");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> ui.getTranslation("review.record.round-value", e.round(), e.revision()))
                .setHeader(ui.getTranslation("review.record.round")).setAutoWidth(true);
        grid.addColumn(ReviewEntry::reviewerName).setHeader(ui.getTranslation("review.record.reviewer"))
                .setAutoWidth(true);
        grid.addColumn(e -> ui.getTranslation("review.decision." + e.decision().name()))
                .setHeader(ui.getTranslation("review.form.decision")).setAutoWidth(true);
        for (Quality quality : Quality.values()) {
            grid.addColumn(e -> e.scores().get(quality)).setHeader(ui.getTranslation(quality.nameKey()))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(e -> TIME.format(e.createdAt())).setHeader(ui.getTranslation("review.record.time"))
                .setAutoWidth(true).setFlexGrow(1);
        // The comment on a row of its own under its round, across the whole width: read in full,
        // and the columns (the time last) fit the page without scrolling sideways.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
            Span comment = new Span(ui.getTranslation("review.record.comment-line", e.comment()));
            comment.addClassName("review-record-comment");
            return comment;
        }));
        grid.setDetailsVisibleOnClick(false);
        grid.setItems(record);
        record.stream().filter(e -> e.comment() != null && !e.comment().isBlank())
                .forEach(e -> grid.setDetailsVisible(e, true));
        return grid;
    }

    private static Div downloads(UI ui, long methodId, List<ReviewEntry> record) {
        // The files are made now, from what this reader may see; the download request only streams them.
        byte[] csv = ReviewRecordCsv.write(record).getBytes(StandardCharsets.UTF_8);
        byte[] json = ReviewRecordJson.write(record).getBytes(StandardCharsets.UTF_8);
        Anchor csvLink = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(csv), "reviews-" + methodId + ".csv", "text/csv;charset=UTF-8", csv.length)),
                ui.getTranslation("review.record.download-csv"));
        csvLink.setId("review-download-csv");
        Anchor jsonLink = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(json), "reviews-" + methodId + ".json", "application/json", json.length)),
                ui.getTranslation("review.record.download-json"));
        jsonLink.setId("review-download-json");
        Div links = new Div(csvLink, jsonLink);
        links.addClassName("review-downloads");
        return links;
    }
}
