package org.methodportal.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
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

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** A change request whose base went out of date is refused by the review form before any scoring. */
@ServiceTest
@WithUserDetails("reviewer")
@ViewPackages(classes = ReviewView.class)
class OutdatedReviewViewTest extends SpringBrowserlessTest {

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
    void theFormSaysOnceThatTheAuthorMustUpdateFirst() {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(new MethodContent("过时提案 " + UUID.randomUUID().toString().substring(0, 6),
                null, Category.MASS_LINE, "问题", null, List.of("措施"), List.of(), "成效", "范围", List.of(), null),
                null, null, null).id();
        proposals.submit(id, 1);
        approve(id);
        signInAs(users, securityContexts, "secretary");
        MethodContent published = methods.get(id).revision().content();
        long first = proposals.proposeChange(id, published, "甲").id();
        proposals.submit(first, 1);
        signInAs(users, securityContexts, "secretary2");
        long second = proposals.proposeChange(id, published, "乙").id();
        proposals.submit(second, 1);
        approve(first);
        signInAs(users, securityContexts, "reviewer");

        navigate("reviews/" + second, ReviewView.class);

        assertThat($(Paragraph.class).id("review-outdated").getText())
                .isEqualTo("该修改提案依据第 1 版，原工作法现为第 2 版：需由起草人先基于最新版本更新，才能审核。");
        assertThat($(Div.class).withId("review-rubric").exists()).isFalse();
        assertThat($(Div.class).withId("review-decision-form").exists()).isFalse();
    }

    private void approve(long proposal) {
        signInAs(users, securityContexts, "reviewer");
        reviews.review(proposal, new ReviewRequest(1, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4), "同意"));
    }
}
