package org.methodportal.importexport.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.methodportal.importexport.WordDraft;
import org.methodportal.method.Category;
import org.methodportal.shared.PortalException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Word files as secretaries write them in the common template, and files that are none. */
class WordDraftReaderTest {

    @Test
    void theTemplateWithWordHeadingsNumberedListsAndTypedNumberingBecomesTheFields() throws IOException {
        var word = new Word();
        word.styled("Title", "“三查三看”谈心谈话工作法");
        word.plain("类别：带好队伍");
        word.plain("标签：谈心谈话，青年干部、思想政治");
        word.styled("Heading1", "一、针对问题");
        word.plain("青年干部遇到困难不愿说，支部了解情况不及时。");
        word.plain("谈心谈话流于形式。");
        word.bold("二、工作理念");
        word.plain("把谈心谈话当作了解人、帮助人的日常工作。");
        word.styled("Heading1", "主要措施");
        word.plain("1. 查思想动态，看精神状态");
        word.plain("2、查工作进展，看担当作为");
        word.plain("（三）查生活困难，看帮扶实效");
        word.styled("Heading1", "操作步骤");
        word.numbered("每月梳理需要谈心的对象");
        word.numbered("支委分工，一对一谈话");
        word.numbered("第三步：形成台账，跟踪解决");
        word.plain("工作成效：青年干部主动反映问题的多了。");
        word.styled("Heading1", "适用范围");
        word.plain("青年干部较多的机关党支部。");
        word.styled("Heading1", "附件：谈话记录表");
        word.plain("谈话时间、地点、对象。");
        word.table("姓名", "谈话人");

        WordDraft draft = WordDraftReader.read(word.bytes(), "三查三看.docx");

        assertThat(draft.title()).isEqualTo("“三查三看”谈心谈话工作法");
        assertThat(draft.category()).isEqualTo(Category.TEAM_BUILDING);
        assertThat(draft.tags()).containsExactly("谈心谈话", "青年干部", "思想政治");
        assertThat(draft.problem()).isEqualTo("青年干部遇到困难不愿说，支部了解情况不及时。\n谈心谈话流于形式。");
        assertThat(draft.concept()).isEqualTo("把谈心谈话当作了解人、帮助人的日常工作。");
        assertThat(draft.measures()).containsExactly("查思想动态，看精神状态", "查工作进展，看担当作为", "查生活困难，看帮扶实效");
        assertThat(draft.steps()).containsExactly("每月梳理需要谈心的对象", "支委分工，一对一谈话", "形成台账，跟踪解决");
        assertThat(draft.outcomes()).isEqualTo("青年干部主动反映问题的多了。");
        assertThat(draft.applicability()).isEqualTo("青年干部较多的机关党支部。");
        assertThat(draft.summary()).isNull();
        assertThat(draft.unmapped()).containsExactly("附件：谈话记录表", "谈话时间、地点、对象。", "姓名 | 谈话人");
    }

    @Test
    void withoutStylesTheFirstLineIsTheTitleAndTextBeforeAnyHeadingIsShownAsNotTaken() throws IOException {
        var word = new Word();
        word.plain("支部“微课堂”");
        word.plain("这是我们支部的一点体会。");
        word.plain("针对问题：学习时间碎片化。");
        word.plain("主要措施：");
        word.plain("• 每周五午间十五分钟");
        word.plain("• 党员轮流主讲");

        WordDraft draft = WordDraftReader.read(word.bytes(), "微课堂.docx");

        assertThat(draft.title()).isEqualTo("支部“微课堂”");
        assertThat(draft.problem()).isEqualTo("学习时间碎片化。");
        assertThat(draft.measures()).containsExactly("每周五午间十五分钟", "党员轮流主讲");
        assertThat(draft.category()).isNull();
        assertThat(draft.unmapped()).containsExactly("这是我们支部的一点体会。");
        assertThatThrownBy(() -> draft.content(null)).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("document.word-category-missing"));
        assertThat(draft.content(Category.COHESION).category()).isEqualTo(Category.COHESION);
    }

    @Test
    void anUnknownCategoryIsNotGuessedButShown() throws IOException {
        var word = new Word();
        word.styled("Title", "一线工作法");
        word.plain("类别：综合类");
        word.plain("针对问题：问题。");

        WordDraft draft = WordDraftReader.read(word.bytes(), "一线.docx");

        assertThat(draft.category()).isNull();
        assertThat(draft.unmapped()).containsExactly("综合类");
    }

    @Test
    void filesThatAreNoWordFileOrHoldNothingAreRefusedWithTheirReason() throws IOException {
        assertThatThrownBy(() -> WordDraftReader.read("plain text".getBytes(StandardCharsets.UTF_8), "a.docx"))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("document.word-unreadable"));
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("不是 Word".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> WordDraftReader.read(zip.toByteArray(), "b.docx"))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("document.word-unreadable"));
        byte[] truncated = java.util.Arrays.copyOf(new Word().plainAnd("标题").bytes(), 200);
        assertThatThrownBy(() -> WordDraftReader.read(truncated, "c.docx"))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("document.word-unreadable"));
        assertThatThrownBy(() -> WordDraftReader.read(new Word().bytes(), "d.docx"))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("document.word-empty"));
    }

    /** A Word file built the way Word writes one: named paragraph styles, a numbering definition. */
    private static final class Word {

        private final XWPFDocument document = new XWPFDocument();
        private BigInteger numbering;

        Word() {
            var styles = document.createStyles();
            styles.addStyle(style("Title", "Title"));
            styles.addStyle(style("Heading1", "heading 1"));
        }

        void styled(String style, String text) {
            XWPFParagraph p = document.createParagraph();
            p.setStyle(style);
            p.createRun().setText(text);
        }

        void plain(String text) {
            document.createParagraph().createRun().setText(text);
        }

        Word plainAnd(String text) {
            plain(text);
            return this;
        }

        void bold(String text) {
            var run = document.createParagraph().createRun();
            run.setBold(true);
            run.setText(text);
        }

        void numbered(String text) {
            if (numbering == null) {
                XWPFNumbering n = document.createNumbering();
                CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
                abstractNum.setAbstractNumId(BigInteger.ONE);
                var level = abstractNum.addNewLvl();
                level.setIlvl(BigInteger.ZERO);
                level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
                level.addNewLvlText().setVal("%1.");
                numbering = n.addNum(n.addAbstractNum(new XWPFAbstractNum(abstractNum, n)));
            }
            XWPFParagraph p = document.createParagraph();
            p.setNumID(numbering);
            p.createRun().setText(text);
        }

        void table(String... cells) {
            XWPFTable table = document.createTable(1, cells.length);
            for (int i = 0; i < cells.length; i++) {
                table.getRow(0).getCell(i).setText(cells[i]);
            }
        }

        byte[] bytes() throws IOException {
            var out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }

        private static XWPFStyle style(String id, String name) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(id);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal(name);
            return new XWPFStyle(style);
        }
    }
}
