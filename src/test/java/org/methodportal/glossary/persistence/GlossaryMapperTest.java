package org.methodportal.glossary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.glossary.LetterCount;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class GlossaryMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");

    @Autowired
    GlossaryMapper glossary;

    @Test
    void storesTermsWithVariantsInOrderAndFindsThemByKeyAndLetter() {
        long term = insert("gm主题党日", "zhu ti dang ri", "Z", "gm主题党日|zhutidangri ztdr|党日活动");
        long other = insert("gm三会一课", "san hui yi ke", "S", "gm三会一课|sanhuiyike shyk");
        glossary.insertVariants(term, List.of("gm党日活动", "gm党日"));

        TermRow row = glossary.findById(term).orElseThrow();
        assertThat(row.standard()).isEqualTo("gm主题党日");
        assertThat(row.definition()).isEqualTo("定义");
        assertThat(row.tags()).isEqualTo("组织生活,学习");
        assertThat(row.version()).isZero();
        assertThat(row.updatedAt()).isEqualTo(T0);
        assertThat(glossary.findIdByStandard("gm三会一课")).contains(other);
        assertThat(glossary.findVariants(List.of(term, other))).extracting(VariantRow::variant)
                .containsExactly("gm党日活动", "gm党日");
        assertThat(glossary.findVariantOwners(List.of("gm党日", "nothing"))).containsExactly(new VariantRow(term, "gm党日"));
        assertThat(glossary.findStandards(List.of("gm三会一课", "gm党日"))).containsExactly("gm三会一课");

        assertThat(glossary.find("%ztdr%", null, 0, 10)).extracting(TermRow::id).containsExactly(term);
        assertThat(glossary.find("%gm%", "S", 0, 10)).extracting(TermRow::id).containsExactly(other);
        assertThat(glossary.find("%gm%", null, 0, 10)).as("pinyin order").extracting(TermRow::id)
                .containsExactly(other, term);
        assertThat(glossary.find("%gm%", null, 1, 1)).extracting(TermRow::id).containsExactly(term);
        assertThat(glossary.count("%gm%", null)).isEqualTo(2);
        assertThat(glossary.countByInitial()).contains(new LetterCount("S", glossary.count(null, "S")));
    }

    @Test
    void updatesAndDeletesOnlyTheVersionRead() {
        long term = insert("gm先锋岗", "xian feng gang", "X", "gm先锋岗");
        glossary.insertVariants(term, List.of("gm挂牌"));

        assertThat(glossary.update(term, 1, "gm党员先锋岗", "新定义", null, "", "k", "dang", "D", T0)).isZero();
        assertThat(glossary.update(term, 0, "gm党员先锋岗", "新定义", null, "", "k", "dang", "D", T0.plusSeconds(1)))
                .isEqualTo(1);
        TermRow row = glossary.findById(term).orElseThrow();
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.standard()).isEqualTo("gm党员先锋岗");
        assertThat(row.category()).isNull();

        assertThat(glossary.delete(term, 0)).isZero();
        assertThat(glossary.delete(term, 1)).isEqualTo(1);
        assertThat(glossary.findById(term)).isEmpty();
        assertThat(glossary.findVariantOwners(List.of("gm挂牌"))).as("variants go with the term").isEmpty();
    }

    @Test
    void historyRowsComeNewestFirstAndOutliveTheirTerm() {
        long term = insert("gm党日", "dang ri", "D", "gm党日");
        glossary.insertHistory(term, "created", "gm党日", "甲\n乙", "定义", "reviewer", T0);
        glossary.insertHistory(term, "updated", "gm党日", "", "新定义", null, T0.plusSeconds(60));
        glossary.delete(term, 0);

        assertThat(glossary.findHistory(term)).extracting(HistoryRow::action, HistoryRow::variants,
                HistoryRow::definition, HistoryRow::changedBy, HistoryRow::changedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("updated", "", "新定义", null, T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("created", "甲\n乙", "定义", "reviewer", T0));
        assertThat(glossary.findHistory(term + 1_000_000)).isEmpty();
    }

    @Test
    void keptVariantsAreStoredOncePerMethodInTheOrderKept() {
        long method = 9_000_001;
        assertThat(glossary.insertKeptVariant(method, "党日", "secretary", T0)).isEqualTo(1);
        assertThat(glossary.insertKeptVariant(method, "党日", "secretary", T0.plusSeconds(5))).as("again").isZero();
        assertThat(glossary.insertKeptVariant(method, "先锋岗", "secretary", T0.plusSeconds(10))).isEqualTo(1);
        assertThat(glossary.insertKeptVariant(method + 1, "党日", null, T0)).isEqualTo(1);

        assertThat(glossary.findKeptVariants(method)).containsExactly("党日", "先锋岗");
        assertThat(glossary.deleteKeptVariant(method, "党日")).isEqualTo(1);
        assertThat(glossary.deleteKeptVariant(method, "党日")).isZero();
        assertThat(glossary.findKeptVariants(method)).containsExactly("先锋岗");
        assertThat(glossary.findKeptVariants(method + 1)).containsExactly("党日");
    }

    private long insert(String standard, String sortKey, String letter, String searchKey) {
        glossary.insert(standard, "定义", "组织生活", "组织生活,学习", searchKey, sortKey, letter, T0);
        return glossary.findIdByStandard(standard).orElseThrow();
    }
}
