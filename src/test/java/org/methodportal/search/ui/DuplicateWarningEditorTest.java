package org.methodportal.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import com.vaadin.flow.component.html.Anchor;

/**
 * The duplicate warning in the method editor, without a browser, on the real services: a new
 * draft like a published method is warned about it, a change request is not.
 */
@ServiceTest
@WithUserDetails("secretary")
@ViewPackages(classes = {MethodEditorView.class, MethodPageView.class})
class DuplicateWarningEditorTest extends SpringBrowserlessTest {

    private static final String SEED_TITLE = "“五对接”工作法";

    @Autowired
    MethodService methods;
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
        test(form(editor).title).setValue(SEED_TITLE);
        assertThat(warning(editor).isVisible()).as("the problem is still empty").isFalse();

        test(form(editor).problem).setValue("支部活动和预算业务两张皮，党建活动脱离处室手头的工作");

        assertThat(warning(editor).isVisible()).isTrue();
        Anchor first = $(Anchor.class, warning(editor)).id("duplicate-warning-link-0");
        assertThat(first.getText()).isEqualTo(SEED_TITLE);
        assertThat(first.getTarget()).contains("_blank");
        assertThat($(Anchor.class, warning(editor)).id("duplicate-warning-propose-0").getHref())
                .isEqualTo(first.getHref() + "/propose");
        assertThat($(Anchor.class, warning(editor)).id("duplicate-warning-comment-0").getHref())
                .isEqualTo(first.getHref() + "#method-discussion");

        test(warning(editor).dismiss).click();
        test(form(editor).problem).setValue("支部活动和预算业务两张皮，党员觉得组织生活是负担");
        assertThat(warning(editor).isVisible()).as("dismissed for this session").isFalse();
    }

    @Test
    void aChangeRequestGetsNoDuplicateWarning() {
        MethodDetail draft = methods.createDraft(content(SEED_TITLE, "支部活动和预算业务两张皮，党建活动脱离处室手头的工作"),
                null, null, null);
        MethodEditorView editor = target(navigate("methods/" + draft.id() + "/edit", MethodEditorView.class));
        assertThat(warning(editor).isVisible()).as("a draft like a published method").isTrue();
        assertThat($(Anchor.class, warning(editor)).all()).extracting(Anchor::getHref)
                .doesNotContain("methods/" + draft.id());

        long published = methods.idByExternalId("seed-mof-wuduijie").orElseThrow();
        editor = target(navigate("methods/" + published + "/propose", MethodEditorView.class));

        assertThat(form(editor).title.getValue()).isEqualTo(SEED_TITLE);
        assertThat(warning(editor).isVisible()).isFalse();
    }

    private MethodForm form(MethodEditorView editor) {
        return $(MethodForm.class, editor).single();
    }

    /** Found while hidden too, unlike a component query. */
    private static DuplicateWarning warning(MethodEditorView editor) {
        return descendants(editor).filter(DuplicateWarning.class::isInstance).map(DuplicateWarning.class::cast).findFirst().orElseThrow();
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
