package org.methodportal.search.engine;

/**
 * The text of a highlighted fragment as both adapters return it: HTML-escaped, values of a
 * multi-valued field (tags, measures, steps) separated by " / ", and no control character — the
 * highlighters join values with NUL or a paragraph separator, and nothing of that kind may reach
 * a REST client or the page.
 */
public final class Snippets {

    /** Separator of values of a multi-valued field inside a fragment. */
    public static final String VALUE_SEPARATOR = " / ";

    private Snippets() {
    }

    /** Appends {@code text[from, to)} escaped. */
    public static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\u0000', '\u2029' -> out.append(VALUE_SEPARATOR);
                default -> out.append(Character.isISOControl(c) || c == '\u2028' ? ' ' : c);
            }
        }
    }

    /** A finished fragment: no blanks or value separators at either end. */
    public static String trim(CharSequence fragment) {
        String text = fragment.toString().strip();
        String bare = VALUE_SEPARATOR.strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            if (text.startsWith(bare)) {
                text = text.substring(bare.length()).strip();
                changed = true;
            }
            if (text.endsWith(bare) && !text.endsWith("</mark>")) {
                text = text.substring(0, text.length() - bare.length()).strip();
                changed = true;
            }
        }
        return text;
    }
}
