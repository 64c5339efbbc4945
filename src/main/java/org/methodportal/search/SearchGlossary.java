package org.methodportal.search;

import java.util.List;
import java.util.function.UnaryOperator;

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
     * Replaces every variant (地方话) in a text by its standard term, as the normalisation assistant
     * of the editor would: a draft in local wording then reads like the published entries it may
     * duplicate. One reading of the glossary serves all texts given to the returned function.
     */
    UnaryOperator<String> normalizer() {
        GlossaryMatcher matcher = glossary.matcher();
        return text -> GlossaryMatcher.replace(text, matcher.find(text));
    }
}
