package org.methodportal.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** The review form counts the local wordings a proposal still holds, the kept ones apart. */
@ServiceTest
@WithUserDetails("reviewer")
@ViewPackages(classes = ReviewView.class)
class ReviewViewNormalisationTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    GlossaryService glossary;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void theReviewerSeesHowManyLocalWordingsRemainAndWhichTheAuthorKept() {
        signInAs(users, securityContexts, "secretary");
        MethodDetail draft = methods.createDraft(new MethodContent("“田间党日”工作法", null, Category.MASS_LINE,
                "先锋岗不亮", null, List.of("每月搞党日活动"), List.of(), null, null, List.of(), null), null, null, null);
        glossary.keepVariant(draft.id(), "先锋岗");
        proposals.submit(draft.id(), 1);
        signInAs(users, securityContexts, "reviewer");

        navigate("reviews/" + draft.id(), ReviewView.class);

        Div status = $(Div.class).id("review-normalisation");
        assertThat($(Paragraph.class, status).id("review-normalisation-count").getText())
                .isEqualTo("尚有 2 处地方话未规范（另有 1 处为作者有意保留）");
        assertThat($(UnorderedList.class, status).id("review-normalisation-list").getElement().getTextRecursively())
                .contains("名称党日 → 主题党日", "针对问题先锋岗 → 党员先锋岗作者有意保留", "主要措施 1党日活动 → 主题党日");
    }
}
