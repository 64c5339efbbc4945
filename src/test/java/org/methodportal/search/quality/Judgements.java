package org.methodportal.search.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judged query set ({@code search/judgements.jsonl}): each query with its kind and the graded
 * relevance of corpus entries by external id (3 = the entry asked for, 2 = highly relevant,
 * 1 = related; unlisted = not relevant). Queries of kind {@code unrelated} are of another topic and
 * have no grades: right only when nothing is found.
 */
record Judgements(List<Judgement> queries) {

    static final String FILE = "/search/judgements.jsonl";

    record Judgement(String query, String kind, Map<String, Integer> grades) {
    }

    static Judgements read() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Judgement> queries = new ArrayList<>();
        try (InputStream in = Judgements.class.getResourceAsStream(FILE);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                Map<String, Integer> grades = new LinkedHashMap<>();
                node.path("grades").properties().forEach(e -> grades.put(e.getKey(), e.getValue().asInt()));
                queries.add(new Judgement(node.path("q").asString(), node.path("kind").asString(), grades));
            }
        }
        return new Judgements(List.copyOf(queries));
    }

    List<String> kinds() {
        return queries.stream().map(Judgement::kind).distinct().toList();
    }
}
