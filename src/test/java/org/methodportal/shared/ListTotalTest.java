package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ListTotalTest {

    @Test
    void exactUpToTheCap() {
        assertThat(ListTotal.counted(0)).isEqualTo(new ListTotal(0, true));
        assertThat(ListTotal.counted(ListTotal.EXACT_UP_TO)).isEqualTo(new ListTotal(ListTotal.EXACT_UP_TO, true));
    }

    @Test
    void oneRowBeyondTheCapMeansMoreThanIt() {
        assertThat(ListTotal.countLimit()).isEqualTo(ListTotal.EXACT_UP_TO + 1L);
        assertThat(ListTotal.counted(ListTotal.countLimit())).isEqualTo(new ListTotal(ListTotal.EXACT_UP_TO, false));
    }

    @Test
    void pagesCarryWhetherTheirTotalIsExact() {
        var page = new PageResult<>(List.of("a"), ListTotal.counted(ListTotal.countLimit()), 0, 20);
        assertThat(page.total()).isEqualTo(ListTotal.EXACT_UP_TO);
        assertThat(page.totalExact()).isFalse();
        assertThat(page.map(String::length).totalExact()).isFalse();
        assertThat(new PageResult<>(List.of("a"), 1, 0, 20).totalExact()).isTrue();
    }
}
