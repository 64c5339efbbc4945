package org.methodportal.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.methodportal.method.Category;
import org.methodportal.method.diff.DiffHtml;
import org.methodportal.method.MethodContent;
import org.methodportal.method.diff.MethodDiff;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.Revision;
import org.methodportal.proposal.ConflictResolution.Choice;
import org.methodportal.shared.PortalException;

/**
 * The three-way merge of a rebase as tables: base (what the request was written against),
 * theirs (published now), mine (the request) → merged value or conflict, for a text field, for
 * measures (a list of items) and for tags (a set).
 */
class RebasePolicyTest {

    private static final String CONFLICT = "<conflict>";

    static Stream<Arguments> textCases() {
        return Stream.of(
                Arguments.of("nobody changed it", "甲", "甲", "甲", "甲"),
                Arguments.of("only the published revision changed it", "甲", "乙", "甲", "乙"),
                Arguments.of("only the request changed it", "甲", "甲", "丙", "丙"),
                Arguments.of("both changed it alike", "甲", "乙", "乙", "乙"),
                Arguments.of("both changed it differently", "甲", "乙", "丙", CONFLICT),
                Arguments.of("published emptied it, request kept it", "甲", null, "甲", null),
                Arguments.of("published emptied it, request edited it", "甲", null, "丙", CONFLICT),
                Arguments.of("request emptied it, published edited it", "甲", "乙", null, CONFLICT),
                Arguments.of("both filled an empty field differently", null, "乙", "丙", CONFLICT),
                Arguments.of("only the request filled an empty field", null, null, "丙", "丙"));
    }

    @ParameterizedTest(name = "outcomes: {0}")
    @MethodSource("textCases")
    void textFieldsMergeWhenOnlyOneSideChangedThem(String rule, @Nullable String base, @Nullable String theirs,
                                                  @Nullable String mine, @Nullable String expected) {
        RebasePolicy.Outcome outcome = RebasePolicy.merge(withOutcomes(base), withOutcomes(theirs), withOutcomes(mine));

        if (CONFLICT.equals(expected)) {
            assertThat(outcome.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo(MethodField.OUTCOMES);
                assertThat(c.items()).isFalse();
                assertThat(c.base()).isEqualTo(values(base));
                assertThat(c.theirs()).isEqualTo(values(theirs));
                assertThat(c.mine()).isEqualTo(values(mine));
            });
        } else {
            assertThat(outcome.conflicts()).isEmpty();
            assertThat(outcome.merged().outcomes()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> itemCases() {
        return Stream.of(
                Arguments.of("nobody changed them", "A,B,C", "A,B,C", "A,B,C", "A,B,C"),
                Arguments.of("published edited one item, request another", "A,B,C", "A2,B,C", "A,B,C2", "A2,B,C2"),
                Arguments.of("published added at the end, request edited the first", "A,B", "A,B,N", "A1,B", "A1,B,N"),
                Arguments.of("published removed an item the request left alone", "A,B,C", "A,C", "A,B,C3", "A,C3"),
                Arguments.of("request removed an item the published left alone", "A,B,C", "A,B2,C", "B,C", "B2,C"),
                Arguments.of("both made the same edit", "A,B", "A,B2", "A,B2", "A,B2"),
                Arguments.of("both edited the same item differently", "A,B,C", "A,B2,C", "A,B3,C", "A,<B2|B3>,C"),
                Arguments.of("published edited an item the request removed", "A,B,C", "A,B2,C", "A,C", "A,<B2|>,C"),
                Arguments.of("both inserted at the same place", "A,B", "A,X,B", "A,Y,B", "A,<X|Y>,B"),
                Arguments.of("insertion next to the other side's edit", "A,B", "X,A,B", "A2,B", "X,A2,B"),
                Arguments.of("all new on both sides", "", "X", "Y", "<X|Y>"));
    }

    @ParameterizedTest(name = "measures: {0}")
    @MethodSource("itemCases")
    void itemsMergeRunByRun(String rule, String base, String theirs, String mine, String expected) {
        RebasePolicy.Outcome outcome = RebasePolicy.merge(withMeasures(base), withMeasures(theirs), withMeasures(mine));

        assertThat(render(outcome)).isEqualTo(expected);
    }

    static Stream<Arguments> tagCases() {
        return Stream.of(
                Arguments.of("additions of both sides are kept", "a", "a,t", "a,m", "a,m,t"),
                Arguments.of("a removal by the published revision stays removed", "a,b", "a", "a,b,m", "a,m"),
                Arguments.of("a removal by the request stays removed", "a,b", "a,b,t", "b", "b,t"),
                Arguments.of("removed by one, added by none", "a", "", "a", ""));
    }

    @ParameterizedTest(name = "tags: {0}")
    @MethodSource("tagCases")
    void tagsAreASet(String rule, String base, String theirs, String mine, String expected) {
        RebasePolicy.Outcome outcome = RebasePolicy.merge(withTags(base), withTags(theirs), withTags(mine));

        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.merged().tags()).isEqualTo(list(expected));
    }

    @Test
    void theScenarioOfTwoRequestsOnDifferentFieldsKeepsBoth() {
        MethodContent base = content("旧成效", "旧范围");
        MethodContent theirs = content("新成效", "旧范围");
        MethodContent mine = content("旧成效", "新范围");

        RebasePolicy.Outcome outcome = RebasePolicy.merge(base, theirs, mine);

        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.publishedChanges()).containsExactly(MethodField.OUTCOMES);
        assertThat(outcome.merged().outcomes()).isEqualTo("新成效");
        assertThat(outcome.merged().applicability()).isEqualTo("新范围");
    }

