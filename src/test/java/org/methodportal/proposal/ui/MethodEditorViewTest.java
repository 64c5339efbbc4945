package org.methodportal.proposal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.WorkingCopy;
import org.methodportal.method.ui.MethodListView;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The editor's safety nets without a browser, on the real services: a stale save shows both
 * versions and keeps the user's text, the working copy is autosaved on the poll and when leaving
 * and offered back in a new editor, and leaving with unsaved changes asks first.
 */
@ServiceTest
@WithUserDetails("secretary")
@ViewPackages(classes = {MethodEditorView.class, MethodListView.class, MethodPageView.class})
class MethodEditorViewTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;

    @BeforeEach
    void noWorkingCopyOfANewMethod() {
        methods.discardWorkingCopy(null);
    }

    @Test
    void aSecretarysNewDraftIsFiledUnderTheirOwnBranch() {
        MethodEditorView editor = target(navigate("methods/new", MethodEditorView.class));

        assertThat(editor.form.branch.getValue().name()).isEqualTo("预算司党支部");
        assertThat(editor.form.branch.isReadOnly()).isTrue();
        assertThat(editor.form.department.isReadOnly()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorChoosesTheBranchOfANewDraft() {
        MethodEditorView editor = target(navigate("methods/new", MethodEditorView.class));

        assertThat(editor.form.branch.isReadOnly()).isFalse();
        assertThat(editor.form.department.isReadOnly()).isFalse();
    }

    @Test
    void secondSaveFromTheSameBaseShowsBothVersionsAndSavesTheUsersTextOnTop() {
        String title = "冲突法-" + UUID.randomUUID();
        MethodDetail draft = methods.createDraft(content(title, "原来的问题"), null, null, "初稿");
        MethodEditorView editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        test(editor.form.problem).setValue("我写的问题");
        // Meanwhile the draft is saved from another window, from the same revision 1.
        methods.saveRevision(draft.id(), content(title, "另一处写的问题"), 1, "另一处保存");

        test(editor.form.save).click();

        Dialog conflict = $(Dialog.class).id("method-conflict-dialog");
        assertThat($(TextArea.class, conflict).id("method-conflict-latest-problem").getValue()).isEqualTo("另一处写的问题");
        assertThat($(TextArea.class, conflict).id("method-conflict-mine-problem").getValue()).isEqualTo("我写的问题");
        // Only fields that differ are shown side by side.
        assertThat($(TextArea.class, conflict).withId("method-conflict-latest-title").exists()).isFalse();
        assertThat(editor.form.problem.getValue()).isEqualTo("我写的问题");
        assertThat(methods.get(draft.id()).latestRevision()).isEqualTo(2);

        test($(Button.class, conflict).id("method-conflict-resave")).click();

        assertThat(methods.revision(draft.id(), 2).content().problem()).isEqualTo("另一处写的问题");
        assertThat(methods.revision(draft.id(), 3).content().problem()).isEqualTo("我写的问题");
        assertThat(methods.revisions(draft.id()).getFirst().baseNumber()).isEqualTo(2);
        assertThat(getCurrentView()).isInstanceOf(MethodPageView.class);
    }

    @Test
    void workingCopyIsWrittenOnThePollAndOfferedBackInANewEditor() {
        MethodEditorView editor = target(navigate(MethodEditorView.class));
        assertThat(UI.getCurrent().getPollInterval()).as("portal.method.autosave-interval of the test profile")
                .isEqualTo(2_000);
        test(editor.form.title).setValue("自动保存法");
        test(editor.form.problem).setValue("还没写完的问题");

        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        WorkingCopy copy = methods.workingCopy(null).orElseThrow();
        assertThat(copy.content()).contains("还没写完的问题");
        assertThat(editor.autosaveStatus.getText()).isNotBlank();

        // Leave (confirming), then open the editor again, as after signing out and in.
        ui.navigate(MethodListView.class);
        test($(ConfirmDialog.class).id("method-leave-dialog")).confirm();
        assertThat(getCurrentView()).isInstanceOf(MethodListView.class);
        MethodEditorView reopened = target(navigate(MethodEditorView.class));
        assertThat(reopened.form.problem.getValue()).isEmpty();

        ConfirmDialog restore = $(ConfirmDialog.class).id("method-restore-dialog");
        test($(Button.class, restore).id("method-restore")).click();

        assertThat(reopened.form.title.getValue()).isEqualTo("自动保存法");
        assertThat(reopened.form.problem.getValue()).isEqualTo("还没写完的问题");
    }

    @Test
    void leavingWithUnsavedChangesAsksFirstAndWritesTheWorkingCopy() {
        MethodEditorView editor = target(navigate(MethodEditorView.class));
        test(editor.form.problem).setValue("离开前写的问题");

        UI.getCurrent().navigate(MethodListView.class);

        ConfirmDialog leave = $(ConfirmDialog.class).id("method-leave-dialog");
        assertThat(target(getCurrentView())).isSameAs(editor);
        assertThat(methods.workingCopy(null)).get().extracting(WorkingCopy::content).asString()
                .contains("离开前写的问题");

        test(leave).cancel();
        assertThat(target(getCurrentView())).isSameAs(editor);
        assertThat(editor.form.problem.getValue()).isEqualTo("离开前写的问题");

        UI.getCurrent().navigate(MethodListView.class);
        test($(ConfirmDialog.class).id("method-leave-dialog")).confirm();
        assertThat(getCurrentView()).isInstanceOf(MethodListView.class);
    }

    @Test
    void leavingWithoutChangesDoesNotAsk() {
        navigate(MethodEditorView.class);

        UI.getCurrent().navigate(MethodListView.class);

        assertThat(getCurrentView()).isInstanceOf(MethodListView.class);
        assertThat($(ConfirmDialog.class).withId("method-leave-dialog").exists()).isFalse();
        assertThat(methods.workingCopy(null)).isEmpty();
    }

    /** Views are Spring beans, proxied for their access annotations; the fields live in the target. */
    private static <T> T target(T view) {
        return AopTestUtils.getUltimateTargetObject(view);
    }

    private static MethodContent content(String title, String problem) {
        return new MethodContent(title, null, Category.COHESION, problem, null, List.of("一项措施"), List.of(), null,
                null, List.of(), null);
    }
}
