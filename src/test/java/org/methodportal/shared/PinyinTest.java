package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

    @Test
    void searchKeyHoldsFullPinyinAndInitials() {
        assertThat(Pinyin.searchKey("张三")).contains("zhangsan").contains("zs").isEqualTo("zhangsan zs");
    }

    @Test
    void keepsLettersAndDigitsInLowerCaseAndDropsTheRest() {
        assertThat(Pinyin.searchKey("王小明2号")).isEqualTo("wangxiaoming2hao wxm2h");
        assertThat(Pinyin.searchKey("Alice Wong")).isEqualTo("alicewong alicewong");
        assertThat(Pinyin.searchKey("吕·布")).as("ü written as v, punctuation dropped").isEqualTo("lvbu lb");
    }

    @Test
    void normalisesWhatUsersTypeLikeTheKey() {
        assertThat(Pinyin.normaliseQuery("Zhang San")).isEqualTo("zhangsan");
        assertThat(Pinyin.searchKey("张三")).contains(Pinyin.normaliseQuery(" ZS "));
    }
}
