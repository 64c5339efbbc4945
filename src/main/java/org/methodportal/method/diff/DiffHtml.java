package org.methodportal.method.diff;

import org.methodportal.method.MethodField;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link RevisionDiff} as one HTML element for Vaadin's {@code Html} component. Every
 * string from a revision or a bundle is escaped, and the only markup is fixed tags with fixed
 * class names and numeric {@code value}s, so nothing an author writes can become markup or script.
 */
public final class DiffHtml {

    private DiffHtml() {
    }

    /**
     * The diff as a {@code <div class="method-diff">}: changed fields as sections, each run of
     * unchanged fields as a one-line note; {@code translate} maps bundle keys to text (may return
     * MessageFormat patterns, which are formatted here).
     */
    public static String render(RevisionDiff diff, Function<String, String> translate) {
        return render(diff, translate, Map.of(), Map.of());
    }

    /**
     * As {@link #render(RevisionDiff, Function)}, with a warning on each field that would undo the
     * change of the published version {@code undoes} names for it, and on each removed or rewritten
     * item (by its older text) that {@code undoesItems} names.
     */
    public static String render(RevisionDiff diff, Function<String, String> translate,
                                Map<MethodField, Integer> undoes, Map<MethodField, Map<String, Integer>> undoesItems) {
        StringBuilder html = new StringBuilder("<div class=\"method-diff\">");
        if (!diff.changed()) {
            paragraph(html, "diff-identical", translate.apply("method.diff.identical"));
        }
        List<String> unchanged = new ArrayList<>();
        for (FieldDiff field : diff.fields()) {
            if (!field.changed()) {
                unchanged.add(translate.apply(field.field().key()));
                continue;
            }
            unchangedNote(html, unchanged, translate);
            html.append("<section class=\"diff-field\"><h4 class=\"diff-field-name\">")
                    .append(escape(translate.apply(field.field().key()))).append("</h4>");
            Integer undone = undoes.get(field.field());
            if (undone != null) {
                paragraph(html, "diff-undo", format(translate.apply("method.diff.undoes"), undone));
            }
            switch (field) {
                case FieldDiff.Text text -> html.append("<p class=\"diff-text\">")
                        .append(segments(text.segments())).append("</p>");
                case FieldDiff.Items items -> items(html, items.items(), translate,
                        undoesItems.getOrDefault(field.field(), Map.of()));
            }
            html.append("</section>");
        }
        unchangedNote(html, unchanged, translate);
        return html.append("</div>").toString();
    }

    private static void unchangedNote(StringBuilder html, List<String> fieldNames, Function<String, String> translate) {
        if (!fieldNames.isEmpty()) {
            String names = String.join(translate.apply("method.diff.separator"), fieldNames);
            paragraph(html, "diff-unchanged", format(translate.apply("method.diff.unchanged"), names));
            fieldNames.clear();
        }
    }

    /** Numbered as in the newer revision; a removed item keeps its old number and says so. */
    private static void items(StringBuilder html, List<ItemDiff> items, Function<String, String> translate,
                              Map<String, Integer> undone) {
        html.append("<ol class=\"diff-list\">");
        for (ItemDiff item : items) {
            Integer number = item.toPosition() != null ? item.toPosition() : item.fromPosition();
            html.append("<li class=\"diff-item-").append(item.change().name().toLowerCase(Locale.ROOT))
                    .append("\" value=\"").append(number).append("\">")
                    .append(segments(item.segments()));
            String note = switch (item.change()) {
                case ADDED -> translate.apply("method.diff.item-added");
                case REMOVED -> translate.apply("method.diff.item-removed");
                case MOVED -> format(translate.apply("method.diff.item-from"), item.fromPosition());
                case CHANGED -> Objects.equals(item.fromPosition(), item.toPosition())
                        ? "" : format(translate.apply("method.diff.item-from"), item.fromPosition());
                case KEPT -> "";
            };
            if (!note.isEmpty()) {
                html.append(" <span class=\"diff-note\">").append(escape(note)).append("</span>");
            }
            Integer version = undone.get(olderText(item));
            if (version != null && (item.change() == ItemDiff.Change.REMOVED || item.change() == ItemDiff.Change.CHANGED)) {
                html.append(" <span class=\"diff-undo\">").append(escape(format(translate.apply("method.diff.undoes"),
                        version))).append("</span>");
            }
            html.append("</li>");
        }
        html.append("</ol>");
    }

    /** The item's text in the older revision: what was kept or deleted, without what was inserted. */
    private static String olderText(ItemDiff item) {
        StringBuilder text = new StringBuilder();
        item.segments().stream().filter(s -> s.kind() != Segment.Kind.INSERTED).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    private static String segments(List<Segment> segments) {
        StringBuilder html = new StringBuilder();
        for (Segment segment : segments) {
            String text = escape(segment.text());
            switch (segment.kind()) {
                case EQUAL -> html.append(text);
                case INSERTED -> html.append("<ins class=\"diff-ins\">").append(text).append("</ins>");
                case DELETED -> html.append("<del class=\"diff-del\">").append(text).append("</del>");
            }
        }
        return html.toString();
    }

    private static void paragraph(StringBuilder html, String cssClass, String text) {
        html.append("<p class=\"").append(cssClass).append("\">").append(escape(text)).append("</p>");
    }

    private static String format(String pattern, @Nullable Object argument) {
        return new MessageFormat(pattern, Locale.ROOT).format(new Object[] {argument});
    }

    /** Escapes the five characters that can end a text node or an attribute value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
