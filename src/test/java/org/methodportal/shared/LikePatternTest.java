package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void blankTextMeansNoFilter() {
        assertThat(LikePattern.contains(null)).isNull();
        assertThat(LikePattern.contains("")).isNull();
        assertThat(LikePattern.contains("  \t")).isNull();
    }

    @Test
    void wrapsStrippedTextInWildcards() {
        assertThat(LikePattern.contains("  财政 ")).isEqualTo("%财政%");
    }

    @Test
    void escapesWildcardsAndTheEscapeCharacter() {
        assertThat(LikePattern.contains("100%")).isEqualTo("%100\\%%");
        assertThat(LikePattern.contains("wang_wu")).isEqualTo("%wang\\_wu%");
        assertThat(LikePattern.contains("a\\b")).isEqualTo("%a\\\\b%");
        assertThat(LikePattern.contains("\\%")).as("escape character first").isEqualTo("%\\\\\\%%");
    }
}
