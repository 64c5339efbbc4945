package org.methodportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which side navigation entry a page without its own entry lights up. */
class MainLayoutTest {

    private static final List<String> ENTRIES = List.of("", "methods", "methods/new", "admin/accounts", "admin/branches");

    @Test
    void methodPageAndHistoryHighlightTheMethodsEntry() {
        assertThat(MainLayout.section("methods/12", ENTRIES)).isEqualTo("methods");
        assertThat(MainLayout.section("/methods/12/history", ENTRIES)).isEqualTo("methods");
        assertThat(MainLayout.section("methods/12/revisions/3", ENTRIES)).isEqualTo("methods");
    }

    @Test
    void pagesWithTheirOwnEntryOrNoParentEntryGetNoAlias() {
        assertThat(MainLayout.section("methods", ENTRIES)).isNull();
        assertThat(MainLayout.section("methods/new", ENTRIES)).isNull();
        assertThat(MainLayout.section("admin/accounts", ENTRIES)).isNull();
        // The home entry's empty path is not a prefix of everything.
        assertThat(MainLayout.section("profile/password", ENTRIES)).isNull();
        // A prefix of the name is not a parent path.
        assertThat(MainLayout.section("methodsX/1", ENTRIES)).isNull();
    }
}