    @Test
    void eachResolutionTakesTheChosenSideOrTheEditedText() {
        MethodContent base = content("旧成效", "范围");
        RebasePolicy.Outcome outcome = RebasePolicy.merge(base, content("他人的成效", "范围"),
                content("我的成效", "范围"));
        assertThat(outcome.conflicts()).hasSize(1);

        assertThat(outcome.resolve(List.of(ConflictResolution.of(0, Choice.BASE))).outcomes()).isEqualTo("旧成效");
        assertThat(outcome.resolve(List.of(ConflictResolution.of(0, Choice.THEIRS))).outcomes()).isEqualTo("他人的成效");
        assertThat(outcome.resolve(List.of(ConflictResolution.of(0, Choice.MINE))).outcomes()).isEqualTo("我的成效");
        assertThat(outcome.resolve(List.of(new ConflictResolution(0, Choice.EDITED, List.of("合并", "后的成效"))))
                .outcomes()).isEqualTo("合并\n后的成效");
    }

    @Test
    void aCategoryConflictIsResolvedByName() {
        MethodContent base = content("成效", "范围");
        MethodContent theirs = withCategory(base, Category.COHESION);
        MethodContent mine = withCategory(base, Category.TEAM_BUILDING);
        RebasePolicy.Outcome outcome = RebasePolicy.merge(base, theirs, mine);

        assertThat(outcome.conflicts()).singleElement().satisfies(c -> assertThat(c.theirs()).containsExactly("凝心聚力"));
        assertThat(outcome.resolve(List.of(ConflictResolution.of(0, Choice.THEIRS))).category())
                .isEqualTo(Category.COHESION);
        assertThatThrownBy(() -> outcome.resolve(List.of(new ConflictResolution(0, Choice.EDITED, List.of("无此类别")))))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("method.category-required"));
    }

    @Test
    void aMergeWithAnOpenConflictIsNotGuessed() {
        RebasePolicy.Outcome outcome = RebasePolicy.merge(withMeasures("A"), withMeasures("B"), withMeasures("C"));

        assertThatThrownBy(outcome::merged).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("proposal.rebase-unresolved"));
        assertThatThrownBy(() -> outcome.resolve(List.of(ConflictResolution.of(0, Choice.MINE),
                ConflictResolution.of(1, Choice.MINE)))).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("proposal.rebase-unknown-conflict"));
    }

    @Test
    void aRequestHoldingTextFromBeforeAPublishedVersionWouldUndoIt() {
        List<Revision> published = List.of(revision(1, content("成效一", "范围一")),
                revision(2, content("成效二", "范围一")), revision(3, content("成效三", "范围一")));

        assertThat(RebasePolicy.undone(published, content("成效二", "范围二")))
                .as("the request still has version 2's outcomes, which version 3 changed")
                .containsExactlyEntriesOf(java.util.Map.of(MethodField.OUTCOMES, 3));
        assertThat(RebasePolicy.undone(published, content("成效一", "范围一")))
                .containsExactlyEntriesOf(java.util.Map.of(MethodField.OUTCOMES, 2));
        assertThat(RebasePolicy.undone(published, content("成效三", "范围一"))).isEmpty();
        assertThat(RebasePolicy.undone(published, content("全新的成效", "范围一"))).as("a new text undoes nothing")
                .isEmpty();
    }

    @Test
    void anItemALaterVersionAddedIsNamedWhenTheRequestDropsOrRewritesIt() {
        List<Revision> published = List.of(revision(1, withMeasures("A,B")), revision(2, withMeasures("A,B,C")),
                revision(3, withMeasures("A,B,C,D")));

        assertThat(RebasePolicy.undoneItems(published, withMeasures("A,B,D2")))
                .containsExactlyEntriesOf(java.util.Map.of(MethodField.MEASURES,
                        java.util.Map.of("C", 2, "D", 3)));
        assertThat(RebasePolicy.undoneItems(published, withMeasures("B,C,D"))).as("A was there from the start")
                .isEmpty();
        assertThat(RebasePolicy.undoneItems(published, withMeasures("A,B,C"))).as("named for the whole field instead")
                .isEmpty();
    }

    @Test
    void theReviewerDiffFlagsFieldsAndItems() {
        String html = DiffHtml.render(MethodDiff.between(withMeasures("A,B,C"), withMeasures("A,B")), key -> key,
                java.util.Map.of(MethodField.OUTCOMES, 3), java.util.Map.of(MethodField.MEASURES,
                        java.util.Map.of("C", 2)));

        assertThat(html).contains("<del class=\"diff-del\">C</del>", "<span class=\"diff-undo\">method.diff.undoes</span>");
    }

    // ---- helpers

    private static Revision revision(int number, MethodContent content) {
        return new Revision(1, number, null, content, 1, "作者", java.time.Instant.EPOCH, null, MethodStatus.PUBLISHED);
    }

    /** Merged measures as text; a conflict as {@code <theirs|mine>} with items joined by "+". */
    private static String render(RebasePolicy.Outcome outcome) {
        List<ConflictResolution> mine = outcome.conflicts().stream()
                .map(c -> new ConflictResolution(c.index(), Choice.EDITED,
                        List.of("<" + String.join("+", c.theirs()) + "|" + String.join("+", c.mine()) + ">")))
                .toList();
        return String.join(",", outcome.resolve(mine).measures());
    }

    private static List<String> values(@Nullable String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static MethodContent content(@Nullable String outcomes, @Nullable String applicability) {
        return new MethodContent("题目", "摘要", Category.MASS_LINE, "问题", "理念", List.of("措施"), List.of("步骤"),
                outcomes, applicability, List.of("标签"), null);
    }

    private static MethodContent withOutcomes(@Nullable String outcomes) {
        return content(outcomes, "范围");
    }

    private static MethodContent withMeasures(String measures) {
        MethodContent c = content("成效", "范围");
        return new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(), list(measures),
                c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
    }

    private static MethodContent withTags(String tags) {
        MethodContent c = content("成效", "范围");
        return new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(), c.measures(),
                c.steps(), c.outcomes(), c.applicability(), list(tags), c.body());
    }

    private static MethodContent withCategory(MethodContent c, Category category) {
        return new MethodContent(c.title(), c.summary(), category, c.problem(), c.concept(), c.measures(),
                c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
    }
}
