package org.methodportal.statistics.api;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.PortalException;
import org.methodportal.statistics.Figure;
import org.methodportal.statistics.Statistics;
import org.methodportal.statistics.StatisticsCsv;
import org.methodportal.statistics.StatisticsFilter;
import org.methodportal.statistics.StatisticsService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 统计: the dashboards' figures as JSON and each table as CSV. Every signed-in user gets the summary;
 * reviewers the full figures of the departments they review, administrators of all.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "statistics", description = "统计: figures of methods, reviews and adoption")
class StatisticsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    @Operation(summary = "The figures of a department (id) and category, from/to months (yyyy-MM) or a period "
            + "(12m, 24m, 36m, all; default all); detail is null for callers who see the summary only")
    Statistics figures(@RequestParam(required = false) @Nullable String department,
                       @RequestParam(required = false) @Nullable String category,
                       @RequestParam(required = false) @Nullable String from,
                       @RequestParam(required = false) @Nullable String to,
                       @RequestParam(required = false) @Nullable String period) {
        return statistics.dashboard(StatisticsFilter.parse(department, category, from, to, period));
    }

    @GetMapping("/{figure}.csv")
    @Operation(summary = "One table as CSV (UTF-8 with BOM): published-by-category, most-adopted, and for reviewers "
            + "and administrators by-category, by-department, by-status, per-month, reviews, rubric, "
            + "adoption-by-department, ratings; same filter parameters")
    ResponseEntity<byte[]> csv(@PathVariable String figure,
                               @RequestParam(required = false) @Nullable String department,
                               @RequestParam(required = false) @Nullable String category,
                               @RequestParam(required = false) @Nullable String from,
                               @RequestParam(required = false) @Nullable String to,
                               @RequestParam(required = false) @Nullable String period) {
        Figure chosen = Figure.fromPath(figure)
                .orElseThrow(() -> PortalException.notFound("statistics.figure-unknown", figure));
        Statistics figures = statistics.dashboard(StatisticsFilter.parse(department, category, from, to, period));
        Figure.Table table = chosen.table(figures)
                .orElseThrow(() -> PortalException.forbidden("statistics.detail-forbidden"));
        byte[] body = StatisticsCsv.write(table).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("statistics-" + chosen.path() + ".csv").build().toString())
                .body(body);
    }
}
