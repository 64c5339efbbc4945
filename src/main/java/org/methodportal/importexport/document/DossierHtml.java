package org.methodportal.importexport.document;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.method.MarkdownRenderer;
import org.methodportal.method.MergeSource;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodField;
import org.methodportal.review.Quality;
import org.methodportal.review.ReviewEntry;

/**
 * A method document as XHTML for the PDF renderer. Built as a DOM whose text nodes jsoup escapes,
 * so nothing an author wrote becomes markup; the Markdown body goes through the same sanitiser as
 * on the method page.
 */
public final class DossierHtml {

    /** The font family the PDF renderer registers the Chinese font under. */
    static final String FONT_FAMILY = "portal-cjk";

    private static final String STYLE = """
            @page { size: A4; margin: 22mm 20mm 20mm 20mm; font-family: portal-cjk;
                    @bottom-center { content: counter(page) " / " counter(pages); font-family: portal-cjk;
                                     font-size: 9pt; color: #555; } }
            * { font-family: portal-cjk; }
            body { font-size: 11pt; line-height: 1.6; color: #1a1a1a; }
            h1 { font-size: 20pt; color: #b71c1c; margin: 0 0 6pt 0; }
            h2 { font-size: 14pt; color: #b71c1c; border-bottom: 1px solid #e0c0c0; margin: 16pt 0 6pt 0;
                 page-break-after: avoid; }
            .summary { font-size: 12pt; color: #333; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
            th, td { border: 1px solid #c8ccd2; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            th { background: #f3f4f6; font-weight: normal; }
            .meta th { width: 22%; }
            .toc a { color: #1a1a1a; text-decoration: none; }
            .toc a::after { content: leader('.') target-counter(attr(href), page); }
            table.record th, table.record td { font-size: 9pt; white-space: nowrap; }
            table.record td.comment { white-space: normal; }
            .method { page-break-before: always; }
            .method.first { page-break-before: auto; }
            .note { color: #555; font-size: 9pt; }
            """;

    private DossierHtml() {
    }

    /** One method as a whole document. */
    public static Document of(MethodDossier dossier, Labels labels) {
        Document document = shell(dossier.method().revision().content().title(), labels);
        append(document.body(), dossier, labels, true);
        return document;
    }

    /** Several methods in one document, a table of contents first. */
    public static Document collection(String title, List<MethodDossier> dossiers, Labels labels) {
        Document document = shell(title, labels);
        Element body = document.body();
        body.appendElement("h1").text(title);
        body.appendElement("p").addClass("note").text(labels.get("importexport.document.collection-note",
                dossiers.size(), labels.time(dossiers.isEmpty() ? java.time.Instant.now()
                        : dossiers.getFirst().generatedAt())));
        body.appendElement("h2").text(labels.get("importexport.document.contents"));
        Element toc = body.appendElement("ol").addClass("toc");
        // the PDF's outline (bookmarks) lists the methods as the contents do
        Element bookmarks = document.head().appendElement("bookmarks");
        for (MethodDossier d : dossiers) {
            String name = d.method().revision().content().title();
            toc.appendElement("li").appendElement("a").attr("href", "#method-" + d.method().id()).text(name);
            bookmarks.appendElement("bookmark").attr("name", name).attr("href", "#method-" + d.method().id());
        }
        for (MethodDossier d : dossiers) {
            append(body, d, labels, false);
        }
        return document;
    }

