package org.methodportal.importexport.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.methodportal.importexport.MethodFileService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.ui.MethodEditorView;
import org.methodportal.search.ui.SearchView;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;

/** Importing a Word file as a draft, and the document downloads of the method and search pages, without a browser. */
@ServiceTest
@WithUserDetails("secretary")
@ViewPackages(classes = {WordImportView.class, MethodEditorView.class, MethodPageView.class, SearchView.class})
class WordImportViewTest extends SpringBrowserlessTest {

    private static final String DOCX = MethodFileService.DOCX;

    @Autowired
    MethodFileService files;
    @Autowired
    MethodService methods;

    @Test
    void aWordFileIsShownWithWhatWasNotTakenAndSavedAsADraftOnlyWhenConfirmed() throws IOException {
        MethodDetail source = ownMethod();
        byte[] word = files.word(source.id(), Locale.SIMPLIFIED_CHINESE).content();
        navigate(MethodEditorView.class);
        Anchor link = $(Anchor.class, $(Component.class).id("method-editor-word-import")).first();
        assertThat(link.getHref()).isEqualTo("methods/import-word");

        navigate(WordImportView.class);
        test($(Upload.class).id("word-import-upload")).upload("工作法.docx", DOCX, word);

        assertThat($(H3.class).id("word-import-title").getText()).isEqualTo(source.revision().content().title());
        assertThat($(Component.class).id("word-import-fields").getElement().getTextRecursively())
                .contains("新同志不知道从何入手", "建立难点问题台账");
        assertThat($(Select.class).id("word-import-category").getValue()).isEqualTo(Category.BUSINESS_PROBLEMS);
        assertThat($(Component.class).id("word-import-unmapped").getElement().getTextRecursively())
                .contains("未导入的内容", "审核记录");
        long before = methods.myDrafts(org.methodportal.shared.PageRequest.ofPage(0, 500, "createdAt", false)).total();

        test($(com.vaadin.flow.component.button.Button.class).id("word-import-save")).click();

        assertThat(getCurrentView()).isInstanceOf(MethodEditorView.class);
        List<org.methodportal.method.MethodSummary> drafts = methods.myDrafts(
                org.methodportal.shared.PageRequest.ofPage(0, 500, "createdAt", false)).content();
        assertThat(drafts).hasSize((int) before + 1);
        MethodDetail created = methods.get(drafts.stream().mapToLong(org.methodportal.method.MethodSummary::id).max()
                .orElseThrow());
        assertThat(created.status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(created.revision().content().steps()).isEqualTo(source.revision().content().steps());
    }

    @Test
    void aFileThatIsNoWordFileSaysWhyAndLeavesTheUploadOpen() {
        navigate(WordImportView.class);
        test($(Upload.class).id("word-import-upload")).upload("说明.docx", DOCX,
                "只是文字".getBytes(StandardCharsets.UTF_8));

        assertThat(test($(Notification.class).last()).getText())
                .contains("无法读取文件“说明.docx”");
        assertThat($(Component.class).withId("word-import-preview").exists()).as("no preview shown").isFalse();
        assertThat($(Upload.class).id("word-import-upload").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("word-import-hint").getText()).contains("5 MB", "针对问题");
    }

    @Test
    void theMethodPageAndTheSearchPageOfferTheirContentAsDocuments() throws IOException {
        MethodDetail method = ownMethod();
        navigate("methods/" + method.id(), MethodPageView.class);
        assertThat($(Anchor.class).id("method-document-pdf").isEnabled()).as("a Chinese font is installed").isTrue();
        assertThat(text(download($(Anchor.class).id("method-document-word"))))
                .contains(method.revision().content().title(), "审核记录");

        com.vaadin.flow.component.UI.getCurrent().navigate("search",
                com.vaadin.flow.router.QueryParameters.of("q", "五对接"));
        assertThat(getCurrentView()).isInstanceOf(SearchView.class);
        assertThat(text(download($(Anchor.class).id("search-document-word")))).contains("搜索“五对接”的结果",
                "“五对接”工作法");
    }

    private byte[] download(Anchor link) {
        var out = new ByteArrayOutputStream();
        test(link).download(out);
        return out.toByteArray();
    }

    private static String text(byte[] docx) throws IOException {
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx));
             var extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private MethodDetail ownMethod() {
        return methods.createDraft(new MethodContent("“两册一表”工作法 " + UUID.randomUUID().toString().substring(0, 6),
                null, Category.BUSINESS_PROBLEMS, "预算审核难点容易遗漏，新同志不知道从何入手。", "把经验写成手册。",
                List.of("建立难点问题台账", "编写审核要点手册"), List.of("梳理难点", "分解任务", "每周对表"),
                "差错率下降。", "业务司局党支部。", List.of("台账管理"), null), null, null, null);
    }
}
