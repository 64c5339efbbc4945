package org.methodportal.shared;

/**
 * Names that others see (of people, departments, branches) as they are stored: without surrounding
 * spaces, control characters, or the invisible characters that reorder or hide text (bidirectional
 * overrides, embeddings, isolates and marks; zero-width spaces and joiners). A right-to-left
 * override in a name shows what follows it reversed, so one name could be made to look like another.
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    /** The name cleaned; refused with {@code error.name-blank} when nothing visible is left. */
    public static String require(String name) {
        String clean = clean(name);
        if (clean.isEmpty()) {
            throw PortalException.invalid("name-blank");
        }
        return clean;
    }

    public static String clean(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(c -> !invisible(c)).forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    private static boolean invisible(int c) {
        return Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
    }
}
