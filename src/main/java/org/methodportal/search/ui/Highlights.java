package org.methodportal.search.ui;

import org.jsoup.parser.Parser;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

/**
 * Renders a highlighted fragment without interpreting any HTML: the fragment is split at our own
 * {@code <mark>} markers, each piece is unescaped to plain text and added as a text node, and
 * matches become {@code <mark>} elements built through the element API. Whatever a document or a
 * query contains ends up as text on the screen.
 */
final class Highlights {

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private Highlights() {
    }

    static Span render(String fragment) {
        Span span = new Span();
        span.addClassName("search-fragment");
        int pos = 0;
        while (pos < fragment.length()) {
            int open = fragment.indexOf(OPEN, pos);
            int close = open < 0 ? -1 : fragment.indexOf(CLOSE, open + OPEN.length());
            if (open < 0 || close < 0) {
                span.getElement().appendChild(Element.createText(text(fragment.substring(pos))));
                break;
            }
            if (open > pos) {
                span.getElement().appendChild(Element.createText(text(fragment.substring(pos, open))));
            }
            span.getElement().appendChild(new Element("mark").setText(text(fragment.substring(open + OPEN.length(), close))));
            pos = close + CLOSE.length();
        }
        return span;
    }

    private static String text(String escaped) {
        return Parser.unescapeEntities(escaped, false);
    }
}
