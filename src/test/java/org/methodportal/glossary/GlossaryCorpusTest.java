package org.methodportal.glossary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.TestCorpus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matcher on the real glossary (the evaluation corpus's glossary.jsonl) and the raw practices of the
 * 60 corpus methods, whose local wording uses those variants.
 */
class GlossaryCorpusTest {

    private static final Path CORPUS = TestCorpus.methods().getParent();

    static List<StandardTerm> glossary;
    static List<String> rawPractices;

    @BeforeAll
    static void read() throws IOException {
        glossary = new ArrayList<>();
        long id = 1;
        for (JsonNode node : lines("glossary.jsonl")) {
            List<String> variants = new ArrayList<>();
            node.path("variants").forEach(v -> variants.add(v.asString()));
            glossary.add(new StandardTerm(id++, node.path("standard").asString(), variants,
                    node.path("definition").asString(), null, List.of(), 0, Instant.EPOCH));
        }
        rawPractices = lines("methods.jsonl").stream().map(n -> n.path("raw_practice").asString("")).toList();
    }

    @Test
    void everyVariantOfTheGlossaryIsFoundInTheRawPractices() {
        GlossaryMatcher matcher = new GlossaryMatcher(glossary);
        Set<String> found = new HashSet<>();
        rawPractices.forEach(text -> matcher.find(text).forEach(f -> found.add(f.variant())));

        List<String> variants = glossary.stream().flatMap(t -> t.variants().stream()).toList();
        assertThat(variants).hasSizeGreaterThan(40);
        assertThat(found).containsExactlyInAnyOrderElementsOf(variants);
    }

    @Test
    void eachFindingPointsAtItsVariantOutsideEveryStandardTerm() {
        GlossaryMatcher matcher = new GlossaryMatcher(glossary);
        for (String text : rawPractices) {
            List<Finding> findings = matcher.find(text);
            for (Finding f : findings) {
                assertThat(text.substring(f.start(), f.end())).isEqualTo(f.variant());
                StandardTerm term = glossary.stream().filter(t -> t.variants().contains(f.variant())).findFirst()
                        .orElseThrow();
                assertThat(f.standard()).isEqualTo(term.standard());
                assertThat(f.definition()).isEqualTo(term.definition());
                for (StandardTerm standard : glossary) {
                    for (int at = text.indexOf(standard.standard()); at >= 0;
                         at = text.indexOf(standard.standard(), at + 1)) {
                        int end = at + standard.standard().length();
                        assertThat(f.end() <= at || f.start() >= end)
                                .as("%s at %d overlaps %s at %d", f.variant(), f.start(), standard.standard(), at)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void normalisedRawPracticesHaveNoVariantsLeft() {
        GlossaryMatcher matcher = new GlossaryMatcher(glossary);
        int replaced = 0;
        for (String text : rawPractices) {
            List<Finding> findings = matcher.find(text);
            replaced += findings.size();
            String normalised = GlossaryMatcher.replace(text, findings);
            assertThat(matcher.find(normalised)).as(normalised).isEmpty();
            findings.forEach(f -> assertThat(normalised).contains(f.standard()));
        }
        assertThat(replaced).isGreaterThanOrEqualTo(60);
    }

    private static List<JsonNode> lines(String file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        return Files.readAllLines(CORPUS.resolve(file), UTF_8).stream().filter(l -> !l.isBlank())
                .map(json::readTree).toList();
    }
}