    private static Document shell(String title, Labels labels) {
        Document document = Document.createShell("");
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false);
        document.selectFirst("html").attr("lang", labels.locale().toLanguageTag());
        document.head().appendElement("meta").attr("charset", "UTF-8");
        document.head().appendElement("title").text(title);
        document.head().appendElement("style").appendText(STYLE);
        return document;
    }

    private static void append(Element body, MethodDossier dossier, Labels labels, boolean alone) {
        MethodDetail method = dossier.method();
        MethodContent c = method.revision().content();
        Element section = body.appendElement("div").addClass("method").id("method-" + method.id());
        if (alone) {
            section.addClass("first");
        }
        section.appendElement(alone ? "h1" : "h2").text(c.title());
        if (present(c.summary())) {
            section.appendElement("p").addClass("summary").text(c.summary());
        }
        Element meta = section.appendElement("table").addClass("meta");
        row(meta, labels.get(MethodField.CATEGORY.key()), labels.get("method.category." + c.category().name()));
        row(meta, labels.get("importexport.document.origin"), method.departmentName() + " · " + method.branchName());
        if (!c.tags().isEmpty()) {
            row(meta, labels.get(MethodField.TAGS.key()), String.join("、", c.tags()));
        }
        row(meta, labels.get("importexport.document.status"), labels.get("method.status." + method.status().name()));
        row(meta, labels.get("importexport.document.revision"), labels.get("importexport.document.revision-value",
                method.revision().number(), labels.day(method.revision().createdAt())));
        row(meta, labels.get("importexport.document.generated"), labels.get("importexport.document.generated-value",
                labels.time(dossier.generatedAt()), dossier.generatedBy()));

        text(section, labels, MethodField.PROBLEM, c.problem());
        text(section, labels, MethodField.CONCEPT, c.concept());
        list(section, labels, MethodField.MEASURES, c.measures());
        list(section, labels, MethodField.STEPS, c.steps());
        text(section, labels, MethodField.OUTCOMES, c.outcomes());
        text(section, labels, MethodField.APPLICABILITY, c.applicability());
        if (present(c.body())) {
            section.appendElement("h3").text(labels.get(MethodField.BODY.key()));
            section.appendElement("div").append(MarkdownRenderer.render(c.body()));
        }
        provenance(section, dossier, labels);
        reviews(section, dossier, labels);
        adoption(section, dossier.adoption(), labels);
    }

    private static void text(Element section, Labels labels, MethodField field, @Nullable String text) {
        if (!present(text)) {
            return;
        }
        section.appendElement("h2").text(labels.get(field.key()));
        for (String paragraph : text.strip().split("\\R+")) {
            section.appendElement("p").text(paragraph.strip());
        }
    }

    private static void list(Element section, Labels labels, MethodField field, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        section.appendElement("h2").text(labels.get(field.key()));
        Element list = section.appendElement("ol");
        items.forEach(item -> list.appendElement("li").text(item));
    }

    private static void provenance(Element section, MethodDossier dossier, Labels labels) {
        List<MergeSource> sources = dossier.provenance().sources();
        if (sources.isEmpty() && dossier.provenance().mergedInto() == null) {
            return;
        }
        section.appendElement("h2").text(labels.get("importexport.document.provenance"));
        if (dossier.provenance().mergedInto() != null) {
            section.appendElement("p").text(labels.get("importexport.document.merged-into",
                    dossier.provenance().mergedInto().title()));
        }
        if (!sources.isEmpty()) {
            section.appendElement("p").text(labels.get("importexport.document.sources", sources.size()));
            Element list = section.appendElement("ul");
            sources.forEach(s -> list.appendElement("li").text(labels.get("importexport.document.source",
                    s.title(), s.revision())));
        }
    }

    private static void reviews(Element section, MethodDossier dossier, Labels labels) {
        section.appendElement("h2").text(labels.get("importexport.document.reviews"));
        if (!dossier.averages().isEmpty()) {
            section.appendElement("p").text(labels.get("importexport.document.averages"));
            Element table = section.appendElement("table");
            Element head = table.appendElement("tr");
            Element values = table.appendElement("tr");
            for (Quality quality : Quality.values()) {
                head.appendElement("th").text(labels.get(quality.nameKey()));
                values.appendElement("td").text(String.format(Locale.ROOT, "%.1f",
                        dossier.averages().getOrDefault(quality, 0.0)));
            }
        }
        if (dossier.reviews().isEmpty()) {
            section.appendElement("p").text(labels.get("importexport.document.no-reviews"));
            return;
        }
        Element table = section.appendElement("table").addClass("record");
        Element head = table.appendElement("tr");
        head.appendElement("th").text(labels.get("importexport.document.round"));
        head.appendElement("th").text(labels.get("importexport.document.reviewer"));
        head.appendElement("th").text(labels.get("importexport.document.decision"));
        for (Quality quality : Quality.values()) {
            head.appendElement("th").text(labels.get(quality.nameKey()));
        }
        head.appendElement("th").text(labels.get("importexport.document.time"));
        for (ReviewEntry e : dossier.reviews()) {
            Element row = table.appendElement("tr");
            row.appendElement("td").text(labels.get("importexport.document.round-value", e.round(), e.revision()));
            row.appendElement("td").text(e.reviewerName());
            row.appendElement("td").text(labels.get("review.decision." + e.decision().name()));
            for (Quality quality : Quality.values()) {
                row.appendElement("td").text(String.valueOf(e.scores().get(quality)));
            }
            row.appendElement("td").text(labels.time(e.createdAt()));
            if (present(e.comment())) {
                Element comment = table.appendElement("tr").appendElement("td").addClass("comment")
                        .attr("colspan", String.valueOf(Quality.values().length + 4));
                comment.text(labels.get("importexport.document.comment", e.comment()));
            }
        }
    }

    private static void adoption(Element section, AdoptionSummary adoption, Labels labels) {
        section.appendElement("h2").text(labels.get("importexport.document.adoption"));
        if (adoption.adoptionsEver() == 0) {
            section.appendElement("p").text(labels.get("importexport.document.no-adoption"));
            return;
        }
        section.appendElement("p").text(labels.get("importexport.document.adoption-summary",
                adoption.adoptingBranches(), adoption.adoptionsEver(),
                adoption.averageRating() == null ? "—" : String.format(Locale.ROOT, "%.1f", adoption.averageRating())));
        if (!adoption.byDepartment().isEmpty()) {
            Element table = section.appendElement("table");
            Element head = table.appendElement("tr");
            head.appendElement("th").text(labels.get("importexport.document.department"));
            head.appendElement("th").text(labels.get("importexport.document.branches"));
            adoption.byDepartment().forEach(d -> {
                Element row = table.appendElement("tr");
                row.appendElement("td").text(d.department());
                row.appendElement("td").text(String.valueOf(d.branches()));
            });
        }
    }

    private static void row(Element table, String label, String value) {
        Element row = table.appendElement("tr");
        row.appendElement("th").text(label);
        row.appendElement("td").text(value);
    }

    static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
