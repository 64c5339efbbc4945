package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;

/**
 * The check every HTML fragment built from what people typed must pass, shared by the sanitiser
 * tests and the stored-XSS journey: only the given tags and attributes, no event handler, no
 * {@code style}, and links only to http(s) or mailto. jsoup parses the fragment as a browser
 * would, so what is text in the fragment (an escaped {@code &lt;script&gt;}) stays text here.
 */
public final class SafeHtml {

    /** Characters browsers skip inside a URL scheme ("java\tscript:"), and spaces around it. */
    private static final Pattern IGNORED_IN_URL = Pattern.compile("[\\x00-\\x20\\x7f\\u00a0\\u200b-\\u200f\\u2028-\\u202e\\ufeff]");
    private static final Pattern SAFE_URL = Pattern.compile("(https?://|mailto:).*");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "srcdoc", "background", "poster", "srcset", "codebase", "cite", "ping");

    private SafeHtml() {
    }

    /** What is wrong with the fragment; empty when it is safe. */
    public static List<String> problems(String html, Set<String> tags, Set<String> attributes) {
        List<String> problems = new ArrayList<>();
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (!element.equals(body) && !tags.contains(element.tagName())) {
                problems.add("element <" + element.tagName() + ">");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || !attributes.contains(name)) {
                    problems.add("attribute " + name + " on <" + element.tagName() + ">");
                } else if (URL_ATTRIBUTES.contains(name)) {
                    String url = IGNORED_IN_URL.matcher(attribute.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
                    if (!SAFE_URL.matcher(url).matches()) {
                        problems.add(name + "=\"" + attribute.getValue() + "\" on <" + element.tagName() + ">");
                    }
                }
            }
        }
        body.forEachNode(node -> {
            if (node instanceof Comment) {
                problems.add("comment <!--" + ((Comment) node).getData() + "-->");
            }
        });
        return problems;
    }

    /** Fails, naming what is wrong, unless the fragment is safe. */
    public static void assertSafe(String html, Set<String> tags, Set<String> attributes) {
        assertThat(problems(html, tags, attributes)).as(html).isEmpty();
    }
}
