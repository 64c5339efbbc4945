package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.Pinyin;

class MentionRowTest {

    private final MentionRow wangFang = new MentionRow(1, "u000042", "王芳", "综合处党支部", Pinyin.searchKey("王芳"));

    @Test
    void startsWithLoginNameFullPinyinOrInitialsLikeThePrefixQuery() {
        assertThat(wangFang.startsWith("u0000", "u0000")).isTrue();
        assertThat(wangFang.startsWith("王", "王")).isTrue();
        assertThat(wangFang.startsWith("wangf", "wangf")).isTrue();
        assertThat(wangFang.startsWith("wf", "wf")).isTrue();
    }

    @Test
    void aMatchInsideIsNoPrefix() {
        assertThat(wangFang.startsWith("芳", "芳")).isFalse();
        assertThat(wangFang.startsWith("fang", "fang")).isFalse();
        assertThat(wangFang.startsWith("0042", "0042")).isFalse();
        assertThat(wangFang.startsWith("f", "f")).isFalse();
    }
}
