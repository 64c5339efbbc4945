package org.methodportal.shared;

import org.jspecify.annotations.Nullable;

/** Builds escaped SQL LIKE patterns (escape character {@code \}) from what a user typed. */
public final class LikePattern {

    private LikePattern() {
    }

    /** "%text%" with %, _ and \ escaped, or null when the text is blank (no filter). */
    public static @Nullable String contains(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + escape(text.strip()) + "%";
    }

    /** "text%" with %, _ and \ escaped, or null when the text is blank (no filter). */
    public static @Nullable String startsWith(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return escape(text.strip()) + "%";
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
