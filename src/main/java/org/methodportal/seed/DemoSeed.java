package org.methodportal.seed;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The shape of {@code seeds/demo.yaml}. */
record DemoSeed(String password, List<SeedDepartment> departments, List<SeedAccount> accounts,
                @Nullable String methods, @Nullable String methodsImportedBy, @Nullable String glossary,
                @Nullable List<SeedDraft> drafts,
                @Nullable List<SeedChange> changeRequests, @Nullable List<String> archived,
                @Nullable List<SeedAdoption> adoptions) {

    List<SeedDraft> draftsOrEmpty() {
        return drafts == null ? List.of() : drafts;
    }

    List<SeedChange> changeRequestsOrEmpty() {
        return changeRequests == null ? List.of() : changeRequests;
    }

    List<String> archivedOrEmpty() {
        return archived == null ? List.of() : archived;
    }

    List<SeedAdoption> adoptionsOrEmpty() {
        return adoptions == null ? List.of() : adoptions;
    }

    /** A seeded published method (by its source id) adopted by the branch of secretary {@code by}, with reports. */
    record SeedAdoption(String target, String by, String startedOn, @Nullable String plan,
                        @Nullable List<SeedReport> reports) {

        List<SeedReport> reportsOrEmpty() {
            return reports == null ? List.of() : reports;
        }
    }

    /** One report on a seeded adoption: TRIAL, EFFECTIVE, UNCLEAR or STOPPED. */
    record SeedReport(String status, String outcome, int rating, @Nullable Integer participants) {
    }

    record SeedDepartment(String name, @Nullable String code, List<String> branches) {
    }

    record SeedAccount(String login, String displayName, String department, String branch, List<String> roles,
                       @Nullable List<String> reviews) {

        List<String> reviewsOrEmpty() {
            return reviews == null ? List.of() : reviews;
        }
    }

    /** A draft saved revision by revision by its owner, then taken through workflow steps. */
    record SeedDraft(String owner, List<SeedRevision> revisions, @Nullable List<SeedStep> workflow) {

        List<SeedStep> workflowOrEmpty() {
            return workflow == null ? List.of() : workflow;
        }
    }

    /** A change request of a seeded published method (by its source id), then workflow steps. */
    record SeedChange(String target, String owner, SeedRevision revision, @Nullable List<SeedStep> workflow) {

        List<SeedStep> workflowOrEmpty() {
            return workflow == null ? List.of() : workflow;
        }
    }

    /**
     * One workflow step: {@code submit} or {@code withdraw} by the owner, or a review by {@code by}
     * ({@code approve}, {@code request-changes}, {@code reject}) with one score for all six qualities.
     */
    record SeedStep(String action, @Nullable String by, @Nullable String comment, @Nullable Integer score) {
    }

    /** Every field of one revision; the category by its Chinese name. */
    record SeedRevision(@Nullable String changeNote, String title, @Nullable String summary, String category,
                        String problem, @Nullable String concept, @Nullable List<String> measures,
                        @Nullable List<String> steps, @Nullable String outcomes, @Nullable String applicability,
                        @Nullable List<String> tags, @Nullable String body) {
    }
}
