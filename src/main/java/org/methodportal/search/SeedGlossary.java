package org.methodportal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.methodportal.search.engine.GlossaryTerm;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The glossary used for synonym expansion and suggestions until the glossary feature exists: the
 * starter terms of {@code seeds/glossary.jsonl} (one JSON object per line: standard, variants,
 * definition).
 */
@Component
class SeedGlossary {

    static final String LOCATION = "classpath:seeds/glossary.jsonl";

    private final List<GlossaryTerm> terms;

    SeedGlossary(ResourceLoader resources) {
        var resource = resources.getResource(LOCATION);
        if (!resource.exists()) {
            terms = List.of();
            return;
        }
        try (InputStream in = resource.getInputStream()) {
            terms = GlossaryTerm.readJsonLines(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }

    List<GlossaryTerm> terms() {
        return terms;
    }
}
