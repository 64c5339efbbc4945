package org.methodportal.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class GlossaryMatcherTest {

    private static final GlossaryMatcher MATCHER = new GlossaryMatcher(List.of(
            term(1, "主题党日", "党日活动", "党日"),
            term(2, "党员先锋岗", "先锋岗", "挂牌上岗"),
            term(3, "三会一课", "支部三会"),
            term(4, "民主评议党员", "民主评议", "评议党员")));

    /** The corpus glossary's own wordings, as members wrote them in the corpus. */
    private static final GlossaryMatcher MENTORING = new GlossaryMatcher(List.of(
            term(5, "导师帮带", "老带新", "传帮带"),
            term(6, "谈心谈话", "谈心"),
            term(1, "主题党日", "党日活动", "党日")));

    @Test
    void replaceAllLeavesAVariantInsideALongerWordAndNeverWritesAStandardTermTwiceInARow() {
        String text = "老带新“传帮带”做法，支部书记找他谈谈心，也经常找党员谈心，每月搞党日活动。";

        ReplacementPlan plan = MENTORING.plan(text, MENTORING.find(text));

        assertThat(plan.after()).isEqualTo("导师帮带“传帮带”做法，支部书记找他谈谈心，也经常找党员谈心谈话，每月搞主题党日。");
        assertThat(plan.replaced()).extracting(Finding::variant).containsExactly("老带新", "谈心", "党日活动");
        assertThat(plan.skipped()).extracting(s -> s.finding().variant() + ":" + s.reason())
                .containsExactly("传帮带:DOUBLED", "谈心:INSIDE_WORD");
        assertThat(plan.changes()).isTrue();
    }

    @Test
    void aPlanWithNothingToReplaceKeepsTheText() {
        ReplacementPlan plan = MENTORING.plan("找他谈谈心", MENTORING.find("找他谈谈心"));

        assertThat(plan.after()).isEqualTo("找他谈谈心");
        assertThat(plan.changes()).isFalse();
        assertThat(plan.skipped()).hasSize(1);
    }

    @Test
    void findsVariantsWithOffsetsStandardTermAndDefinition() {
        String text = "我们每月搞党日，还设了先锋岗。";

        List<Finding> findings = MATCHER.find(text);

        assertThat(findings).containsExactly(
                new Finding(null, 5, 7, "党日", "主题党日", "主题党日的定义"),
                new Finding(null, 11, 14, "先锋岗", "党员先锋岗", "党员先锋岗的定义"));
        assertThat(text.substring(5, 7)).isEqualTo("党日");
    }

    @Test
    void prefersTheLongestVariantStartingAtAPosition() {
        assertThat(MATCHER.find("组织党日活动两次")).extracting(Finding::variant).containsExactly("党日活动");
    }

    @Test
    void leavesAVariantAloneInsideItsOwnOrAnotherStandardTerm() {
        assertThat(MATCHER.find("开展主题党日，设立党员先锋岗，落实三会一课")).isEmpty();
        assertThat(MATCHER.find("年底民主评议党员")).as("民主评议 and 评议党员 are both inside the standard term")
                .isEmpty();
    }

    @Test
    void findsEveryOccurrenceWithoutOverlaps() {
        List<Finding> findings = MATCHER.find("民主评议后再评议党员，党日党日");

        assertThat(findings).extracting(Finding::variant).containsExactly("民主评议", "评议党员", "党日", "党日");
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start()).isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void replacingAllFindingsLeavesNothingToFind() {
        String text = "先锋岗挂牌上岗，开展党日活动和支部三会";

        String normalised = GlossaryMatcher.replace(text, MATCHER.find(text));

        assertThat(normalised).isEqualTo("党员先锋岗党员先锋岗，开展主题党日和三会一课");
        assertThat(MATCHER.find(normalised)).isEmpty();
    }

    @Test
    void anEmptyGlossaryFindsNothing() {
        assertThat(new GlossaryMatcher(List.of()).find("党日活动")).isEmpty();
    }

    static StandardTerm term(long id, String standard, String... variants) {
        return new StandardTerm(id, standard, List.of(variants), standard + "的定义", null, List.of(), 0,
                Instant.EPOCH);
    }
}
