package org.methodportal.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void traditionalCharactersBecomeSimplified() {
        assertThat(TextNormalizer.normalize("三會一課怎麼開")).isEqualTo("三会一课怎么开");
        assertThat(TextNormalizer.normalize("離退休幹部 樓棟議事")).isEqualTo("离退休干部 楼栋议事");
    }

    @Test
    void simplifiedTextStaysAsItIs() {
        String text = "部门预算编制时间紧、项目多，“一上”“二上”反复退改。\n第二段";
        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }

    @Test
    void fullWidthLettersDigitsAndSignsBecomeTheirAsciiForms() {
        assertThat(TextNormalizer.normalize("ｓａｎｓｈｅｎｓａｎｈｅ")).isEqualTo("sanshensanhe");
        assertThat(TextNormalizer.normalize("１２３４５工单　ＯＡ＋")).isEqualTo("12345工单 OA+");
        assertThat(TextNormalizer.normalize("抽查？（试行）")).as("Chinese punctuation stays").isEqualTo("抽查？（试行）");
    }

    @Test
    void onlyTheFullWidthBlockIsFoldedSoOtherCompatibilityCharactersStay() {
        assertThat(TextNormalizer.normalize("①…²")).isEqualTo("①…²");
    }

    @Test
    void controlCharactersAndBrokenSurrogatesBecomeSpacesWhileEmojiAndLineBreaksStay() {
        assertThat(TextNormalizer.normalize("a\u0000b\u0001c\u007fd\u2029e\r\nf\tg")).isEqualTo("a b c d e\n\nf\tg");
        assertThat(TextNormalizer.normalize("x\uD83Dy\uDE00z")).isEqualTo("x y z");
        assertThat(TextNormalizer.normalize("党课\uD83D\uDE00")).isEqualTo("党课\uD83D\uDE00");
    }
}
