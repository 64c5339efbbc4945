package org.methodportal.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void findsLoginsAfterAtSignsInChineseAndLatinText() {
        assertThat(Mentions.logins("请@zhangsan 和 @Li.Si 看看，@wang_wu!")).containsExactly("zhangsan", "li.si",
                "wang_wu");
    }

    @Test
    void anEmailAddressOrASingleCharacterIsNoMention() {
        assertThat(Mentions.logins("写信到 admin@example.org 或 @a")).isEmpty();
    }

    @Test
    void trailingPunctuationIsOfferedAsASecondReadingAndRepeatsCountOnce() {
        assertThat(Mentions.logins("请 @zhangsan. 再请 @zhangsan")).containsExactly("zhangsan.", "zhangsan");
    }
}
