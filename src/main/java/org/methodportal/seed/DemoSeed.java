package org.methodportal.seed;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The shape of {@code seeds/demo.yaml}. */
record DemoSeed(String password, List<SeedDepartment> departments, List<SeedAccount> accounts,
                @Nullable String methods, @Nullable String methodsImportedBy, @Nullable List<SeedDraft> drafts) {

    List<SeedDraft> draftsOrEmpty() {
        return drafts == null ? List.of() : drafts;
    }

    record SeedDepartment(String name, @Nullable String code, List<String> branches) {
    }

    record SeedAccount(String login, String displayName, String department, String branch, List<String> roles,
                       @Nullable List<String> reviews) {

        List<String> reviewsOrEmpty() {
            return reviews == null ? List.of() : reviews;
        }
    }

    /** A draft saved revision by revision by its owner. */
    record SeedDraft(String owner, List<SeedRevision> revisions) {
    }

    /** Every field of one revision; the category by its Chinese name. */
    record SeedRevision(@Nullable String changeNote, String title, @Nullable String summary, String category,
                        String problem, @Nullable String concept, @Nullable List<String> measures,
                        @Nullable List<String> steps, @Nullable String outcomes, @Nullable String applicability,
                        @Nullable List<String> tags, @Nullable String body) {
    }
}
