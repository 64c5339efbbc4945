package org.methodportal.shared;

import org.jspecify.annotations.Nullable;

/** Short texts typed by users (a plan, a reason, a note): trimmed, blank means none, too long is refused. */
public final class InputText {

    private InputText() {
    }

    /** The trimmed text, or null when blank; longer than {@code max}: {@code tooLong} (with the limit). */
    public static @Nullable String optional(@Nullable String value, int max, String tooLong) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw PortalException.invalid(tooLong, max);
        }
        return stripped;
    }

    /** Like {@link #optional}, but blank is refused as {@code missing}. */
    public static String required(@Nullable String value, int max, String missing, String tooLong) {
        String text = optional(value, max, tooLong);
        if (text == null) {
            throw PortalException.invalid(missing);
        }
        return text;
    }
}
