package org.methodportal.importexport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import files of any length in the corpus format, from the sample entries of the corpus
 * (src/test/resources/importexport/corpus-sample.jsonl): each line with its own source id and title.
 */
public final class GeneratedCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeneratedCorpus() {
    }

    /** {@code count} JSON lines with ids {@code <idPrefix><n>}, tagged only with {@code tag}. */
    public static List<String> lines(String idPrefix, int from, int count, String tag) {
        List<JsonNode> samples;
        try {
            samples = new ClassPathResource("importexport/corpus-sample.jsonl").getContentAsString(UTF_8)
                    .lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no sample entries in importexport/corpus-sample.jsonl");
        }
        List<String> lines = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ObjectNode entry = (ObjectNode) samples.get(i % samples.size()).deepCopy();
            entry.put("id", idPrefix + i);
            entry.put("title", entry.path("title").asString() + " 之" + i);
            entry.putArray("tags").add(tag);
            lines.add(JSON.writeValueAsString(entry));
        }
        return lines;
    }
}
