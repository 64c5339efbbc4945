package org.methodportal.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** A review record as JSON, in the shape of the API's review list (scores by their JSON names). */
public final class ReviewRecordJson {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private ReviewRecordJson() {
    }

    public static String write(List<ReviewEntry> entries) {
        List<Map<String, Object>> rows = entries.stream().map(ReviewRecordJson::row).toList();
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
    }

    private static Map<String, Object> row(ReviewEntry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("proposalId", e.methodId());
        row.put("revision", e.revision());
        row.put("round", e.round());
        row.put("reviewer", e.reviewerName());
        row.put("reviewerId", e.reviewerId());
        row.put("decision", e.decision().name());
        Map<String, Integer> scores = new LinkedHashMap<>();
        e.scores().asMap().forEach((quality, value) -> scores.put(quality.jsonName(), value));
        row.put("scores", scores);
        row.put("comment", e.comment());
        row.put("createdAt", e.createdAt().toString());
        return row;
    }
}
