package org.methodportal.importexport.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.method.MarkdownRenderer;
import org.methodportal.method.MergeSource;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodField;
import org.methodportal.review.Quality;
import org.methodportal.review.ReviewEntry;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A method as a Word file in the template that {@link WordDraftReader} reads back: the title in
 * the Title style, the category and tags as "类别：…" lines, each field under a Heading 1 named as
 * on the method page, measures and steps as numbered lists; then the record (provenance, reviews,
 * adoption), which a draft does not take. Word has the fonts, so none is embedded.
 */
public final class DossierDocx {

    static final String TITLE_STYLE = "Title";
    static final String HEADING_STYLE = "Heading1";
    static final String SUBHEADING_STYLE = "Heading2";
    private static final String BODY_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";

    private final XWPFDocument document = new XWPFDocument();
    private final Labels labels;

    private DossierDocx(Labels labels) {
        this.labels = labels;
        XWPFStyles styles = document.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setEastAsia(BODY_FONT);
        styles.setDefaultFonts(fonts);
        styles.addStyle(style(TITLE_STYLE, "Title", 0, 44));
        styles.addStyle(style(HEADING_STYLE, "heading 1", 0, 30));
        styles.addStyle(style(SUBHEADING_STYLE, "heading 2", 1, 26));
    }

    /** One method as a Word file. */
    public static byte[] of(MethodDossier dossier, Labels labels) throws IOException {
        var docx = new DossierDocx(labels);
        docx.method(dossier, true);
        return docx.bytes();
    }

    /** Several methods in one Word file, their titles listed first. */
    public static byte[] collection(String title, List<MethodDossier> dossiers, Labels labels) throws IOException {
        var docx = new DossierDocx(labels);
        docx.styled(TITLE_STYLE, title);
        docx.styled(HEADING_STYLE, labels.get("importexport.document.contents"));
        for (int i = 0; i < dossiers.size(); i++) {
            docx.document.createParagraph().createRun().setText((i + 1) + ". "
                    + dossiers.get(i).method().revision().content().title());
        }
        for (MethodDossier dossier : dossiers) {
            docx.document.createParagraph().setPageBreak(true);
            docx.method(dossier, false);
        }
        return docx.bytes();
    }

    private byte[] bytes() throws IOException {
        var out = new ByteArrayOutputStream();
        document.write(out);
        document.close();
        return out.toByteArray();
    }

    private void method(MethodDossier dossier, boolean alone) {
        MethodDetail method = dossier.method();
        MethodContent c = method.revision().content();
        styled(alone ? TITLE_STYLE : HEADING_STYLE, c.title());
        line(labels.get(MethodField.CATEGORY.key()), labels.get("method.category." + c.category().name()));
        if (!c.tags().isEmpty()) {
            line(labels.get(MethodField.TAGS.key()), String.join("、", c.tags()));
        }
        line(labels.get("importexport.document.origin"), method.departmentName() + " · " + method.branchName());
        line(labels.get("importexport.document.status"), labels.get("method.status." + method.status().name()));
        line(labels.get("importexport.document.revision"), labels.get("importexport.document.revision-value",
                method.revision().number(), labels.day(method.revision().createdAt())));
        line(labels.get("importexport.document.generated"), labels.get("importexport.document.generated-value",
                labels.time(dossier.generatedAt()), dossier.generatedBy()));
        String heading = alone ? HEADING_STYLE : SUBHEADING_STYLE;
        text(heading, MethodField.SUMMARY, c.summary());
        text(heading, MethodField.PROBLEM, c.problem());
        text(heading, MethodField.CONCEPT, c.concept());
        list(heading, MethodField.MEASURES, c.measures());
        list(heading, MethodField.STEPS, c.steps());
        text(heading, MethodField.OUTCOMES, c.outcomes());
        text(heading, MethodField.APPLICABILITY, c.applicability());
        text(heading, MethodField.BODY, c.body() == null ? null : MarkdownRenderer.plainText(c.body()));
        provenance(heading, dossier);
        reviews(heading, dossier);
        adoption(heading, dossier.adoption());
    }

    private void text(String heading, MethodField field, @Nullable String text) {
        if (!DossierHtml.present(text)) {
            return;
        }
        styled(heading, labels.get(field.key()));
        for (String paragraph : text.strip().split("\\R+")) {
            document.createParagraph().createRun().setText(paragraph.strip());
        }
    }

