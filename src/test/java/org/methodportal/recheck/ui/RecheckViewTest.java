package org.methodportal.recheck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.recheck.RecheckDue;
import org.methodportal.recheck.RecheckService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A reviewer sets a tag's methods due from the list (after seeing how many), finds the method
 * there and marked on its page, and confirms it from the banner.
 */
@ServiceTest
@WithUserDetails("reviewer")
@ViewPackages(classes = {RecheckListView.class, MethodPageView.class})
class RecheckViewTest extends SpringBrowserlessTest {

    @Autowired
    RecheckService rechecks;
    @Autowired
    MethodService methods;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerSetsATagDueSeesItListedAndMarkedAndConfirmsIt() {
        String tag = "新规" + UUID.randomUUID().toString().substring(0, 6);
        long id = publishedForAgriculture(tag);

        navigate(RecheckListView.class);
        test($(Button.class).id("recheck-set-due")).click();
        Dialog dialog = $(Dialog.class).id("recheck-set-due-dialog");
        Button confirm = $(Button.class, dialog).id("recheck-set-due-confirm");
        assertThat(confirm.isEnabled()).as("nothing chosen yet").isFalse();
        test($(RadioButtonGroup.class, dialog).id("recheck-scope")).selectItem("按标签");
        test($(TextField.class, dialog).id("recheck-tag")).setValue(tag);
        assertThat($(Paragraph.class, dialog).id("recheck-count").getText()).isEqualTo("将把 1 个已发布的工作法设为今天待复核。");
        assertThat(confirm.isEnabled()).as("no reason yet").isFalse();
        assertThat(rechecks.of(id).orElseThrow().dueBy(rechecks.today())).isFalse();
        test($(TextArea.class, dialog).id("recheck-reason")).setValue("高标准农田建设新规出台");
        assertThat(confirm.isEnabled()).isTrue();
        test(confirm).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(rechecks.due(new PageRequest(0, 500, "dueOn", true)).content()).extracting(RecheckDue::methodId)
                .contains(id);

        navigate("methods/" + id, MethodPageView.class);
        Div banner = $(Div.class).id(RecheckDue.ELEMENT_ID);
        assertThat($(Span.class, banner).id("recheck-banner-text").getText()).contains("高标准农田建设新规出台");
        assertThat($(Button.class, banner).id("recheck-propose").getTooltip().getText())
                .as("a reviewer who may not propose asks the author in a comment").contains("评论");
        test($(Button.class, banner).id("recheck-confirm")).click();
        Dialog confirmDialog = $(Dialog.class).id("recheck-confirm-dialog");
        test($(TextArea.class, confirmDialog).id("recheck-note")).setValue("对照新规核对，做法仍然适用");
        test($(Button.class, confirmDialog).id("recheck-confirm-save")).click();
        RecheckDue confirmed = rechecks.of(id).orElseThrow();
        assertThat(confirmed.dueOn()).isEqualTo(rechecks.today().plusYears(1));
        assertThat(confirmed.confirmNote()).isEqualTo("对照新规核对，做法仍然适用");
        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void aMethodNotDueHasNoBanner() {
        long id = publishedForAgriculture("未到期" + UUID.randomUUID().toString().substring(0, 6));
        navigate("methods/" + id, MethodPageView.class);
        assertThat($(Div.class).withId(RecheckDue.ELEMENT_ID).exists()).isFalse();
    }

    /** A published method of 农业部 (reviewer's) with its review-by date a year ahead, as publishing gives it. */
    private long publishedForAgriculture(String tag) {
        signInAs(users, securityContexts, "secretary2");
        long id = methods.createDraft(new MethodContent("“复核试点”工作法 " + tag, null, Category.MASS_LINE, "政策变了。",
                null, List.of("对照政策核对"), List.of(), null, null, List.of(tag), null), null, null, null).id();
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        jdbc.update("INSERT INTO method_review_due (method_id, due_on, set_at) VALUES (?, ?, CURRENT_TIMESTAMP)", id,
                java.sql.Date.valueOf(rechecks.today().plusYears(1)));
        signInAs(users, securityContexts, "reviewer");
        return id;
    }
}
