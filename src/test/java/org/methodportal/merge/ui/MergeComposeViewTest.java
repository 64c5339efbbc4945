package org.methodportal.merge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.merge.MergeService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The merge compose page without a browser, on the real services: "采用" copies a source's field or
 * item into the target editor, a refused save keeps everything typed, submitting saves unsaved
 * changes first.
 */
@ServiceTest
@ViewPackages(classes = {MergeComposeView.class, MethodPageView.class})
class MergeComposeViewTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    MergeService merges;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void adoptCopiesFieldsAndItemsIntoTheTargetEditor() {
        long merge = mergeOf("甲", List.of("甲措施"), "乙", List.of("乙措施一", "乙措施二"));
        MergeComposeView view = navigate("merge/" + merge, MergeComposeView.class);
        TextField title = $(TextField.class, view).id("method-title");
        assertThat(title.getValue()).startsWith("甲");

        test($(Button.class, view).id("merge-adopt-title-1")).click();
        test($(Button.class, view).id("merge-adopt-measures-1-1")).click();

        assertThat(title.getValue()).startsWith("乙");
        assertThat($(TextArea.class, view).id("method-measures-0").getValue()).isEqualTo("甲措施");
        assertThat($(TextArea.class, view).id("method-measures-1").getValue()).isEqualTo("乙措施二");

        test($(Button.class, view).id("merge-adopt-measures-1")).click();

        assertThat($(TextArea.class, view).id("method-measures-0").getValue()).isEqualTo("乙措施一");
        assertThat($(TextArea.class, view).id("method-measures-1").getValue()).isEqualTo("乙措施二");
    }

    @Test
    void aRefusedSaveKeepsTheInputAndSubmitSavesFirst() {
        long merge = mergeOf("丙", List.of("丙措施"), "丁", List.of("丁措施"));
        MergeComposeView view = navigate("merge/" + merge, MergeComposeView.class);
        TextField title = $(TextField.class, view).id("method-title");
        TextArea problem = $(TextArea.class, view).id("method-problem");
        test(title).setValue("合并后的标准条目");
        test(problem).setValue("");

        test($(Button.class, view).id("method-save")).click();

        assertThat(problem.isInvalid()).isTrue();
        assertThat(title.getValue()).isEqualTo("合并后的标准条目");
        assertThat(methods.get(merge).latestRevision()).as("nothing saved").isEqualTo(1);

        test(problem).setValue("两个支部的做法相同，分别写了两份");
        test($(Button.class, view).id("merge-submit")).click();

        var submitted = methods.get(merge);
        assertThat(submitted.status()).isEqualTo(MethodStatus.IN_REVIEW);
        assertThat(submitted.latestRevision()).isEqualTo(2);
        assertThat(submitted.revision().content().title()).isEqualTo("合并后的标准条目");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposedTextCanContinueAsAMergeIntoAnExistingEntry() {
        signInAs(users, securityContexts, "admin");
        MethodSummary target = methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false,
                "五对接"), PageRequest.ofPage(0, 1, "updatedAt", false)).getFirst();
        long merge = mergeOf("戊", List.of("戊措施"), "己", List.of("己措施"));
        MergeComposeView view = navigate("merge/" + merge, MergeComposeView.class);
        test($(TextField.class, view).id("method-title")).setValue("并入五对接的文本");

        test($(Button.class, view).id("merge-into-existing")).click();
        ComboBox<MethodSummary> choice = $(ComboBox.class).id("merge-into-existing-target");
        choice.setValue(target);
        test($(Button.class).id("merge-into-existing-confirm")).click();

        MergeComposeView request = (MergeComposeView) getCurrentView();
        assertThat($(Span.class, request).id("merge-mode-label").getText()).contains("五对接");
        assertThat($(TextField.class, request).id("method-title").getValue()).isEqualTo("并入五对接的文本");
        assertThat(methods.get(merge).status()).isEqualTo(MethodStatus.REJECTED);
    }

    /** Two drafts by the secretary of 财政部, merged by the reviewer, who stays signed in. */
    private long mergeOf(String first, List<String> firstMeasures, String second, List<String> secondMeasures) {
        signInAs(users, securityContexts, "secretary");
        long a = methods.createDraft(content(first, firstMeasures), null, null, null).id();
        long b = methods.createDraft(content(second, secondMeasures), null, null, null).id();
        signInAs(users, securityContexts, "reviewer");
        return merges.start(List.of(a, b), null).id();
    }

    private static MethodContent content(String title, List<String> measures) {
        return new MethodContent(title + " " + UUID.randomUUID().toString().substring(0, 6), null, Category.COHESION,
                title + "的问题", null, measures, List.of(), null, null, List.of(), null);
    }
}