    private void list(String heading, MethodField field, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        styled(heading, labels.get(field.key()));
        BigInteger numbering = numbering();
        for (String item : items) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setNumID(numbering);
            paragraph.setNumILvl(BigInteger.ZERO);
            paragraph.createRun().setText(item);
        }
    }

    private void provenance(String heading, MethodDossier dossier) {
        List<MergeSource> sources = dossier.provenance().sources();
        if (sources.isEmpty() && dossier.provenance().mergedInto() == null) {
            return;
        }
        styled(heading, labels.get("importexport.document.provenance"));
        if (dossier.provenance().mergedInto() != null) {
            plain(labels.get("importexport.document.merged-into", dossier.provenance().mergedInto().title()));
        }
        if (!sources.isEmpty()) {
            plain(labels.get("importexport.document.sources", sources.size()));
            sources.forEach(s -> plain("· " + labels.get("importexport.document.source", s.title(), s.revision())));
        }
    }

    private void reviews(String heading, MethodDossier dossier) {
        styled(heading, labels.get("importexport.document.reviews"));
        if (!dossier.averages().isEmpty()) {
            plain(labels.get("importexport.document.averages"));
            XWPFTable table = document.createTable(2, Quality.values().length);
            for (Quality quality : Quality.values()) {
                cell(table.getRow(0), quality.ordinal(), labels.get(quality.nameKey()));
                cell(table.getRow(1), quality.ordinal(), String.format(Locale.ROOT, "%.1f",
                        dossier.averages().getOrDefault(quality, 0.0)));
            }
        }
        if (dossier.reviews().isEmpty()) {
            plain(labels.get("importexport.document.no-reviews"));
            return;
        }
        int columns = Quality.values().length + 4;
        XWPFTable table = document.createTable(1, columns);
        XWPFTableRow head = table.getRow(0);
        cell(head, 0, labels.get("importexport.document.round"));
        cell(head, 1, labels.get("importexport.document.reviewer"));
        cell(head, 2, labels.get("importexport.document.decision"));
        for (Quality quality : Quality.values()) {
            cell(head, 3 + quality.ordinal(), labels.get(quality.nameKey()));
        }
        cell(head, columns - 1, labels.get("importexport.document.time"));
        for (ReviewEntry e : dossier.reviews()) {
            XWPFTableRow row = table.createRow();
            cell(row, 0, labels.get("importexport.document.round-value", e.round(), e.revision()));
            cell(row, 1, e.reviewerName());
            cell(row, 2, labels.get("review.decision." + e.decision().name()));
            for (Quality quality : Quality.values()) {
                cell(row, 3 + quality.ordinal(), String.valueOf(e.scores().get(quality)));
            }
            cell(row, columns - 1, labels.time(e.createdAt()));
        }
        for (ReviewEntry e : dossier.reviews()) {
            if (DossierHtml.present(e.comment())) {
                plain(labels.get("importexport.document.comment-by", e.reviewerName(), e.round(), e.comment()));
            }
        }
    }

    private void adoption(String heading, AdoptionSummary adoption) {
        styled(heading, labels.get("importexport.document.adoption"));
        if (adoption.adoptionsEver() == 0) {
            plain(labels.get("importexport.document.no-adoption"));
            return;
        }
        plain(labels.get("importexport.document.adoption-summary", adoption.adoptingBranches(),
                adoption.adoptionsEver(), adoption.averageRating() == null ? "—"
                        : String.format(Locale.ROOT, "%.1f", adoption.averageRating())));
        if (!adoption.byDepartment().isEmpty()) {
            XWPFTable table = document.createTable(1, 2);
            cell(table.getRow(0), 0, labels.get("importexport.document.department"));
            cell(table.getRow(0), 1, labels.get("importexport.document.branches"));
            adoption.byDepartment().forEach(d -> {
                XWPFTableRow row = table.createRow();
                cell(row, 0, d.department());
                cell(row, 1, String.valueOf(d.branches()));
            });
        }
    }

    private void line(String label, String value) {
        plain(label + "：" + value);
    }

    private void plain(String text) {
        document.createParagraph().createRun().setText(text);
    }

    private void styled(String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle(style);
        XWPFRun run = paragraph.createRun();
        run.setText(text);
    }

    private static void cell(XWPFTableRow row, int column, String text) {
        row.getCell(column).setText(text);
    }

    /** A decimal list of its own ("1." "2." …), so that each list starts at one. */
    private BigInteger numbering() {
        XWPFNumbering numbering = document.getNumbering() == null ? document.createNumbering() : document.getNumbering();
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(numbering.getAbstractNums().size() + 1L));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
        level.addNewLvlText().setVal("%1.");
        level.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(420));
        level.getPPr().getInd().setHanging(BigInteger.valueOf(420));
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        return numbering.addNum(abstractId);
    }

    private static XWPFStyle style(String id, String name, int outlineLevel, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewBasedOn().setVal("Normal");
        style.addNewQFormat();
        var paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
        paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        var run = style.addNewRPr();
        run.addNewRFonts().setEastAsia(HEADING_FONT);
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        run.addNewColor().setVal("B71C1C");
        return new XWPFStyle(style);
    }
}
