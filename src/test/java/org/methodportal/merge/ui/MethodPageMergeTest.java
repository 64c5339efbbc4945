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
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Merging on the method page without a browser: the standard entry lists its sources, a source
 * shows where it went and offers no editing, and an administrator unmerges only with a reason.
 */
@ServiceTest
@ViewPackages(classes = {MethodPageView.class, MergeComposeView.class})
class MethodPageMergeTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    MergeService merges;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void entryListsItsSourcesAndAnAdminUnmergesWithAReason() {
        signInAs(users, securityContexts, "secretary");
        long first = methods.createDraft(content("来源一"), null, null, null).id();
        long second = methods.createDraft(content("来源二"), null, null, null).id();
        signInAs(users, securityContexts, "reviewer");
        long merge = merges.start(List.of(first, second), null).id();
        MethodPageView own = navigate("methods/" + merge, MethodPageView.class);
        assertThat($(Button.class, own).withId("method-merge-compose").exists()).isTrue();
        signInAs(users, securityContexts, "reviewer2");
        MethodPageView others = navigate("methods/" + merge, MethodPageView.class);
        assertThat($(Button.class, others).withId("method-merge-compose").exists())
                .as("only the reviewer who started it composes").isFalse();
        signInAs(users, securityContexts, "reviewer");
        merges.submit(merge, 1);
        signInAs(users, securityContexts, "reviewer2");
        reviews.review(merge, new ReviewRequest(1, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4), "同意"));

        MethodPageView source = navigate("methods/" + first, MethodPageView.class);
        assertThat($(Div.class, source).id("method-merged-banner").getElement().getTextRecursively()).contains("此条目已合并至");
        assertThat($(Button.class, source).withId("method-edit").exists()).isFalse();

        signInAs(users, securityContexts, "admin");
        MethodPageView page = navigate("methods/" + merge, MethodPageView.class);
        assertThat($(UnorderedList.class, page).id("method-sources").getElement().getTextRecursively()).contains("来源一", "来源二");

        test($(Button.class, page).id("method-unmerge")).click();
        test($(Button.class).id("method-unmerge-confirm")).click();
        TextArea reason = $(TextArea.class).id("method-unmerge-reason");
        assertThat(reason.isInvalid()).as("no unmerge without a reason").isTrue();
        assertThat(methods.get(first).status()).isEqualTo(MethodStatus.MERGED_INTO);

        test(reason).setValue("两个做法并不相同");
        test($(Button.class).id("method-unmerge-confirm")).click();

        assertThat(methods.get(first).status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(methods.get(second).status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(methods.get(merge).status()).isEqualTo(MethodStatus.ARCHIVED);
    }

    private static MethodContent content(String title) {
        return new MethodContent(title + " " + UUID.randomUUID().toString().substring(0, 6), null, Category.COHESION,
                title + "的问题", null, List.of("一项措施"), List.of(), null, null, List.of(), null);
    }
}
