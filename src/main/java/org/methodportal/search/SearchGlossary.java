package org.methodportal.search;

import java.util.List;

import org.methodportal.glossary.GlossaryMatcher;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.search.engine.GlossaryTerm;
import org.springframework.stereotype.Component;

/**
 * The glossary as search uses it for synonym expansion and suggestions: read from the glossary
 * module on each query, so an edited term applies at once, without reindexing or a restart.
 */
@Component
class SearchGlossary {

    private final GlossaryService glossary;

    SearchGlossary(GlossaryService glossary) {
        this.glossary = glossary;
    }

    List<GlossaryTerm> terms() {
        return glossary.all().stream().map(t -> new GlossaryTerm(t.standard(), t.variants())).toList();
    }

    /**
     * The text with every variant (地方话) replaced by its standard term, as the normalisation
     * assistant of the editor would replace them: a draft in local wording then reads like the
     * published entries it may duplicate.
     */
    String normalize(String text) {
        GlossaryMatcher matcher = glossary.matcher();
        return GlossaryMatcher.replace(text, matcher.find(text));
    }
}
