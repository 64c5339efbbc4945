package org.methodportal.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Review-by dates on the demo data: reviewer reviews 财政部, 国土资源部, 农业部 and 审计署; reviewer2
 * 财政部, 海关总署 and 外交部; secretary2 drafts for 农业部.
 */
@ServiceTest
class RecheckServiceTest {

    private static final PageRequest ALL = new PageRequest(0, 500, "dueOn", true);

    @Autowired
    RecheckService rechecks;
    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    AuditService audit;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void importedDemoMethodsAreDueAYearAfterTheirPublication() {
        signInAs(users, securityContexts, "member");
        // a demo method no test of this context publishes again (other tests move the shared clock on)
        long id = methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false, "共建共享"),
                new PageRequest(0, 5, "updatedAt", false)).stream().map(MethodSummary::id).findFirst().orElseThrow();
        LocalDate published = LocalDate.ofInstant(methods.get(id).revision().createdAt(), java.time.ZoneId.systemDefault());
        assertThat(rechecks.of(id)).map(RecheckDue::dueOn).hasValueSatisfying(
                due -> assertThat(due).isBetween(published.plusYears(1), published.plusYears(1).plusDays(1)));
    }

    @Test
    void aReviewerSetsATagDueListsItConfirmsItAndOnlyTheirDepartmentsCount() {
        String tag = "复核" + UUID.randomUUID().toString().substring(0, 6);
        long id = publishedBySecretary2(tag);
        signInAs(users, securityContexts, "reviewer");
        assertThat(rechecks.of(id)).map(RecheckDue::dueOn).as("published: a year from today")
                .contains(rechecks.today().plusYears(1));
        assertThat(ids(rechecks.due(ALL).content())).doesNotContain(id);

        assertThat(rechecks.countSettable(new RecheckScope(null, tag))).isEqualTo(1);
        assertThat(rechecks.setDue(new RecheckScope(null, " " + tag + " "), "  农业补贴政策调整  ")).isEqualTo(1);
        RecheckDue due = rechecks.of(id).orElseThrow();
        assertThat(due.dueBy(rechecks.today())).isTrue();
        assertThat(due.setReason()).isEqualTo("农业补贴政策调整");
        assertThat(ids(rechecks.due(ALL).content())).contains(id);

        signInAs(users, securityContexts, "reviewer2");
        assertThat(ids(rechecks.due(ALL).content())).as("not a reviewer of 农业部").doesNotContain(id);
        assertThat(rechecks.countSettable(new RecheckScope(null, tag))).isZero();
        assertThatThrownBy(() -> rechecks.confirm(id, null))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("recheck.not-reviewer"));
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> rechecks.due(ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rechecks.confirm(id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(rechecks.of(id)).as("everyone sees the date").isPresent();

        signInAs(users, securityContexts, "reviewer");
        for (RecheckScope bad : List.of(new RecheckScope(null, null), new RecheckScope(Category.MASS_LINE, tag),
                new RecheckScope(null, "  "))) {
            assertThatThrownBy(() -> rechecks.setDue(bad, "原因")).as(bad.toString())
                    .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("recheck.scope-required"));
        }
        assertThatThrownBy(() -> rechecks.setDue(new RecheckScope(null, tag), " "))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("recheck.reason-required"));
        RecheckDue confirmed = rechecks.confirm(id, "对照新政策核对，内容仍然适用");
        assertThat(confirmed.dueOn()).isEqualTo(rechecks.today().plusYears(1));
        assertThat(confirmed.confirmedByName()).isNotBlank();
        assertThat(confirmed.setReason()).isNull();
        assertThat(ids(rechecks.due(ALL).content())).doesNotContain(id);

        signInAs(users, securityContexts, "admin");
        assertThat(audit.find(new AuditFilter(null, "recheck.", null, null, null), new PageRequest(0, 500, "occurredAt", true)))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("recheck.set-due", "1 methods: 农业补贴政策调整"),
                        org.assertj.core.groups.Tuple.tuple("recheck.confirmed",
                                "next review by " + rechecks.today().plusYears(1) + ": 对照新政策核对，内容仍然适用"));
    }

    @Test
    void aReviewerOfNoDepartmentYetHasNothingDue() {
        signInAs(users, securityContexts, "admin");
        String login = "rc" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new AccountForm(login, "新审核员", 1, Set.of(Role.REVIEWER), Set.of()), "portal-demo-2026");
        signInAs(users, securityContexts, login);
        assertThat(rechecks.due(ALL).total()).isZero();
        assertThat(rechecks.countSettable(new RecheckScope(Category.MASS_LINE, null))).isZero();
    }

    @Test
    void aCategoryMayHaveItsOwnPeriod() {
        var properties = new RecheckProperties(Period.ofYears(1), Map.of(Category.URGENT_TASKS, Period.ofMonths(6)));
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(properties.dueOn(Category.URGENT_TASKS, day)).isEqualTo(LocalDate.of(2027, 6, 6));
        assertThat(properties.dueOn(Category.MASS_LINE, day)).isEqualTo(LocalDate.of(2027, 12, 6));
        assertThatThrownBy(() -> new RecheckProperties(Period.ZERO, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private long publishedBySecretary2(String tag) {
        signInAs(users, securityContexts, "secretary2");
        long id = methods.createDraft(new MethodContent("“田头复核”工作法 " + tag, null, Category.MASS_LINE,
                "政策变了，做法没跟上。", null, List.of("每季度对照政策核对一次"), List.of(), null, null, List.of(tag), null),
                null, null, null).id();
        proposals.submit(id, 1);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(id, new ReviewRequest(1, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4), "同意"));
        assertThat(methods.get(id).status()).isEqualTo(MethodStatus.PUBLISHED);
        return id;
    }

    private static List<Long> ids(List<RecheckDue> due) {
        return due.stream().map(RecheckDue::methodId).toList();
    }
}
