package org.methodportal.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 推广运用 on the demo data: “三抓四比”工作法 is 国土资源部's, which reviewer reviews (with 财政部 and
 * 农业部; reviewer2 does not); secretary2's branch (农业部) adopts it already and reported 见效;
 * secretary's (财政部) does not.
 */
@ServiceTest
class PromotionServiceTest {

    @Autowired
    PromotionService promotions;
    @Autowired
    MethodService methods;
    @Autowired
    OrganisationService organisation;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void aReviewerPromotesToTwoDepartmentsAndTheCoverageFillsAsSecretariesDecide() {
        long method = published("“三抓四比”工作法");
        long finance = department("财政部");
        long agriculture = department("农业部");
        long customs = department("海关总署");

        signInAs(users, securityContexts, "reviewer2");
        assertThatThrownBy(() -> promotions.start(method, new NewPromotion(null, false, List.of(finance))))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("promotion.not-reviewer"));
        signInAs(users, securityContexts, "reviewer");
        assertThatThrownBy(() -> promotions.start(method, new NewPromotion(null, true, null)))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("promotion.all-admin-only"));
        assertThatThrownBy(() -> promotions.start(method, new NewPromotion(null, false, List.of())))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("promotion.targets-required"));
        assertThatThrownBy(() -> promotions.start(method, new NewPromotion(null, false, List.of(customs))))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("promotion.department-not-reviewed"));
        long reached = promotions.branchesReached(false, List.of(finance, agriculture));
        Promotion promotion = promotions.start(method, new NewPromotion("  请结合春耕任务学习  ", false,
                List.of(finance, agriculture)));
        assertThat(promotion.message()).isEqualTo("请结合春耕任务学习");
        assertThat(promotions.targetDepartments(promotion.id())).containsExactlyInAnyOrder("财政部", "农业部");
        Coverage before = promotions.coverage(promotion.id());
        assertThat(before.total().targeted()).isEqualTo(reached);
        assertThat(before.total().decided()).isZero();
        assertThat(promotions.pending(promotion.id(), new PageRequest(0, 5, "name", true)).total()).isEqualTo(reached);

        signInAs(users, securityContexts, "secretary");
        assertThat(promotions.tasks(50).content()).extracting(Promotion::id).contains(promotion.id());
        assertThat(promotions.mayDecide(promotion.id())).isTrue();
        assertThatThrownBy(() -> promotions.decide(promotion.id(), PromotionDecision.DECLINE, " "))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("promotion.decline-reason-required"));
        promotions.decide(promotion.id(), PromotionDecision.DECLINE, "预算编制任务重，下季度再学");
        assertThatThrownBy(() -> promotions.decide(promotion.id(), PromotionDecision.ADOPT, null))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("promotion.decided-already"));
        assertThat(promotions.tasks(50).content()).extracting(Promotion::id).doesNotContain(promotion.id());
        assertThat(promotions.ownDecision(promotion.id())).map(BranchDecision::decision).contains(PromotionDecision.DECLINE);

        signInAs(users, securityContexts, "secretary2");
        promotions.decide(promotion.id(), PromotionDecision.ADOPT, "继续按分解到党小组的办法做");
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> promotions.decide(promotion.id(), PromotionDecision.ADOPT, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> promotions.coverage(promotion.id()))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("promotion.not-reviewer"));

        signInAs(users, securityContexts, "reviewer");
        Coverage after = promotions.coverage(promotion.id());
        assertThat(after.departments()).extracting(Coverage.Row::departmentName).as("in pinyin order")
                .containsExactly("财政部", "农业部");
        Coverage.Row financeRow = row(after, "财政部");
        assertThat(financeRow.decided()).isEqualTo(1);
        assertThat(financeRow.adopted()).isZero();
        Coverage.Row agricultureRow = row(after, "农业部");
        assertThat(agricultureRow.decided()).isEqualTo(1);
        assertThat(agricultureRow.adopted()).isEqualTo(1);
        assertThat(agricultureRow.effective()).as("the demo branch's 见效 report").isEqualTo(1);
        assertThat(after.total().decided()).isEqualTo(2);
        assertThat(promotions.pending(promotion.id(), new PageRequest(0, 5, "name", true)).total()).isEqualTo(reached - 2);
        assertThat(promotions.latestDecisions(promotion.id())).extracting(BranchDecision::branchName)
                .containsExactly("种植业管理司党支部", "预算司党支部");

        signInAs(users, securityContexts, "admin");
        assertThat(audit.find(new AuditFilter(null, "promotion.", String.valueOf(promotion.id()), null, null),
                new PageRequest(0, 10, "occurredAt", true))).extracting(AuditEntry::action)
                .containsExactly("promotion.started", "promotion.decided", "promotion.decided");
    }

    @Test
    void aReviewerDesignatesAnExemplarEveryoneSeesItAndItCanBeWithdrawn() {
        long method = published("“三抓四比”工作法");
        signInAs(users, securityContexts, "reviewer");
        assertThatThrownBy(() -> promotions.designate(method, "  "))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("promotion.reason-required"));
        promotions.designate(method, "把急难任务分解到党小组，比学赶超，可复制");

        signInAs(users, securityContexts, "member");
        assertThat(promotions.exemplar(method)).map(Exemplar::reason).contains("把急难任务分解到党小组，比学赶超，可复制");
        assertThat(promotions.exemplars(10)).extracting(Exemplar::methodId).contains(method);
        assertThatThrownBy(() -> promotions.withdraw(method)).isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "reviewer");
        promotions.withdraw(method);
        assertThat(promotions.exemplar(method)).isEmpty();
    }

    private static Coverage.Row row(Coverage coverage, String department) {
        return coverage.departments().stream().filter(r -> r.departmentName().equals(department)).findFirst().orElseThrow();
    }

    private long department(String name) {
        signInAs(users, securityContexts, "admin");
        return organisation.enabledDepartments().stream().filter(d -> d.name().equals(name)).map(Department::id)
                .findFirst().orElseThrow();
    }

    private long published(String title) {
        signInAs(users, securityContexts, "admin");
        List<MethodSummary> found = methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false,
                title), new PageRequest(0, 5, "updatedAt", false));
        return found.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }
}
