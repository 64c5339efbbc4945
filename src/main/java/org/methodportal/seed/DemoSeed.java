package org.methodportal.seed;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The shape of {@code seeds/demo.yaml}. */
record DemoSeed(String password, List<SeedDepartment> departments, List<SeedAccount> accounts) {

    record SeedDepartment(String name, @Nullable String code, List<String> branches) {
    }

    record SeedAccount(String login, String displayName, String department, String branch, List<String> roles,
                       @Nullable List<String> reviews) {

        List<String> reviewsOrEmpty() {
            return reviews == null ? List.of() : reviews;
        }
    }
}
