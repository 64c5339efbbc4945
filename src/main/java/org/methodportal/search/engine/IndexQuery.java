package org.methodportal.search.engine;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A search as the application planned it for the adapters: the text and its glossary alternatives,
 * the pinyin readings of Latin input, filters, visibility, order and page.
 *
 * @param texts    what was typed, then the same with glossary synonyms substituted (may be empty: browse all),
 *                 each with the part a document must mostly contain
 * @param pinyin   syllables when the input contains Latin letters that read as pinyin ("wu dui jie")
 * @param initials letters of a short Latin input taken as pinyin initials ("w d j"), else null
 * @param statuses statuses searched (at least one)
 */
public record IndexQuery(List<QueryText> texts, List<String> pinyin, @Nullable String initials, Set<String> statuses,
                         @Nullable String category, @Nullable Long departmentId, @Nullable String tag,
                         @Nullable Integer year, Viewer viewer, boolean newestFirst, int offset, int limit) {

    public IndexQuery {
        texts = List.copyOf(texts);
        pinyin = List.copyOf(pinyin);
        statuses = Set.copyOf(statuses);
    }

    public boolean matchesAll() {
        return texts.isEmpty() && pinyin.isEmpty() && initials == null;
    }
}
