package org.methodportal.method.diff;

import org.methodportal.method.diff.Segment;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.methodportal.shared.TestCorpus;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 60 sample methods of the evaluation corpus, as realistic texts for property-style tests. */
final class Corpus {

    private static final Path FILE = TestCorpus.methods();

    private Corpus() {
    }

    static List<JsonNode> entries() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        return Files.readAllLines(FILE, UTF_8).stream().filter(line -> !line.isBlank()).map(json::readTree).toList();
    }

    static List<String> texts(String field) throws IOException {
        return entries().stream().map(e -> e.path(field).asString("")).toList();
    }

    static List<List<String>> lists(String field) throws IOException {
        List<List<String>> lists = new ArrayList<>();
        for (JsonNode entry : entries()) {
            List<String> items = new ArrayList<>();
            entry.path(field).forEach(item -> items.add(item.asString()));
            lists.add(items);
        }
        return lists;
    }

    /** The text before and after a diff, rebuilt from its segments. */
    static String side(List<Segment> segments, Segment.Kind dropped) {
        StringBuilder text = new StringBuilder();
        segments.stream().filter(s -> s.kind() != dropped).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    static String older(List<Segment> segments) {
        return side(segments, Segment.Kind.INSERTED);
    }

    static String newer(List<Segment> segments) {
        return side(segments, Segment.Kind.DELETED);
    }
}
