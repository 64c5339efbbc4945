package org.methodportal.method.diff;

import org.methodportal.method.MethodField;
import org.methodportal.method.MethodContent;
import org.methodportal.method.Category;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.method.diff.Segment.Kind.DELETED;
import static org.methodportal.method.diff.Segment.Kind.EQUAL;
import static org.methodportal.method.diff.Segment.Kind.INSERTED;

import java.util.List;

import org.junit.jupiter.api.Test;

class MethodDiffTest {

    static final MethodContent BASE = new MethodContent("“三审三核”工作法", "压实预算编制质量。",
            Category.BUSINESS_PROBLEMS, "支部每月召开一次评审复盘会", null,
            List.of("一审依据", "二审目标", "三审标准"), List.of("申报", "评审", "反馈"), "退改率下降。", null,
            List.of("预算", "评审"), null);

    @Test
    void identicalContentsLeaveEveryFieldUnchangedInDomainOrder() {
        RevisionDiff diff = MethodDiff.between(BASE, BASE);

        assertThat(diff.fields()).extracting(FieldDiff::field).containsExactly(MethodField.values());
        assertThat(diff.fields()).noneMatch(FieldDiff::changed);
        assertThat(diff.changed()).isFalse();
    }

    @Test
    void onlyTheEditedFieldsAreChanged() {
        MethodContent edited = new MethodContent(BASE.title(), BASE.summary(), BASE.category(),
                "支部每季度召开两次评审复盘会", null, List.of("一审依据", "二审绩效目标", "三审标准"), BASE.steps(),
                BASE.outcomes(), null, List.of("预算", "评审", "复盘"), null);

        RevisionDiff diff = MethodDiff.between(BASE, edited);

        assertThat(diff.fields()).filteredOn(FieldDiff::changed).extracting(FieldDiff::field)
                .containsExactly(MethodField.PROBLEM, MethodField.MEASURES, MethodField.TAGS);
    }

    @Test
    void missingAndEmptyOptionalFieldsCountAsUnchanged() {
        MethodContent withEmpties = new MethodContent(BASE.title(), "", BASE.category(), BASE.problem(), "",
                BASE.measures(), BASE.steps(), BASE.outcomes(), "", BASE.tags(), "");
        MethodContent withoutSummary = new MethodContent(BASE.title(), null, BASE.category(), BASE.problem(), null,
                BASE.measures(), BASE.steps(), BASE.outcomes(), null, BASE.tags(), null);

        RevisionDiff diff = MethodDiff.between(withoutSummary, withEmpties);

        assertThat(diff.changed()).isFalse();
        assertThat(text(diff, MethodField.CONCEPT).segments()).isEmpty();
    }

    @Test
    void optionalFieldFilledInIsOneInsertion() {
        MethodContent withBody = new MethodContent(BASE.title(), BASE.summary(), BASE.category(), BASE.problem(),
                "功夫下在平时。", BASE.measures(), BASE.steps(), BASE.outcomes(), null, BASE.tags(), "## 来源\n某部");

        RevisionDiff diff = MethodDiff.between(BASE, withBody);

        assertThat(text(diff, MethodField.CONCEPT).segments()).containsExactly(new Segment(INSERTED, "功夫下在平时。"));
        assertThat(text(diff, MethodField.BODY).segments()).containsExactly(new Segment(INSERTED, "## 来源\n某部"));
    }

    @Test
    void changedCategoryIsReplacedAsAWholeName() {
        MethodContent recategorised = new MethodContent(BASE.title(), BASE.summary(), Category.TEAM_BUILDING,
                BASE.problem(), null, BASE.measures(), BASE.steps(), BASE.outcomes(), null, BASE.tags(), null);

        assertThat(text(MethodDiff.between(BASE, recategorised), MethodField.CATEGORY).segments())
                .containsExactly(new Segment(DELETED, "破解业务难题"), new Segment(INSERTED, "带好队伍"));
    }

    @Test
    void mixedChineseAndEnglishTitleDiffsWordsAndCharacters() {
        MethodContent renamed = new MethodContent("“PDCA 循环”工作法", BASE.summary(), BASE.category(),
                BASE.problem(), null, BASE.measures(), BASE.steps(), BASE.outcomes(), null, BASE.tags(), null);
        MethodContent renamedAgain = new MethodContent("“OKR 循环”工作法", BASE.summary(), BASE.category(),
                BASE.problem(), null, BASE.measures(), BASE.steps(), BASE.outcomes(), null, BASE.tags(), null);

        assertThat(text(MethodDiff.between(renamed, renamedAgain), MethodField.TITLE).segments()).containsExactly(
                new Segment(EQUAL, "“"), new Segment(DELETED, "PDCA"), new Segment(INSERTED, "OKR"),
                new Segment(EQUAL, " 循环”工作法"));
    }

    static FieldDiff.Text text(RevisionDiff diff, MethodField field) {
        return (FieldDiff.Text) diff.fields().get(field.ordinal());
    }
}
