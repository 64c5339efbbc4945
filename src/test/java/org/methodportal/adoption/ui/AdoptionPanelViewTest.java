package org.methodportal.adoption.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.comment.CommentService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.ui.MethodEditorView;
import org.methodportal.shared.ServiceTest;
import org.methodportal.ui.PrefilledText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;

/**
 * The report dialog with a file, the download link on the report line, and a report turned into a
 * comment or a change request with its text filled in, on the real services without a browser.
 */
@ServiceTest
@WithUserDetails("secretary2")
@ViewPackages(classes = {MethodPageView.class, MethodEditorView.class})
class AdoptionPanelViewTest extends SpringBrowserlessTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    MethodService methods;
    @Autowired
    AdoptionService adoptions;
    @Autowired
    CommentService comments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aReportWithAPhotoIsDownloadableAndOpensTheCommentFormAndTheEditorPrefilled() throws Exception {
        long method = ownPublishedMethod();
        long adoption = adoptions.adopt(method, new NewAdoption(null, "试行")).id();
        navigate("methods/" + method, MethodPageView.class);

        test($(Button.class).id("adoption-report")).click();
        Dialog dialog = $(Dialog.class).id("adoption-report-dialog");
        assertThat($(Paragraph.class, dialog).id("adoption-attachment-hint").getText()).contains("10 MB");
        test($(RadioButtonGroup.class, dialog).id("adoption-status")).selectItem("见效");
        test($(RadioButtonGroup.class, dialog).id("adoption-rating")).selectItem("4");
        test($(TextArea.class, dialog).id("adoption-outcome")).setValue("田间课堂办了三期，<b>群众</b>愿意来");

        // a refused file keeps the dialog and its input, and stores nothing
        test($(Upload.class, dialog).id("adoption-attachment")).upload("工具.png", "image/png",
                new byte[] {'M', 'Z', 0, 0});
        test($(Button.class, dialog).id("adoption-report-confirm")).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(adoptions.reports(adoption)).isEmpty();

        test($(Upload.class, dialog).id("adoption-attachment")).upload("活动照片.png", "image/png", PNG);
        test($(Button.class, dialog).id("adoption-report-confirm")).click();

        AdoptionReport saved = adoptions.reports(adoption).getFirst();
        assertThat(saved.attachmentName()).isEqualTo("活动照片.png");
        assertThat($(Component.class).withId("adoption-next").exists()).as("offered after saving").isTrue();
        Anchor link = $(Anchor.class).id("adoption-attachment-" + saved.id());
        assertThat(link.getText()).contains("活动照片.png");
        var downloaded = new ByteArrayOutputStream();
        test(link).download(downloaded);
        assertThat(downloaded.toByteArray()).isEqualTo(PNG);

        String prefill = "采用情况（见效，评分 4）：田间课堂办了三期，<b>群众</b>愿意来";
        test($(Button.class).id("adoption-report-" + saved.id() + "-comment")).click();
        assertThat(getCurrentView()).isInstanceOf(MethodPageView.class);
        Component form = $(Component.class).id("comment-form");
        assertThat($(TextArea.class, form).first().getValue()).as("as text, never as HTML").isEqualTo(prefill);
        assertThat(comments.threads(method, 0, 10).total()).as("nothing posted before the user submits").isZero();

        test($(Button.class).id("adoption-report-" + saved.id() + "-propose")).click();
        assertThat(getCurrentView()).isInstanceOf(MethodEditorView.class);
        assertThat($(TextField.class).id("method-change-note").getValue()).isEqualTo(prefill);
        assertThat(methods.get(method).revision().number()).as("no change request saved").isEqualTo(1);
    }

    @Test
    void aPrefillLinkIsCleanedAndShortened() {
        long method = ownPublishedMethod();
        navigate("methods/" + method, MethodPageView.class);
        UI.getCurrent().navigate("methods/" + method,
                QueryParameters.of(PrefilledText.PARAMETER, "甲\u0000乙\u202E" + "长".repeat(3000)));

        String value = $(TextArea.class, $(Component.class).id("comment-form")).first().getValue();
        assertThat(value).startsWith("甲乙长").endsWith("…").hasSize(PrefilledText.MAX);
    }

    /** A published method of secretary2's own (农业部), not one of the demo's, which other tests adopt. */
    private long ownPublishedMethod() {
        long id = methods.createDraft(new MethodContent("“田间课堂”工作法 " + UUID.randomUUID().toString().substring(0, 8),
                null, Category.MASS_LINE, "群众找不到人。", null, List.of("每周一次"), List.of(), null, null, List.of(),
                null), null, null, null).id();
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        return id;
    }
}
