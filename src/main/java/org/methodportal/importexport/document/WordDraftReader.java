package org.methodportal.importexport.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jspecify.annotations.Nullable;
import org.methodportal.importexport.WordDraft;
import org.methodportal.method.Category;
import org.methodportal.method.MethodField;
import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a method drafted in Word in the common template: the title (Title style, a 标题/名称
 * heading, or else the first line), then headings 摘要, 针对问题, 工作理念, 主要措施, 操作步骤,
 * 工作成效, 适用范围 (Heading styles, or a bold line naming them, or "针对问题：…" at the start of
 * a line) with their text; each paragraph under 主要措施 and 操作步骤 is one item, its typed or Word
 * numbering left out. Whatever is outside these headings is returned as not mapped, never dropped
 * silently.
 */
public final class WordDraftReader {

    private static final Logger log = LoggerFactory.getLogger(WordDraftReader.class);

    /** Heading words per field, as written in the template and its usual variants, and in English. */
    private static final Map<MethodField, List<String>> HEADINGS = headings();
    /** Leading numbering typed into a heading or an item: 一、 （二） 3. 4、 第五步 ① • -. */
    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:第[一二三四五六七八九十百0-9]+[步条项点]\\s*[：:、.．]?|[（(][一二三四五六七八九十0-9]+[)）]\\s*[、.．]?"
                    + "|[一二三四五六七八九十]+\\s*[、.．]|[0-9]+\\s*[.、．)）](?![0-9])|[\\u2460-\\u2473]|[•·●▪◆■\\-–—*])\\s*");
    /** "针对问题：…" — a field's full name, a colon, its text. */
    private static final Pattern INLINE = Pattern.compile("^\\s*([^：:]{2,8})\\s*[：:]\\s*(.*)$", Pattern.DOTALL);
    /** Fields written on one line ("标签：…"): the next paragraph is not theirs. */
    private static final java.util.Set<MethodField> ONE_LINE = java.util.EnumSet.of(MethodField.TITLE,
            MethodField.CATEGORY, MethodField.TAGS);
    /** A bold line this short may be a heading. */
    private static final int HEADING_MAX_LENGTH = 20;

    private WordDraftReader() {
    }

    /** The draft in {@code bytes}; an invalid {@link PortalException} when it is no readable Word file. */
    public static WordDraft read(byte[] bytes, String fileName) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return new WordDraftReader().read(document, fileName);
        } catch (PortalException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // whatever POI stumbles over (not a ZIP, not Word XML, a ZIP bomb, broken parts) is the file's fault
            log.info("Word file {} not readable: {}", fileName, e.toString());
            throw PortalException.invalid("document.word-unreadable", fileName);
        }
    }

    private final Map<MethodField, List<String>> fields = new EnumMap<>(MethodField.class);
    private final List<String> unmapped = new ArrayList<>();
    private @Nullable String title;
    private @Nullable MethodField current;
    private boolean underUnknownHeading;
    private int images;

    private WordDraft read(XWPFDocument document, String fileName) {
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                paragraph(document, paragraph);
            } else if (element instanceof XWPFTable table) {
                table(table);
            }
        }
        String titleText = title != null ? title : first(MethodField.TITLE);
        if (titleText == null && fields.isEmpty() && unmapped.isEmpty()) {
            throw PortalException.invalid("document.word-empty", fileName);
        }
        if (titleText == null) {
            throw PortalException.invalid("document.word-no-title", fileName);
        }
        Category category = null;
        String categoryText = first(MethodField.CATEGORY);
        if (categoryText != null) {
            category = Category.fromName(strip(categoryText)).orElse(null);
            if (category == null) {
                unmapped.addFirst(categoryText);
            }
        }
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(fields.getOrDefault(MethodField.TAGS, List.of()).stream()
                .flatMap(t -> java.util.Arrays.stream(t.split("[、，,；;\\s]+")))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()));
        return new WordDraft(fileName, titleText, joined(MethodField.SUMMARY), category,
                Optional.ofNullable(joined(MethodField.PROBLEM)).orElse(""), joined(MethodField.CONCEPT),
                items(MethodField.MEASURES), items(MethodField.STEPS), joined(MethodField.OUTCOMES),
                joined(MethodField.APPLICABILITY), tags, joined(MethodField.BODY), unmapped, images);
    }

    private void paragraph(XWPFDocument document, XWPFParagraph paragraph) {
        images += (int) paragraph.getRuns().stream().mapToLong(r -> r.getEmbeddedPictures().size()).sum();
        String text = paragraph.getText().replace('\u00A0', ' ').strip();
        if (text.isEmpty()) {
            return;
        }
        String style = styleName(document, paragraph);
        if (style.equals("title") && title == null) {
            title = text;
            current = null;
            underUnknownHeading = false;
            return;
        }
        boolean heading = style.startsWith("heading") || style.startsWith("标题") || style.equals("title")
                || boldShort(paragraph, text);
        MethodField named = field(text);
        if (heading && named != null) {
            current = named;
            underUnknownHeading = false;
            return;
        }
        if (heading && (style.startsWith("heading") || style.startsWith("标题"))) {
            // a heading of another part (来源, 审核记录 …): it and its text stay out of the draft
            current = null;
            underUnknownHeading = true;
            unmapped.add(text);
            return;
        }
        Matcher inline = INLINE.matcher(text);
        if (inline.matches()) {
            MethodField labelled = fullName(inline.group(1));
            if (labelled != null) {
                underUnknownHeading = false;
                boolean given = !inline.group(2).isBlank();
                if (given) {
                    add(labelled, inline.group(2).strip());
                }
                // "类别：…" is the whole field; "针对问题：…" may go on in the next paragraphs
                current = given && ONE_LINE.contains(labelled) ? null : labelled;
                return;
            }
        }
        if (current == null) {
            if (title == null && fields.isEmpty() && !underUnknownHeading && unmapped.isEmpty()) {
                title = text;
            } else {
                unmapped.add(text);
            }
            return;
        }
        add(current, text);
    }

    private void table(XWPFTable table) {
        List<String> rows = table.getRows().stream()
                .map(row -> String.join(" | ", row.getTableCells().stream().map(c -> c.getText().strip()).toList()))
                .filter(row -> !row.isBlank() && !row.replace("|", "").isBlank())
                .toList();
        if (!rows.isEmpty()) {
            unmapped.add(String.join("\n", rows));
        }
    }

    private void add(MethodField field, String text) {
        fields.computeIfAbsent(field, f -> new ArrayList<>()).add(text);
    }

    private @Nullable String first(MethodField field) {
        List<String> texts = fields.get(field);
        return texts == null || texts.isEmpty() ? null : texts.getFirst();
    }

    private @Nullable String joined(MethodField field) {
        List<String> texts = fields.get(field);
        return texts == null || texts.isEmpty() ? null : String.join("\n", texts);
    }

    private List<String> items(MethodField field) {
        return fields.getOrDefault(field, List.of()).stream().map(WordDraftReader::withoutNumbering)
                .filter(t -> !t.isEmpty()).toList();
    }

    static String withoutNumbering(String text) {
        return NUMBERING.matcher(text).replaceFirst("").strip();
    }

    /** The field a heading names, typed numbering and a trailing colon left out. */
    static @Nullable MethodField field(String heading) {
        String name = strip(withoutNumbering(heading)).replaceAll("[：:]$", "").toLowerCase(Locale.ROOT);
        for (var entry : HEADINGS.entrySet()) {
            if (entry.getValue().contains(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Only a field's full name starts an inline field: "问题：…" in a text is just text. */
    private static @Nullable MethodField fullName(String label) {
        MethodField field = field(label);
        return field != null && HEADINGS.get(field).subList(0, 2).contains(strip(label).toLowerCase(Locale.ROOT))
                ? field : null;
    }

    private static String strip(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }

    private static String styleName(XWPFDocument document, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
        String name = style != null && style.getName() != null ? style.getName() : id;
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean boldShort(XWPFParagraph paragraph, String text) {
        if (text.length() > HEADING_MAX_LENGTH || paragraph.getRuns().isEmpty()) {
            return false;
        }
        for (XWPFRun run : paragraph.getRuns()) {
            if (!run.text().isBlank() && !run.isBold()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first two names of a field are its full names (Chinese, English as the bundles name it, spaces
     * left out); the rest are heading variants.
     */
    private static Map<MethodField, List<String>> headings() {
        Map<MethodField, List<String>> headings = new EnumMap<>(MethodField.class);
        headings.put(MethodField.TITLE, List.of("名称", "title", "标题", "工作法名称"));
        headings.put(MethodField.SUMMARY, List.of("摘要", "summary", "概述", "简介", "内容摘要"));
        headings.put(MethodField.CATEGORY, List.of("类别", "category", "分类"));
        headings.put(MethodField.PROBLEM, List.of("针对问题", "problemaddressed", "problem", "问题", "存在问题", "针对的问题"));
        headings.put(MethodField.CONCEPT, List.of("工作理念", "guidingidea", "concept", "理念", "基本理念"));
        headings.put(MethodField.MEASURES, List.of("主要措施", "mainmeasures", "measures", "措施", "具体措施", "主要做法", "具体做法"));
        headings.put(MethodField.STEPS, List.of("操作步骤", "steps", "步骤", "实施步骤", "工作步骤"));
        headings.put(MethodField.OUTCOMES, List.of("工作成效", "results", "outcomes", "成效", "取得成效", "主要成效"));
        headings.put(MethodField.APPLICABILITY, List.of("适用范围", "whereitapplies", "applicability", "适用"));
        headings.put(MethodField.TAGS, List.of("标签", "tags", "关键词"));
        headings.put(MethodField.BODY, List.of("正文", "fulltext", "body", "详细说明"));
        return headings;
    }
}
