package org.methodportal.search.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A standard term (普通话) with its local or colloquial variants (地方话), for synonym expansion. */
public record GlossaryTerm(String standard, List<String> variants) {

    public GlossaryTerm {
        variants = List.copyOf(variants);
    }

    /** Reads JSON lines of {@code {"standard", "variants": [...], "definition"}} (the corpus glossary format). */
    public static List<GlossaryTerm> readJsonLines(InputStream in) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<GlossaryTerm> terms = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> variants = new ArrayList<>();
                node.path("variants").forEach(v -> variants.add(v.asString()));
                terms.add(new GlossaryTerm(node.path("standard").asString(), variants));
            }
        }
        return List.copyOf(terms);
    }
}
