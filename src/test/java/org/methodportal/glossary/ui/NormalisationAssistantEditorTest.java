package org.methodportal.glossary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodForm;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.ui.MethodEditorView;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;

/**
 * The normalisation assistant in the method editor, without a browser, on the real services: a
 * kept wording stays kept after reopening, and replacing all in the draft records the
 * replacements in the change note of the saved revision.
 */
@ServiceTest
@WithUserDetails("secretary")
@ViewPackages(classes = {MethodEditorView.class, MethodPageView.class})
class NormalisationAssistantEditorTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    GlossaryService glossary;
    @Autowired
    SearchIndexer indexer;

    @BeforeEach
    void noWorkingCopyOfANewMethod() {
        methods.discardWorkingCopy(null);
        indexer.drain();
    }

    @Test
    void aKeptWordingStaysKeptAfterReopeningAndReplaceAllIsRecordedInTheChangeNote() {
        MethodDetail draft = methods.createDraft(new MethodContent("“田间党日”工作法", null, Category.MASS_LINE,
                "先锋岗不亮", null, List.of("每月搞党日活动", "挂牌上岗"), List.of(), null, null, List.of(), null),
                null, null, null);
        MethodEditorView editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        assertThat(assistant(editor).current()).extracting(f -> f.finding().variant())
                .containsExactly("党日", "先锋岗", "党日活动", "挂牌上岗");

        assistant(editor).ignore("党日");

        assertThat(glossary.keptVariants(draft.id())).containsExactly("党日");
        editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        assertThat(assistant(editor).current()).as("still kept after reopening").extracting(f -> f.finding().variant())
                .containsExactly("先锋岗", "党日活动", "挂牌上岗");

        test(assistant(editor).replaceAll).click();
        roundTrip();
        test($(ReplacePreview.class).single().confirm).click();
        test(form(editor).save).click();

        var revision = methods.revision(draft.id(), 2);
        assertThat(revision.content().title()).isEqualTo("“田间党日”工作法");
        assertThat(revision.content().problem()).isEqualTo("党员先锋岗不亮");
        assertThat(revision.content().measures()).containsExactly("每月搞主题党日", "党员先锋岗");
        assertThat(revision.changeNote()).contains("先锋岗→党员先锋岗", "党日活动→主题党日", "挂牌上岗→党员先锋岗")
                .doesNotContain("党日→");
    }

    private MethodForm form(MethodEditorView editor) {
        return $(MethodForm.class, editor).single();
    }

    /** Found while hidden too, unlike a component query. */
    private static NormalisationAssistant assistant(MethodEditorView editor) {
        return descendants(editor).filter(NormalisationAssistant.class::isInstance).map(NormalisationAssistant.class::cast).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(c -> descendants(c)));
    }

    /** Views are Spring beans, proxied for their access annotations; the fields live in the target. */
    private static <T> T target(T view) {
        return AopTestUtils.getUltimateTargetObject(view);
    }

    private static MethodContent content(String title, String problem) {
        return new MethodContent(title, null, Category.BUSINESS_PROBLEMS, problem, null, List.of("一项措施"), List.of(),
                null, null, List.of(), null);
    }
}
