package org.methodportal.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Markdown-lite for comments: bold, italics, lists, links and line breaks, nothing else.
 * Like {@code method.MarkdownRenderer} it has two layers: commonmark escapes raw HTML and drops
 * unsafe link targets, then jsoup keeps only the few tags below and http(s)/mailto links, so no
 * script, event handler, style, image, frame or {@code javascript:}/{@code data:} URL survives.
 * Afterwards {@code @login} tokens in text (never inside links) become a highlighted span.
 */
public final class CommentRenderer {

    private static final Parser PARSER = Parser.builder().build();
    /** A single newline is a line break in comments, as people type them in a text area. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    private static final Safelist SAFELIST = Safelist.none()
            .addTags("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "code", "blockquote")
            .addAttributes("a", "href")
            .addTags("a")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);
    /** Same shape as an account login (AccountService), preceded by start or a non-word character. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([a-z0-9][a-z0-9._-]{1,63})");

    private CommentRenderer() {
    }

    /** The comment text as sanitised HTML inside one {@code <div class="comment-text">}, as Vaadin's {@code Html} needs. */
    public static String render(String text) {
        String html = RENDERER.render(PARSER.parse(text));
        String clean = Jsoup.clean(html, "", SAFELIST, OUTPUT);
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(OUTPUT);
        highlightMentions(doc.body());
        return "<div class=\"comment-text\">" + doc.body().html() + "</div>";
    }

    private static void highlightMentions(Element root) {
        List<TextNode> texts = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t && t.parent() instanceof Element parent && !"a".equals(parent.tagName())
                    && !"code".equals(parent.tagName())) {
                texts.add(t);
            }
        });
        texts.forEach(CommentRenderer::highlight);
    }

    private static void highlight(TextNode text) {
        String value = text.getWholeText();
        Matcher m = MENTION.matcher(value);
        if (!m.find()) {
            return;
        }
        List<Node> parts = new ArrayList<>();
        int from = 0;
        do {
            if (m.start() > from) {
                parts.add(new TextNode(value.substring(from, m.start())));
            }
            Element span = new Element("span").addClass("comment-mention").text("@" + m.group(1));
            parts.add(span);
            from = m.end();
        } while (m.find());
        if (from < value.length()) {
            parts.add(new TextNode(value.substring(from)));
        }
        Node anchor = text;
        for (Node part : parts) {
            anchor.after(part);
            anchor = part;
        }
        text.remove();
    }
}
