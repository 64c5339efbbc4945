package org.methodportal.method;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns a method's free-form Markdown body into safe HTML for the method page. Two layers: the
 * Markdown renderer escapes raw HTML and drops unsafe link targets, then jsoup keeps only basic
 * formatting tags and http(s)/mailto links, so no script, event handler, style or
 * {@code javascript:}/{@code data:} URL an author writes can reach a reader's browser.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    /** Safelist.basic() (no images, links only with http, https, mailto and rel=nofollow) plus headings and rules. */
    private static final Safelist SAFELIST = Safelist.basic().addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    /** Markdown or HTML markers; text without any is plain already. */
    private static final Pattern MARKUP = Pattern.compile(
            "[*_`#<>\\[\\]~|&]|^\\s*(?:[-+]|\\d+[.)])\\s", Pattern.MULTILINE);
    private static final HtmlRenderer PASS_HTML = HtmlRenderer.builder().build();

    private MarkdownRenderer() {
    }

    /**
     * The text a reader sees, without Markdown syntax or HTML tags ("**三会一课**" → "三会一课"),
     * line breaks between blocks; for search, which indexes and highlights plain text.
     */
    public static String plainText(String markdown) {
        if (!MARKUP.matcher(markdown).find()) {
            return markdown;
        }
        String html = PASS_HTML.render(PARSER.parse(markdown));
        Document document = Jsoup.parse(html);
        document.outputSettings(OUTPUT);
        document.select("br").after("\n");
        document.select("p, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre").after("\n");
        return document.body().wholeText().replaceAll("[ \t]*\n\\s*", "\n").strip();
    }

    /** The body as sanitised HTML inside one {@code <div class="method-body">}, as Vaadin's {@code Html} needs. */
    public static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        String clean = Jsoup.clean(html, "", SAFELIST, OUTPUT);
        return "<div class=\"method-body\">" + clean + "</div>";
    }
}
