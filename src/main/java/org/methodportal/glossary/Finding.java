package org.methodportal.glossary;

import org.jspecify.annotations.Nullable;

/**
 * A variant (地方话) found in a text: {@code [start, end)} are UTF-16 offsets into the checked
 * text, with the standard term to use instead and its definition; {@code field} names the method
 * field the text came from, or is null for a free text.
 */
public record Finding(@Nullable String field, int start, int end, String variant, String standard,
                      String definition) {

    Finding inField(String name) {
        return new Finding(name, start, end, variant, standard, definition);
    }
}
