package org.methodportal.method.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.method.diff.Segment.Kind.DELETED;
import static org.methodportal.method.diff.Segment.Kind.EQUAL;
import static org.methodportal.method.diff.Segment.Kind.INSERTED;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class InlineDiffTest {

    @Test
    void changedChineseCharactersShowAsDeletedThenInsertedRunsWithTheRestIntact() {
        List<Segment> segments = InlineDiff.between("支部每月召开一次评审复盘会", "支部每季度召开两次评审复盘会");

        assertThat(segments).containsExactly(
                new Segment(EQUAL, "支部每"),
                new Segment(DELETED, "月"), new Segment(INSERTED, "季度"),
                new Segment(EQUAL, "召开"),
                new Segment(DELETED, "一"), new Segment(INSERTED, "两"),
                new Segment(EQUAL, "次评审复盘会"));
    }

    @Test
    void rewrittenPhraseReadsAsOneDeletionAndOneInsertionNotAlternatingCharacters() {
        List<Segment> segments = InlineDiff.between("由党员骨干分三道关口审核项目", "由支部书记带领青年逐项审核项目");

        assertThat(segments).containsExactly(
                new Segment(EQUAL, "由"),
                new Segment(DELETED, "党员骨干分三道关口"), new Segment(INSERTED, "支部书记带领青年逐项"),
                new Segment(EQUAL, "审核项目"));
    }

    @Test
    void latinWordsAndNumbersChangeAsWholeWordsInsideChineseText() {
        assertThat(InlineDiff.between("使用Excel表格汇总2023年台账", "使用WPS表格汇总2024年台账")).containsExactly(
                new Segment(EQUAL, "使用"),
                new Segment(DELETED, "Excel"), new Segment(INSERTED, "WPS"),
                new Segment(EQUAL, "表格汇总"),
                new Segment(DELETED, "2023"), new Segment(INSERTED, "2024"),
                new Segment(EQUAL, "年台账"));
    }

    @Test
    void tokensAreHanCharactersWordRunsWhitespaceRunsAndSinglePunctuationMarks() {
        assertThat(InlineDiff.tokenise("第3季度  review，共12项。"))
                .containsExactly("第", "3", "季", "度", "  ", "review", "，", "共", "12", "项", "。");
    }

    @Test
    void hanCharacterOutsideTheBasicPlaneIsOneToken() {
        assertThat(InlineDiff.tokenise("𠀀字")).containsExactly("𠀀", "字");
        assertThat(InlineDiff.between("𠀀字", "𠀁字"))
                .containsExactly(new Segment(DELETED, "𠀀"), new Segment(INSERTED, "𠀁"), new Segment(EQUAL, "字"));
    }

    @Test
    void missingTextCountsAsEmpty() {
        assertThat(InlineDiff.between(null, "")).isEmpty();
        assertThat(InlineDiff.between(null, "新增内容")).containsExactly(new Segment(INSERTED, "新增内容"));
        assertThat(InlineDiff.between("原有内容", null)).containsExactly(new Segment(DELETED, "原有内容"));
    }

    @Test
    void identicalTextIsOneEqualSegment() {
        assertThat(InlineDiff.between("同一段文字。", "同一段文字。")).containsExactly(new Segment(EQUAL, "同一段文字。"));
    }

    @Test
    void similarityIsTheShareOfCommonCharacters() {
        assertThat(InlineDiff.similarity("", "")).isEqualTo(1.0);
        assertThat(InlineDiff.similarity("甲乙丙丁", "甲乙丙丁")).isEqualTo(1.0);
        assertThat(InlineDiff.similarity("甲乙丙丁", "甲乙戊己")).isEqualTo(0.5);
        assertThat(InlineDiff.similarity("甲乙", "丙丁")).isZero();
    }

    @Test
    void everyCorpusPairRebuildsBothTextsExactlyWithNeighbouringSegmentsOfDifferentKinds() throws IOException {
        List<String> problems = Corpus.texts("problem");
        assertThat(problems).hasSize(60);

        int pairs = 0;
        for (int i = 0; i < problems.size(); i++) {
            String from = problems.get(i);
            for (String to : List.of(problems.get((i + 1) % problems.size()), problems.get((i + 17) % problems.size()),
                    edited(from), from)) {
                List<Segment> segments = InlineDiff.between(from, to);

                assertThat(Corpus.older(segments)).isEqualTo(from);
                assertThat(Corpus.newer(segments)).isEqualTo(to);
                for (int s = 1; s < segments.size(); s++) {
                    assertThat(segments.get(s).kind()).isNotEqualTo(segments.get(s - 1).kind());
                }
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(240);
    }

    @Test
    void longTextsAreDiffedBySentenceFirstKeepingSmallEditsCharacterLevel() throws IOException {
        List<String> problems = Corpus.texts("problem");
        String body = String.join("\n", problems);
        String reversed = String.join("\n", problems.reversed());
        String edited = body.replace("以往评审主要靠个人经验", "过去评审多凭经验");
        assertThat(InlineDiff.tokenise(body).size()).isGreaterThan(InlineDiff.FINE_LIMIT);

        List<Segment> small = InlineDiff.between(body, edited);
        List<Segment> rewritten = InlineDiff.between(body, reversed);

        assertThat(small).filteredOn(s -> s.kind() != EQUAL)
                .containsExactly(new Segment(DELETED, "以往评审主要靠个人"), new Segment(INSERTED, "过去评审多凭"));
        assertThat(Corpus.older(rewritten)).isEqualTo(body);
        assertThat(Corpus.newer(rewritten)).isEqualTo(reversed);
    }

    @Test
    void sentencesKeepTheirClosingMarksAndJoinBackToTheText() {
        assertThat(InlineDiff.sentences("第一句。第二句！\n第三行")).containsExactly("第一句。", "第二句！", "\n", "第三行");
    }

    /** A typical revision: one sentence reworded, a clause appended. */
    private static String edited(String text) {
        int middle = text.length() / 2;
        return text.substring(0, middle).replace("，", "；") + "（2024 年修订）" + text.substring(middle) + "并建立台账。";
    }
}
