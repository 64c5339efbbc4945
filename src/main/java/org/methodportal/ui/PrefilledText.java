package org.methodportal.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

/**
 * Text a link offers to start a form with, e.g. an adoption report opening the method's comment
 * form or a change request with its outcome: {@code ?prefill=<text>}. The form only shows it as the
 * value of a text field (never as HTML) and nothing is saved until the user submits, so the
 * parameter can do no more than any pasted text. Kept short, because it travels in the address.
 */
public final class PrefilledText {

    /** The query parameter carrying the text. */
    public static final String PARAMETER = "prefill";

    /** Longest text a link carries, in characters: about 5 KB in the address, under servers' header limits. */
    public static final int MAX = 600;

    private PrefilledText() {
    }

    /**
     * The parameters of a link that opens a page at {@code focus} (an element id, see {@link PageFocus})
     * with {@code text} offered, shortened to {@link #MAX} characters.
     */
    public static QueryParameters query(@Nullable String focus, String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (focus != null) {
            parameters.put(PageFocus.PARAMETER, focus);
        }
        parameters.put(PARAMETER, shorten(clean(text), MAX));
        return QueryParameters.simple(parameters);
    }

    /**
     * The text the location offers, without control characters other than line breaks and tabs,
     * shortened to {@code max} characters; empty when it offers none.
     */
    public static Optional<String> of(Location location, int max) {
        return location.getQueryParameters().getSingleParameter(PARAMETER)
                .map(PrefilledText::clean)
                .filter(text -> !text.isEmpty())
                .map(text -> shorten(text, Math.min(max, MAX)));
    }

    /**
     * Takes the parameter out of the address bar once a form has taken the text, so that reloading
     * the page does not offer it again; the rest of the address stays.
     */
    public static void forget(UI ui, Location location) {
        Map<String, java.util.List<String>> rest = new LinkedHashMap<>(location.getQueryParameters().getParameters());
        rest.remove(PARAMETER);
        ui.getPage().getHistory().replaceState(null, new Location(location.getPath(), new QueryParameters(rest)));
    }

    private static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n' || c == '\t'
                    || type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                    && type != Character.PRIVATE_USE && type != Character.UNASSIGNED) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString().strip();
    }

    private static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }
}
