package org.methodportal.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchResult;
import org.methodportal.search.lucene.LuceneSearchIndex;

class RelaxedSearchTest {

    private static final Viewer MEMBER = new Viewer(9, false, Set.of());

    @Test
    void aDescribedProblemHasSeveralWords() {
        assertThat(RelaxedSearch.wordCount("群众反映办事难改进")).isGreaterThanOrEqualTo(Ranking.RELAX_MIN_WORDS);
    }

    @Test
    void aNameOfLettersAndDigitsIsOneWordWhateverTheAnalyzerCutsItInto() {
        assertThat(Ranking.words("k07ea2747c47")).as("smartcn cuts it").hasSizeGreaterThan(1);
        assertThat(RelaxedSearch.wordCount("k07ea2747c47")).isEqualTo(1);
    }

    @Test
    void spacedPinyinCountsEachSyllable() {
        assertThat(RelaxedSearch.wordCount("wu dui jie")).isEqualTo(3);
        assertThat(RelaxedSearch.wordCount("wu对接")).isEqualTo(1);
    }

    /**
     * With the semantic leg the text alone decides how far it is relaxed (the total also counts
     * the nearest methods), and a sentence nothing is near in meaning is not relaxed at all.
     */
    @Test
    void withTheSemanticLegTheTextDecidesTheRelaxationAndAnotherTopicIsNotRelaxed(@TempDir Path dir) throws Exception {
        List<IndexDocument> docs = new ArrayList<>(SearchCorpus.documents());
        // one method with an embedding, along the first axis
        docs.set(0, docs.getFirst().withVector(axis(0)));
        try (var index = new LuceneSearchIndex(dir)) {
            index.apply(docs, List.of());
            IndexQuery question = QueryPlanner.plan(SearchRequest.of("明天去上海的高铁票还有吗"), MEMBER,
                    SearchCorpus.glossary());
            assertThat(RelaxedSearch.relaxable(question)).isTrue();
            assertThat(index.search(question).total()).as("strict").isLessThan(Ranking.RELAX_BELOW);
            SearchResult lexical = RelaxedSearch.search(index, question);
            assertThat(lexical.total()).as("relaxed, lexical only").isGreaterThanOrEqualTo(Ranking.RELAX_BELOW);

            SearchResult nothingNear = RelaxedSearch.search(index, question.withVector(axis(1)));
            assertThat(nothingNear.total()).as("nothing near in meaning: not relaxed")
                    .isEqualTo(index.search(question).total());

            SearchResult near = RelaxedSearch.search(index, question.withVector(axis(0)));
            assertThat(near.hits()).extracting(SearchHit::id).as("relaxed, and the method near in meaning")
                    .containsAll(lexical.hits().stream().map(SearchHit::id).toList()).contains(docs.getFirst().id());
        }
    }

    private static float[] axis(int axis) {
        float[] v = new float[512];
        v[axis] = 1;
        return v;
    }
}
