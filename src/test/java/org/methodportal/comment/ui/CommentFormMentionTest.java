package org.methodportal.comment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountService;
import org.methodportal.account.MentionCandidate;
import org.methodportal.account.ui.ProfileView;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;

/**
 * Typing "@" and a few letters in the comment box offers the accounts they match, on the real
 * account search; picking one writes "@login " in place of what was typed, wherever the caret is.
 */
@ServiceTest
@WithUserDetails("member")
@ViewPackages(classes = ProfileView.class)
class CommentFormMentionTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Test
    void pinyinInitialsAfterAnAtOfferThePersonAndPickingWritesTheLoginInPlace() {
        CommentForm form = form();
        form.text.setValue("会前材料请 @lsj 看一下");
        form.offerMentions("会前材料请 @lsj".length());

        assertThat(form.mentionPopover.isOpened()).isTrue();
        MentionCandidate secretary = form.mentionList.getListDataView().getItems()
                .filter(c -> c.displayName().equals("李书记")).findFirst().orElseThrow();
        form.insertMention(secretary);

        assertThat(form.text.getValue()).isEqualTo("会前材料请 @secretary 看一下");
        assertThat(form.mentionPopover.isOpened()).isFalse();
    }

    @Test
    void nothingIsOfferedWithoutAMentionBeingTypedOrForANameNobodyHas() {
        CommentForm form = form();
        form.text.setValue("写信到 li@example.org");
        form.offerMentions(form.text.getValue().length());
        assertThat(form.mentionPopover.isOpened()).as("an address").isFalse();

        form.text.setValue("请 @zzzzqqq");
        form.offerMentions(form.text.getValue().length());
        assertThat(form.mentionPopover.isOpened()).as("no such person").isFalse();

        form.text.setValue("请 @王 然后");
        form.offerMentions(form.text.getValue().length());
        assertThat(form.mentionPopover.isOpened()).as("the caret has left the mention").isFalse();
    }

    private CommentForm form() {
        CommentForm form = new CommentForm(accounts, "comment-form", "comment.form.submit", text -> true);
        UI.getCurrent().add(form);
        return form;
    }
}
