package org.methodportal.importexport.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportViewSizeLabelTest {

    private static final long MB = 1024L * 1024;

    @Test
    void wholeGigabytesAreSaidInGigabytesTheRestInMegabytes() {
        assertThat(ImportView.sizeLabel(1024 * MB)).isEqualTo("1 GB");
        assertThat(ImportView.sizeLabel(2048 * MB)).isEqualTo("2 GB");
        assertThat(ImportView.sizeLabel(50 * MB)).isEqualTo("50 MB");
        assertThat(ImportView.sizeLabel(1536 * MB)).isEqualTo("1536 MB");
    }
}
