package org.methodportal.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelaxedSearchTest {

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
}
