package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void charactersThatReorderOrHideTextAreRemoved() {
        assertThat(DisplayNames.clean(" 张\u202E三 ")).isEqualTo("张三");
        assertThat(DisplayNames.clean("\u2066市委\u2069办公厅\u200B\u200F")).isEqualTo("市委办公厅");
        assertThat(DisplayNames.clean("机关\u0000党支部\n")).isEqualTo("机关党支部");
        assertThat(DisplayNames.clean("Zhang San 😀")).isEqualTo("Zhang San 😀");
    }

    @Test
    void aNameOfInvisibleCharactersOnlyIsRefused() {
        assertThatThrownBy(() -> DisplayNames.require("\u202E\u200B "))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("name-blank"));
        assertThat(DisplayNames.require(" 李书记 ")).isEqualTo("李书记");
    }
}
