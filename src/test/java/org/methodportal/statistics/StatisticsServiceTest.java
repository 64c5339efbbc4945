package org.methodportal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.methodportal.statistics.Statistics.Count;
import org.methodportal.statistics.Statistics.Scope;
import org.methodportal.statistics.StatisticsFilter.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who sees what, on the demo data: reviewer reviews 财政部, 国土资源部, 农业部 and 审计署 (not 海关总署);
 * member and secretary see the summary only; admin sees everything.
 */
@ServiceTest
class StatisticsServiceTest {

    private static final StatisticsFilter ALL_TIME = new StatisticsFilter(null, null, Period.ALL, null, null);

    @Autowired
    StatisticsService statistics;
    @Autowired
    OrganisationService organisation;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void membersAndSecretariesGetTheSummaryOnly() {
        for (String login : new String[] {"member", "secretary"}) {
            signInAs(users, securityContexts, login);
            Statistics figures = statistics.dashboard(ALL_TIME);

            assertThat(figures.scope()).as(login).isEqualTo(Scope.SUMMARY);
            assertThat(figures.detail()).as(login).isNull();
            assertThat(figures.summary().published()).as(login).isPositive();
            assertThat(figures.summary().publishedByCategory()).as(login).isNotEmpty();
            assertThat(Figure.BY_DEPARTMENT.table(figures)).as(login).isEmpty();
            assertThat(Figure.PUBLISHED_BY_CATEGORY.table(figures)).as(login).isPresent();
            assertThat(statistics.seesDetail(null)).as(login).isFalse();
        }
    }

    @Test
    void aReviewerSeesTheDepartmentsTheyReviewEvenWhenAskingForAnother() {
        signInAs(users, securityContexts, "reviewer");
        Statistics own = statistics.dashboard(ALL_TIME);

        assertThat(own.scope()).isEqualTo(Scope.REVIEWED_DEPARTMENTS);
        assertThat(own.detail()).isNotNull();
        assertThat(own.detail().byDepartment()).isNotEmpty().extracting(Count::label)
                .allSatisfy(name -> assertThat(name).isIn("财政部", "国土资源部", "农业部", "审计署"));

        long customs = department("海关总署");
        Statistics other = statistics.dashboard(ALL_TIME.withDepartment(customs));
        assertThat(other.scope()).as("not reviewed: the summary only").isEqualTo(Scope.SUMMARY);
        assertThat(other.detail()).isNull();
        assertThat(statistics.seesDetail(customs)).isFalse();

        long finance = department("财政部");
        Statistics one = statistics.dashboard(ALL_TIME.withDepartment(finance));
        assertThat(one.scope()).isEqualTo(Scope.REVIEWED_DEPARTMENTS);
        assertThat(one.detail().byDepartment()).extracting(Count::label).containsOnly("财政部");
        assertThat(one.detail().methods()).isLessThanOrEqualTo(own.detail().methods());
    }

    @Test
    void anAdministratorSeesEveryDepartment() {
        signInAs(users, securityContexts, "reviewer");
        long reviewerMethods = statistics.dashboard(ALL_TIME).detail().methods();
        signInAs(users, securityContexts, "admin");
        Statistics all = statistics.dashboard(ALL_TIME);

        assertThat(all.scope()).isEqualTo(Scope.ALL);
        assertThat(all.detail().byDepartment()).extracting(Count::label).contains("海关总署", "财政部");
        assertThat(all.detail().methods()).isGreaterThan(reviewerMethods);
        assertThat(all.detail().byCategory().stream().mapToLong(Count::total).sum()).isEqualTo(all.detail().methods());
        Statistics customs = statistics.dashboard(ALL_TIME.withDepartment(department("海关总署")));
        assertThat(customs.detail().byDepartment()).extracting(Count::label).containsOnly("海关总署");
        assertThat(all.firstMonth()).isBeforeOrEqualTo(all.lastMonth());
        assertThat(all.detail().months()).hasSizeGreaterThanOrEqualTo(1);
        assertThat(all.detail().byStatus().stream().mapToLong(Count::total).sum()).isEqualTo(all.detail().methods());
        assertThat(all.detail().byDepartment()).extracting(Count::total).isSortedAccordingTo(Comparator.reverseOrder());

        // the administrator's summary is summed from the detail's counts, a member's counted apart: the same
        signInAs(users, securityContexts, "member");
        Statistics member = statistics.dashboard(ALL_TIME);
        assertThat(all.summary().publishedByCategory()).isNotEmpty()
                .isEqualTo(member.summary().publishedByCategory());
        assertThat(all.summary().published()).isEqualTo(member.summary().published());
    }

