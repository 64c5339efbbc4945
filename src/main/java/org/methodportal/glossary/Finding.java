package org.methodportal.glossary;

import org.jspecify.annotations.Nullable;

/**
 * A variant (地方话) found in a text: {@code [start, end)} are UTF-16 offsets into the checked
 * text, with the standard term to use instead and its definition; {@code field} names the method
 * field the text came from, or is null for a free text. {@code kept} says the author of the
 * checked method chose to keep this wording (忽略); it is always false for a free text.
 */
public record Finding(@Nullable String field, int start, int end, String variant, String standard,
                      String definition, boolean kept) {

    public Finding(@Nullable String field, int start, int end, String variant, String standard, String definition) {
        this(field, start, end, variant, standard, definition, false);
    }

    Finding inField(String name, boolean keptInMethod) {
        return new Finding(name, start, end, variant, standard, definition, keptInMethod);
    }
}
