package org.methodportal.method;

import org.jspecify.annotations.Nullable;

/**
 * Browse filters; null means "any". {@code mine} limits to the caller's own methods and wins over
 * {@code ownerId}; {@code text} is matched against the title; {@code adopted} keeps the methods some
 * branch uses now (已被采用).
 */
public record MethodFilter(@Nullable Category category, @Nullable Long departmentId, @Nullable MethodStatus status,
                           @Nullable String tag, @Nullable Long ownerId, boolean mine, @Nullable String text,
                           boolean adopted) {

    public static final MethodFilter ALL = new MethodFilter(null, null, null, null, null, false, null);

    public MethodFilter(@Nullable Category category, @Nullable Long departmentId, @Nullable MethodStatus status,
                        @Nullable String tag, @Nullable Long ownerId, boolean mine, @Nullable String text) {
        this(category, departmentId, status, tag, ownerId, mine, text, false);
    }
}
