package org.methodportal.proposal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.ConflictResolution.Choice;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;

/**
 * The conflict view without a browser, on the real services: the three sides of a conflict, a
 * save refused for a missing choice or an invalid text keeps every choice and edit, and a
 * resolved conflict becomes the request's next revision on the published version.
 */
@ServiceTest
@WithUserDetails("secretary2")
@ViewPackages(classes = {RebaseView.class, MethodPageView.class})
class RebaseViewTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void aConflictIsShownSideBySideAndABadSaveLosesNothing() {
        long request = conflictingRequest();
        signInAs(users, securityContexts, "secretary2");

        RebaseView page = navigate("methods/" + request + "/rebase", RebaseView.class);
        // Views are Spring beans, proxied for their access annotations; the fields live in the target.
        RebaseView view = AopTestUtils.getUltimateTargetObject(page);

        assertThat(view.editors).hasSize(1);
        assertThat($(Div.class).id("rebase-base-0").getElement().getTextRecursively()).contains("第 1 版", "旧的成效");
        assertThat($(Div.class).id("rebase-theirs-0").getElement().getTextRecursively()).contains("第 2 版", "甲的成效");
        assertThat($(Div.class).id("rebase-mine-0").getElement().getTextRecursively()).contains("我的修改", "乙的成效");

        test(view.save).click();
        assertThat(view.editors.getFirst().choice.isInvalid()).as("a choice is required").isTrue();
        assertThat(methods.get(request).latestRevision()).isEqualTo(1);

        RebaseView.ConflictEditor editor = view.editors.getFirst();
        test(editor.choice).selectItem("自行编辑");
        assertThat(editor.edited.isVisible()).isTrue();
        String tooLong = "长".repeat(10_001);
        editor.edited.setValue(tooLong);
        test(view.save).click();
        assertThat(getCurrentView()).as("refused: the view stays").isSameAs(page);
        assertThat(editor.choice.getValue()).isEqualTo(Choice.EDITED);
        assertThat(editor.edited.getValue()).isEqualTo(tooLong);
        assertThat(methods.get(request).latestRevision()).isEqualTo(1);

        editor.edited.setValue("甲乙合写的成效");
        test(view.save).click();

        assertThat(getCurrentView()).isInstanceOf(MethodPageView.class);
        var rebased = methods.get(request);
        assertThat(rebased.latestRevision()).isEqualTo(2);
        assertThat(rebased.basePublishedRevision()).isEqualTo(2);
        assertThat(rebased.revision().content().outcomes()).isEqualTo("甲乙合写的成效");
        assertThat(rebased.revision().content().applicability()).isEqualTo("乙的范围");
    }

    @Test
    void leavingWithAnswersNotYetSavedAsksFirst() {
        long request = conflictingRequest();
        signInAs(users, securityContexts, "secretary2");
        RebaseView page = navigate("methods/" + request + "/rebase", RebaseView.class);
        RebaseView view = AopTestUtils.getUltimateTargetObject(page);
        test(view.editors.getFirst().choice).selectItem("现行版本");

        UI.getCurrent().navigate(MethodPageView.class, MethodPageView.parameters(request));

        ConfirmDialog leave = $(ConfirmDialog.class).id("rebase-leave-dialog");
        test(leave).cancel();
        assertThat(getCurrentView()).isSameAs(page);
        assertThat(view.editors.getFirst().choice.getValue()).isEqualTo(Choice.THEIRS);

        UI.getCurrent().navigate(MethodPageView.class, MethodPageView.parameters(request));
        test($(ConfirmDialog.class).id("rebase-leave-dialog")).confirm();
        assertThat(getCurrentView()).isInstanceOf(MethodPageView.class);
        assertThat(methods.get(request).latestRevision()).isEqualTo(1);
    }

    @Test
    void leavingWithoutAnswersDoesNotAsk() {
        long request = conflictingRequest();
        signInAs(users, securityContexts, "secretary2");
        navigate("methods/" + request + "/rebase", RebaseView.class);

        UI.getCurrent().navigate(MethodPageView.class, MethodPageView.parameters(request));

        assertThat(getCurrentView()).isInstanceOf(MethodPageView.class);
        assertThat($(ConfirmDialog.class).withId("rebase-leave-dialog").exists()).isFalse();
    }

    /** A published method whose two change requests both changed 工作成效; the first is approved. */
    private long conflictingRequest() {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content("旧的成效", "旧的范围"), null, null, null).id();
        proposals.submit(id, 1);
        approve(id);
        signInAs(users, securityContexts, "secretary");
        MethodContent published = methods.get(id).revision().content();
        long first = proposals.proposeChange(id, with(published, "甲的成效", "旧的范围"), null).id();
        proposals.submit(first, 1);
        signInAs(users, securityContexts, "secretary2");
        long second = proposals.proposeChange(id, with(published, "乙的成效", "乙的范围"), null).id();
        approve(first);
        return second;
    }

    private void approve(long proposal) {
        signInAs(users, securityContexts, "reviewer");
        reviews.review(proposal, new ReviewRequest(1, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4), "同意"));
    }

    private static MethodContent content(String outcomes, String applicability) {
        return new MethodContent("冲突视图 " + UUID.randomUUID().toString().substring(0, 6), null, Category.MASS_LINE,
                "问题", null, List.of("措施"), List.of(), outcomes, applicability, List.of(), null);
    }

    private static MethodContent with(MethodContent c, String outcomes, String applicability) {
        return new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(), c.measures(),
                c.steps(), outcomes, applicability, c.tags(), c.body());
    }
}
