package org.methodportal.account.api;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.PageRequest;

/** Reads the list parameters {@code page}, {@code size} and {@code sort=key[,asc|desc]}. */
final class ApiPaging {

    static final String DEFAULT_SIZE = "20";

    private ApiPaging() {
    }

    /** Unknown sort keys are harmless: each mapper whitelists its keys and falls back to its default order. */
    static PageRequest of(int page, int size, @Nullable String sort, String defaultKey) {
        if (sort == null || sort.isBlank()) {
            return PageRequest.ofPage(page, size, defaultKey, true);
        }
        String[] parts = sort.split(",", 2);
        boolean ascending = parts.length == 1 || !parts[1].strip().equalsIgnoreCase("desc");
        return PageRequest.ofPage(page, size, parts[0].strip(), ascending);
    }
}
