package org.methodportal.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PinyinReadingsTest {

    @Test
    void dictionaryWordsPinTheReadingOfTheirPolyphonicCharacters() {
        assertThat(PinyinReadings.readings("银行")).containsExactly(List.of("yin", "hang"));
        assertThat(PinyinReadings.readings("重点")).containsExactly(List.of("zhong", "dian"));
        assertThat(PinyinReadings.readings("重新")).containsExactly(List.of("chong", "xin"));
        assertThat(PinyinReadings.readings("三会一课")).containsExactly(List.of("san", "hui", "yi", "ke"));
        assertThat(PinyinReadings.preferred("会计")).containsExactly("kuai", "ji");
        assertThat(PinyinReadings.preferred("成长")).containsExactly("cheng", "zhang");
        assertThat(PinyinReadings.preferred("长期")).containsExactly("chang", "qi");
    }

    @Test
    void otherPolyphonicCharactersKeepTheirReadingsUpToACap() {
        assertThat(PinyinReadings.readings("行")).containsExactly(List.of("xing"), List.of("hang"), List.of("heng"));
        assertThat(PinyinReadings.readings("乐")).containsExactly(List.of("le"), List.of("yue"));
        List<List<String>> many = PinyinReadings.readings("长乐还会重");
        assertThat(many).hasSize(PinyinReadings.MAX_READINGS)
                .first().isEqualTo(List.of("zhang", "le", "hai", "hui", "zhong"));
        assertThat(many).as("one character read otherwise at a time")
                .allSatisfy(r -> assertThat(r).hasSize(5));
    }

    @Test
    void latinRunsAndDigitsStayAsTheyAreAndPunctuationIsDropped() {
        assertThat(PinyinReadings.preferred("“三会一课”App 2号")).containsExactly("san", "hui", "yi", "ke", "app", "2",
                "hao");
    }

    @Test
    void indexedTitlesHoldTheirReadingsAndInitialsWithoutRepeats() {
        IndexDocument bank = SearchCorpus.document(1, "“三会一课”进银行", "问题", List.of("重点", "行"),
                org.methodportal.method.MethodStatus.PUBLISHED, 1, 1);

        assertThat(bank.pinyin()).first().isEqualTo("san hui yi ke jin yin hang");
        assertThat(bank.pinyin()).contains("zhong dian", "xing", "hang", "heng").doesNotContain("chong dian");
        assertThat(bank.initials()).first().isEqualTo("s h y k j y h");
        assertThat(bank.initials()).doesNotHaveDuplicates().doesNotContain("s k y k j y h");
    }

    @Test
    void mixedInputReadsItsChineseAsTheIndexDoes() {
        assertThat(PinyinReader.syllables("银行ye")).containsExactly("yin", "hang", "ye");
        assertThat(PinyinReader.syllables("san会一课")).containsExactly("san", "hui", "yi", "ke");
        assertThat(PinyinReader.key("银行")).isEqualTo("yinhang");
    }
}
