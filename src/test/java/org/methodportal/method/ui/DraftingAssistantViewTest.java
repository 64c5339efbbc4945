package org.methodportal.method.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodView;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;

/**
 * Drafting with the assistant and the duplicate warning, without a browser, on the real services:
 * a new draft like a published method is warned about it (not a change request), a kept wording
 * stays kept after reopening, and replacing all in the draft records the replacements in the
 * change note of the saved revision.
 */
@ServiceTest
@WithUserDetails("secretary")
@ViewPackages(classes = {MethodEditorView.class, MethodPageView.class})
class DraftingAssistantViewTest extends SpringBrowserlessTest {

    private static final String SEED_TITLE = "“五对接”工作法";

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
    void aNewDraftLikeAPublishedMethodShowsItAsAPossibleDuplicateOnceTitleAndProblemAreFilled() {
        MethodEditorView editor = target(navigate(MethodEditorView.class));
        test(editor.form.title).setValue(SEED_TITLE);
        assertThat(editor.duplicateWarning.isVisible()).as("the problem is still empty").isFalse();

        test(editor.form.problem).setValue("支部活动和预算业务两张皮，党建活动脱离处室手头的工作");

        assertThat(editor.duplicateWarning.isVisible()).isTrue();
        Anchor first = $(Anchor.class, editor.duplicateWarning).id("duplicate-warning-link-0");
        assertThat(first.getText()).isEqualTo(SEED_TITLE);
        assertThat(first.getTarget()).contains("_blank");
        assertThat($(Anchor.class, editor.duplicateWarning).id("duplicate-warning-propose-0").getHref())
                .isEqualTo(first.getHref() + "/propose");
        assertThat($(Anchor.class, editor.duplicateWarning).id("duplicate-warning-comment-0").getHref())
                .isEqualTo(first.getHref() + "#method-discussion");

        test(editor.duplicateWarning.dismiss).click();
        test(editor.form.problem).setValue("支部活动和预算业务两张皮，党员觉得组织生活是负担");
        assertThat(editor.duplicateWarning.isVisible()).as("dismissed for this session").isFalse();
    }

    @Test
    void aChangeRequestGetsNoDuplicateWarning() {
        MethodView draft = methods.createDraft(content(SEED_TITLE, "支部活动和预算业务两张皮，党建活动脱离处室手头的工作"),
                null, null, null);
        MethodEditorView editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        assertThat(editor.duplicateWarning.isVisible()).as("a draft like a published method").isTrue();
        assertThat($(Anchor.class, editor.duplicateWarning).all()).extracting(Anchor::getHref)
                .doesNotContain("methods/" + draft.id());

        long published = methods.idByExternalId("seed-mof-wuduijie").orElseThrow();
        editor = target(navigate("methods/" + published + "/propose", MethodEditorView.class));

        assertThat(editor.form.title.getValue()).isEqualTo(SEED_TITLE);
        assertThat(editor.duplicateWarning.isVisible()).isFalse();
    }

    @Test
    void aKeptWordingStaysKeptAfterReopeningAndReplaceAllIsRecordedInTheChangeNote() {
        MethodView draft = methods.createDraft(new MethodContent("“田间党日”工作法", null, Category.MASS_LINE,
                "先锋岗不亮", null, List.of("每月搞党日活动", "挂牌上岗"), List.of(), null, null, List.of(), null),
                null, null, null);
        MethodEditorView editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        assertThat(editor.assistant.current()).extracting(f -> f.finding().variant())
                .containsExactly("党日", "先锋岗", "党日活动", "挂牌上岗");

        editor.assistant.ignore("党日");

        assertThat(glossary.keptVariants(draft.id())).containsExactly("党日");
        editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        assertThat(editor.assistant.current()).as("still kept after reopening").extracting(f -> f.finding().variant())
                .containsExactly("先锋岗", "党日活动", "挂牌上岗");

        test(editor.assistant.replaceAll).click();
        test(editor.form.save).click();

        var revision = methods.revision(draft.id(), 2);
        assertThat(revision.content().title()).isEqualTo("“田间党日”工作法");
        assertThat(revision.content().problem()).isEqualTo("党员先锋岗不亮");
        assertThat(revision.content().measures()).containsExactly("每月搞主题党日", "党员先锋岗");
        assertThat(revision.changeNote()).contains("先锋岗→党员先锋岗", "党日活动→主题党日", "挂牌上岗→党员先锋岗")
                .doesNotContain("党日→");
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
