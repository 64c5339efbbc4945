package org.methodportal.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.search.SearchRequest;

class QueryTermsTest {

    private static final Viewer MEMBER = new Viewer(9, false, Set.of());

    @Test
    void questionAndFunctionWordsNeverCountTowardWhatADocumentMustContain() {
        String required = QueryTerms.required("新来的同志不熟悉业务怎么带");
        assertThat(required).contains("同志", "业务").doesNotContain("怎么", "的");
        assertThat(QueryTerms.required("三会一课怎么开")).isEqualTo("三会一课");
        assertThat(QueryTerms.required("如何提高统计数据质量")).doesNotContain("如何").contains("统计数据质量");
        assertThat(QueryTerms.required("有什么办法给党员量化打分吗")).doesNotContain("什么", "吗", "办法");
        assertThat(QueryTerms.required("为什么党建和业务是两张皮呢")).doesNotContain("为什么", "呢", "是", "和");
    }

    @Test
    void termsOfTheSubjectStayEvenWhenTheyHoldAFunctionCharacter() {
        assertThat(QueryTerms.required("三审三核")).isEqualTo("三审三核");
        assertThat(QueryTerms.required("过预算")).isEqualTo("过预算");
        assertThat(QueryTerms.required("上堤")).isEqualTo("上堤");
    }

    @Test
    void aTextOfFunctionWordsOnlyIsRequiredAsTyped() {
        assertThat(QueryTerms.required("怎么办")).isEqualTo("怎么办");
        assertThat(QueryTerms.required("的")).isEqualTo("的");
    }

    @Test
    void inputIsCutAtTwoHundredCharactersWithoutSplittingAPair() {
        String emoji = "\uD83D\uDE00";
        assertThat(QueryTerms.cut("党".repeat(250))).hasSize(QueryTerms.MAX_LENGTH);
        String cut = QueryTerms.cut(emoji.repeat(250));
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(QueryTerms.MAX_LENGTH);
        assertThat(QueryTerms.cut("短文本")).isEqualTo("短文本");
    }

    @Test
    void aLongTextKeepsItsRarestWordsWithinTheBudget() {
        String text = "我们支部新来了几个年轻同志，对机关工作不熟悉，想找个老同志带一带，有没有好的做法，"
                + "单位里有些老大难问题一直没人牵头，处室之间互相推诿，年轻党员又没有平台";
        Map<String, Long> frequencies = new HashMap<>();
        frequencies.put("推诿", 1L);
        frequencies.put("老大难", 1L);
        frequencies.put("支部", 50L);
        frequencies.put("工作", 60L);
        String informative = QueryTerms.informative(text, words -> {
            Map<String, Long> known = new HashMap<>();
            words.forEach(w -> known.put(w, frequencies.getOrDefault(w, 10L)));
            return known;
        });
        assertThat(informative).contains("推诿", "老大难").doesNotContain("工作", "，");
        assertThat(QueryTerms.cost(QueryText.of(informative))).isLessThanOrEqualTo(QueryTerms.TEXT_BUDGET);
    }

    @Test
    void aPlannedQueryNeverExceedsTheBudgetWhateverItsLengthOrGlossary() {
        List<GlossaryTerm> glossary = List.of(new GlossaryTerm("导师帮带", List.of("传帮带", "老带新", "带徒弟")),
                new GlossaryTerm("青年干部", List.of("小年轻", "新同志")), new GlossaryTerm("三会一课", List.of("支部三会")));
        for (String text : List.of("新同志刚进机关不熟悉情况怎么办", "老带新 小年轻 新同志 支部三会 传帮带 三会一课 ".repeat(20),
                "预算评审绩效目标项目库审核把关".repeat(30), "a b c d e f g h i j k l m n o p ".repeat(30),
                "\uD83D\uDE00".repeat(300), "title:(a OR b)~2 AND \"x\" +y -z [1 TO 5] {\"match_all\":{}}")) {
            IndexQuery query = QueryPlanner.plan(SearchRequest.of(text), MEMBER, glossary);
            assertThat(QueryTerms.cost(query.texts())).as(text).isLessThanOrEqualTo(QueryTerms.BUDGET);
            assertThat(query.texts()).as(text).isNotEmpty();
        }
    }

    @Test
    void traditionalAndFullWidthInputIsPlannedInItsSimplifiedForm() {
        IndexQuery query = QueryPlanner.plan(SearchRequest.of("三會一課怎麼開"), MEMBER, List.of());
        assertThat(query.texts().getFirst()).isEqualTo(new QueryText("三会一课怎么开", "三会一课", Ranking.STRICT));
        assertThat(QueryPlanner.plan(SearchRequest.of("ｓａｎｓｈｅｎｓａｎｈｅ"), MEMBER, List.of()).pinyin())
                .containsExactly("san", "shen", "san", "he");
    }
}
