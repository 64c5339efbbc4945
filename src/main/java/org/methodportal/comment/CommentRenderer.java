package org.methodportal.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.methodportal.account.MentionedAccount;

/**
 * Markdown-lite for comments: bold, italics, lists, links and line breaks, nothing else.
 * Like {@code method.MarkdownRenderer} it has two layers: commonmark escapes raw HTML and drops
 * unsafe link targets, then jsoup keeps only the few tags below and http(s)/mailto links, so no
 * script, event handler, style, image, frame or {@code javascript:}/{@code data:} URL survives.
 * Afterwards each {@code @login} in text (never inside links or code) that names an enabled account
 * becomes a link showing the person's name ({@code @李书记}) to their methods; a token that names
 * no account stays plain text, unmarked.
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

    private CommentRenderer() {
    }

    /**
     * The comment text as sanitised HTML inside one {@code <div class="comment-text">}, as Vaadin's
     * {@code Html} needs; {@code people} are the accounts its mentions may name, by lower-case login
     * ({@link Mentions#logins} of the text, looked up).
     */
    public static String render(String text, Map<String, MentionedAccount> people) {
        String html = RENDERER.render(PARSER.parse(text));
        String clean = Jsoup.clean(html, "", SAFELIST, OUTPUT);
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(OUTPUT);
        linkMentions(doc.body(), people);
        return "<div class=\"comment-text\">" + doc.body().html() + "</div>";
    }

    private static void linkMentions(Element root, Map<String, MentionedAccount> people) {
        if (people.isEmpty()) {
            return;
        }
        List<TextNode> texts = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t && t.parent() instanceof Element parent && !"a".equals(parent.tagName())
                    && !"code".equals(parent.tagName())) {
                texts.add(t);
            }
        });
        texts.forEach(text -> link(text, people));
    }

    private static void link(TextNode text, Map<String, MentionedAccount> people) {
        String value = text.getWholeText();
        Matcher m = Mentions.MENTION.matcher(value);
        List<Node> parts = new ArrayList<>();
        int from = 0;
        while (m.find()) {
            String login = m.group(1).toLowerCase(Locale.ROOT);
            // "请 @zhangsan." names zhangsan when no account is called "zhangsan."
            String trimmed = Mentions.trimmed(login);
            MentionedAccount person = people.containsKey(login) || trimmed == null ? people.get(login)
                    : people.get(trimmed);
            if (person == null) {
                continue;
            }
            if (m.start() > from) {
                parts.add(new TextNode(value.substring(from, m.start())));
            }
            parts.add(new Element("a").addClass("comment-mention").attr("href", "methods?author=" + person.id())
                    .attr("title", "@" + person.login()).text("@" + person.displayName()));
            from = m.start() + 1 + person.login().length();
        }
        if (parts.isEmpty()) {
            return;
        }
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