    @Test
    void theFilterNarrowsTheSummaryAndTheMonthsFollowThePeriod() {
        signInAs(users, securityContexts, "member");
        Statistics cohesion = statistics.dashboard(new StatisticsFilter(null, Category.COHESION, Period.ALL, null, null));
        assertThat(cohesion.summary().publishedByCategory()).extracting(Count::code).containsOnly("COHESION");

        signInAs(users, securityContexts, "admin");
        Statistics year = statistics.dashboard(StatisticsFilter.parse(null, null, null, null, "12m"));
        assertThat(year.detail().months()).hasSize(12);
        assertThat(year.detail().reviews()).hasSize(12);
        assertThat(year.firstMonth().plusMonths(11)).isEqualTo(year.lastMonth());
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThatThrownBy(() -> statistics.dashboard(ALL_TIME))
                .isInstanceOfAny(AuthenticationCredentialsNotFoundException.class, PortalException.class);
    }

    @Test
    void filterParametersAreCheckedAndRoundTripThroughTheUrl() {
        StatisticsFilter filter = StatisticsFilter.parse("7", "凝心聚力", "2025-01", "2025-06", null);
        assertThat(filter).isEqualTo(new StatisticsFilter(7L, Category.COHESION, Period.CUSTOM,
                java.time.YearMonth.of(2025, 1), java.time.YearMonth.of(2025, 6)));
        assertThat(filter.toQuery()).containsExactly(java.util.Map.entry("department", "7"),
                java.util.Map.entry("category", "COHESION"), java.util.Map.entry("from", "2025-01"),
                java.util.Map.entry("to", "2025-06"));
        var q = filter.toQuery();
        assertThat(StatisticsFilter.parse(q.get("department"), q.get("category"), q.get("from"), q.get("to"), null))
                .isEqualTo(filter);
        assertThat(StatisticsFilter.parse(null, null, null, null, "24m").toQuery()).containsEntry("period", "24m");
        assertThat(StatisticsFilter.parse(null, null, null, null, "12m").toQuery()).containsEntry("period", "12m");
        assertThat(StatisticsFilter.DEFAULT.period()).as("a fresh view shows the whole library").isEqualTo(Period.ALL);
        assertThat(StatisticsFilter.DEFAULT.toQuery()).isEmpty();
        assertThat(StatisticsFilter.parse("", " ", null, null, null)).isEqualTo(StatisticsFilter.DEFAULT);
        assertThatThrownBy(() -> StatisticsFilter.parse(null, null, "2025-13", null, null))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("statistics.month-invalid"));
        assertThatThrownBy(() -> StatisticsFilter.parse(null, null, "2025-06", "2025-01", null))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("statistics.period-reversed"));
        assertThatThrownBy(() -> StatisticsFilter.parse("x; DROP TABLE method", null, null, null, null))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("statistics.department-invalid"));
        assertThatThrownBy(() -> StatisticsFilter.parse(null, "无此类别", null, null, null))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("statistics.category-invalid"));
        assertThatThrownBy(() -> StatisticsFilter.parse(null, null, null, null, "5y"))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("statistics.period-invalid"));
    }

    @Test
    void eachSubmittedRoundIsRecordedSoThatTheWaitUntilTheDecisionCounts() {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(new MethodContent("统计等待 " + UUID.randomUUID().toString().substring(0, 6), "摘要",
                Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层", List.of("对接需求"), List.of("调研"), "满意度提高",
                "各部委机关", List.of("对接"), null), null, null, null).id();
        proposals.submit(id, 1);
        // The shared clock only moves forward: set back, what was written in between (outbox entries
        // of the review) would lie in the future of the tests that follow.
        clock.advance(Duration.ofHours(36));
        signInAs(users, securityContexts, "reviewer");
        reviews.review(id, new ReviewRequest(1, Decision.REQUEST_CHANGES, new Scores(3, 3, 3, 3, 3, 3), "请补充案例"));

        assertThat(jdbc.queryForObject("SELECT submitted_at FROM review WHERE method_id = ? AND review_round = 1",
                OffsetDateTime.class, id)).as("the review keeps its round's submission").isNotNull();
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.systemDefault()));
        Statistics figures = statistics.dashboard(ALL_TIME.withDepartment(department("财政部")));
        assertThat(figures.detail().reviews()).filteredOn(r -> r.month().equals(now)).singleElement()
                .satisfies(month -> {
                    assertThat(month.changesRequested()).isPositive();
                    assertThat(month.medianDays()).isNotNull();
                });
    }

    private long department(String name) {
        return organisation.enabledDepartments().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow()
                .id();
    }
}
