package org.methodportal.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.notification.NotificationService;
import org.methodportal.notification.InboxItem;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchService;
import org.methodportal.search.SearchSort;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A branch adopts a published demo method and reports on it. Demo data: secretary (财政部 预算司党支部)
 * and secretary2 (农业部 种植业管理司党支部) are secretaries of different branches; member is not one.
 */
@ServiceTest
class AdoptionServiceTest {

    @Autowired
    AdoptionService adoptions;
    @Autowired
    MethodService methods;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationService notifications;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    AdoptionReminders reminders;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchService search;
    @Autowired
    SystemAuthentication system;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void aBranchAdoptsOnceAtATimeReportsAndAStoppedAdoptionCanBeTakenUpAgain() {
        long method = published("“铸魂”工作法");
        int adoptingBefore = methods.get(method).adoptingBranches();
        int adoptionsBefore = adoptions.summary(method).adoptionsEver();
        signInAs(users, securityContexts, "secretary2");
        Adoption adoption = adoptions.adopt(method, new NewAdoption(LocalDate.now().minusDays(30), "  每月一次讲述  "));
        assertThat(adoption.open()).isTrue();
        assertThat(adoption.plan()).isEqualTo("每月一次讲述");
        assertThat(adoption.branchName()).isEqualTo("种植业管理司党支部");
        assertThat(methods.get(method).adoptingBranches()).isEqualTo(adoptingBefore + 1);
        assertThat(methods.find(new MethodFilter(null, null, null, null, null, false, null, true),
                new PageRequest(0, 100, "adoptions", false))).as("已被采用").extracting(MethodSummary::id).contains(method);
        indexer.drain();
        assertThat(search.search(new SearchRequest("铸魂", null, null, null, null, null, SearchSort.MOST_ADOPTED, 0, 10,
                true)).hits()).as("re-indexed with its adoptions").extracting(SearchHit::id).containsExactly(method);
        assertThatThrownBy(() -> adoptions.adopt(method, new NewAdoption(null, null)))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.already-open"));

        signInAs(users, securityContexts, "secretary");
        assertThatThrownBy(() -> adoptions.report(adoption.id(), report(AdoptionStatus.EFFECTIVE, 5)))
                .as("another branch's adoption")
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.not-own-branch"));

        signInAs(users, securityContexts, "secretary2");
        adoptions.report(adoption.id(), new NewAdoptionReport(AdoptionStatus.TRIAL, "先试了两次", 3, 18));
        AdoptionReport effective = adoptions.report(adoption.id(), report(AdoptionStatus.EFFECTIVE, 5));
        assertThat(effective.branchName()).isEqualTo("种植业管理司党支部");
        assertThat(adoptions.reports(adoption.id())).extracting(AdoptionReport::status)
                .containsExactly(AdoptionStatus.EFFECTIVE, AdoptionStatus.TRIAL);

        signInAs(users, securityContexts, "member");
        AdoptionSummary summary = adoptions.summary(method);
        assertThat(summary.adoptingBranches()).isEqualTo(adoptingBefore + 1);
        assertThat(summary.averageRating()).as("the latest rating of each adoption").isEqualTo(5.0);
        assertThat(summary.byDepartment()).extracting(AdoptionSummary.DepartmentCount::department).contains("农业部");
        assertThat(summary.latestReports()).first().extracting(AdoptionReport::outcome).isEqualTo("结合案例讲，大家更愿意参加");
        assertThat(summary.ownBranch()).as("member's branch did not adopt it").isNull();

        signInAs(users, securityContexts, "secretary2");
        adoptions.report(adoption.id(), report(AdoptionStatus.STOPPED, 2));
        assertThat(adoptions.adoption(adoption.id()).open()).isFalse();
        assertThat(methods.get(method).adoptingBranches()).isEqualTo(adoptingBefore);
        assertThatThrownBy(() -> adoptions.report(adoption.id(), report(AdoptionStatus.TRIAL, 3)))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.stopped"));
        Adoption again = adoptions.adopt(method, new NewAdoption(null, null));
        assertThat(again.id()).isNotEqualTo(adoption.id());
        assertThat(methods.get(method).adoptingBranches()).isEqualTo(adoptingBefore + 1);
        assertThat(adoptions.summary(method).adoptionsEver()).isEqualTo(adoptionsBefore + 2);

        // The method's author (the demo administrator imported it) hears of the reports.
        AfterCommitListeners.awaitCompleted(registry, AdoptionEvent.Reported.class::isInstance);
        signInAs(users, securityContexts, "admin");
        assertThat(notifications.inbox(false, new PageRequest(0, 50, "createdAt", false)).content())
                .filteredOn(n -> "adoption.reported".equals(n.kind()) && n.methodId() != null && n.methodId() == method)
                .isNotEmpty().allSatisfy(n -> assertThat(n.link()).isEqualTo("methods/" + method + "?focus=method-adoption"));
        List<AuditEntry> trail = audit.find(new AuditFilter(null, "adoption.", String.valueOf(adoption.id()), null, null),
                new PageRequest(0, 50, "occurredAt", true));
        assertThat(trail).extracting(AuditEntry::action)
                .containsExactly("adoption.started", "adoption.reported", "adoption.reported", "adoption.reported");
    }

    @Test
    void onlySecretariesAdoptPublishedMethodsAndReportsAreChecked() {
        long method = published("“三融入”工作法");
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> adoptions.adopt(method, new NewAdoption(null, null)))
                .isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "secretary");
        long draft = methods.createDraft(new MethodContent("“田间课堂”工作法", null, Category.MASS_LINE, "群众找不到人。",
                null, List.of("每周一次"), List.of(), null, null, List.of(), null), null, null, null).id();
        assertThatThrownBy(() -> adoptions.adopt(draft, new NewAdoption(null, null)))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.not-published"));
        assertThatThrownBy(() -> adoptions.adopt(method, new NewAdoption(LocalDate.now().plusYears(3), null)))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.start-out-of-range"));

        Adoption adoption = adoptions.adopt(method, new NewAdoption(null, "x".repeat(AdoptionService.PLAN_MAX)));
        for (NewAdoptionReport bad : List.of(new NewAdoptionReport(null, "好", 3, null),
                new NewAdoptionReport(AdoptionStatus.TRIAL, "好", 6, null),
                new NewAdoptionReport(AdoptionStatus.TRIAL, "  ", 3, null),
                new NewAdoptionReport(AdoptionStatus.TRIAL, "好", 3, -1),
                new NewAdoptionReport(AdoptionStatus.TRIAL, "好".repeat(AdoptionService.OUTCOME_MAX + 1), 3, null))) {
            assertThatThrownBy(() -> adoptions.report(adoption.id(), bad)).as(bad.toString())
                    .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.INVALID));
        }
        assertThat(adoptions.reports(adoption.id())).isEmpty();
        adoptions.report(adoption.id(), new NewAdoptionReport(AdoptionStatus.STOPPED, "暂缓", 2, null));
    }

    @Test
    void anAdoptionUnreportedForTheConfiguredDaysIsDueAndItsSecretariesAreRemindedOncePerPeriod() {
        long method = published("“共建共享”工作法");
        signInAs(users, securityContexts, "secretary");
        LocalDate today = LocalDate.now(clock);
        Adoption adoption = adoptions.adopt(method, new NewAdoption(today.minusDays(10), "先在预算司试"));
        assertThat(adoptions.reportDueOn(adoption)).as("90 days (the default) after the start").isEqualTo(today.plusDays(80));
        assertThat(adoptions.reportDue(adoption)).isFalse();
        Instant start = clock.instant();
        try {
            clock.advance(Duration.ofDays(79));
            remind();
            assertThat(adoptions.reportDue(adoptions.adoption(adoption.id()))).as("one day before").isFalse();
            assertThat(dueReminders(method)).isEmpty();

            clock.advance(Duration.ofDays(1));
            long dueBefore = adoptions.ownBranchDue();
            assertThat(adoptions.reportDue(adoptions.adoption(adoption.id()))).isTrue();
            assertThat(adoptions.ownBranch(100).content()).extracting(Adoption::id).contains(adoption.id());
            remind();
            remind();
            assertThat(dueReminders(method)).as("once, however often the check runs").hasSize(1)
                    .allSatisfy(n -> {
                        assertThat(n.link()).isEqualTo("methods/" + method + "?focus=method-adoption");
                        assertThat(n.actorName()).isNull();
                    });
            signInAs(users, securityContexts, "secretary2");
            assertThat(dueReminders(method)).as("another branch's secretary").isEmpty();

            signInAs(users, securityContexts, "secretary");
            adoptions.report(adoption.id(), report(AdoptionStatus.TRIAL, 3));
            assertThat(adoptions.reportDue(adoptions.adoption(adoption.id()))).as("a report starts the period again").isFalse();
            assertThat(adoptions.ownBranchDue()).isEqualTo(dueBefore - 1);
            remind();
            assertThat(dueReminders(method)).hasSize(1);

            clock.advance(Duration.ofDays(90));
            remind();
            assertThat(dueReminders(method)).as("the next period reminds again").hasSize(2);
            signInAs(users, securityContexts, "admin");
            assertThat(audit.find(new AuditFilter(null, "adoption.reminded", String.valueOf(adoption.id()), null, null),
                    new PageRequest(0, 10, "occurredAt", true))).hasSize(2);
        } finally {
            clock.set(start);
        }
    }

    /** The check the schedule runs, then its notifications delivered. */
    private void remind() {
        system.runAsSystem(reminders::remindDue);
        AfterCommitListeners.awaitCompleted(registry, AdoptionEvent.ReportDue.class::isInstance);
    }

    private List<InboxItem> dueReminders(long method) {
        return notifications.inbox(false, new PageRequest(0, 100, "createdAt", false)).content().stream()
                .filter(n -> "adoption.report-due".equals(n.kind()) && n.methodId() != null && n.methodId() == method)
                .toList();
    }

    @Test
    void aReportsFileIsStoredWithItAndServedToThoseWhoMaySeeTheMethodOnly() {
        long method = ownPublishedMethod();
        signInAs(users, securityContexts, "secretary2");
        long adoption = adoptions.adopt(method, new NewAdoption(null, null)).id();
        byte[] pdf = "%PDF-1.7\n%见效\n%%EOF".getBytes(StandardCharsets.UTF_8);
        AdoptionReport report = adoptions.report(adoption, report(AdoptionStatus.EFFECTIVE, 4),
                new NewAttachment("C:\\fakepath\\活动\u0007总结.pdf", pdf));
        assertThat(report.attachmentName()).as("no path, no control character").isEqualTo("活动总结.pdf");
        assertThat(report.attachmentSize()).isEqualTo(pdf.length);
        AdoptionReport plain = adoptions.report(adoption, report(AdoptionStatus.EFFECTIVE, 5));
        assertThat(plain.attachmentName()).isNull();
        assertThat(plain.attachmentSize()).isNull();

        // a member of another department (财政部) reads it while the method is published
        signInAs(users, securityContexts, "member");
        AdoptionAttachment file = adoptions.attachment(adoption, report.id());
        assertThat(file.content()).isEqualTo(pdf);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).isEqualTo("活动总结.pdf");
        assertThat(adoptions.reports(adoption)).extracting(AdoptionReport::attachmentName)
                .containsExactly(null, "活动总结.pdf");
        assertThatThrownBy(() -> adoptions.attachment(adoption, plain.id())).as("a report without a file")
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.attachment-not-found"));

        // once the method is no longer public, only its owner, reviewers of 农业部 and administrators see it
        jdbc.update("UPDATE method SET status = 'DRAFT' WHERE id = ?", method);
        assertThatThrownBy(() -> adoptions.attachment(adoption, report.id()))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("adoption.not-found");
                });
        signInAs(users, securityContexts, "secretary2");
        assertThat(adoptions.attachment(adoption, report.id()).content()).isEqualTo(pdf);

        signInAs(users, securityContexts, "admin");
        assertThat(audit.find(new AuditFilter(null, "adoption.reported", String.valueOf(adoption), null, null),
                new PageRequest(0, 10, "occurredAt", true))).extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("report " + report.id()).contains("attachment 活动总结.pdf ("
                        + pdf.length + " bytes)"));
    }

    @Test
    void aRefusedFileLeavesNeitherReportNorFile() {
        long method = ownPublishedMethod();
        signInAs(users, securityContexts, "secretary2");
        long adoption = adoptions.adopt(method, new NewAdoption(null, null)).id();
        byte[] tooLarge = new byte[(int) adoptions.attachmentMaxSize() + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, tooLarge, 0, 8);
        Arrays.fill(tooLarge, 8, tooLarge.length, (byte) ' ');
        assertThat(adoptions.attachmentMaxSize()).as("portal.adoption.attachment-max-size by default")
                .isEqualTo(10L * 1024 * 1024);

        assertThatThrownBy(() -> adoptions.report(adoption, report(AdoptionStatus.TRIAL, 3),
                new NewAttachment("总结.pdf", tooLarge)))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("adoption.attachment-too-large");
                    assertThat(e.args()).containsExactly("10 MB");
                });
        assertThatThrownBy(() -> adoptions.report(adoption, report(AdoptionStatus.TRIAL, 3),
                new NewAttachment("setup.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.attachment-type"));
        assertThatThrownBy(() -> adoptions.report(adoption, report(AdoptionStatus.STOPPED, 3),
                new NewAttachment("照片.pdf", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("adoption.attachment-extension"));

        assertThat(adoptions.reports(adoption)).isEmpty();
        assertThat(adoptions.adoption(adoption).open()).as("the refused STOPPED report did not stop it").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM adoption_report_attachment f JOIN adoption_report r"
                + " ON r.id = f.report_id WHERE r.adoption_id = ?", Long.class, adoption)).isZero();
    }

    /** A published method of secretary2's own (农业部), so that a test may hide it again without touching the demo's. */
    private long ownPublishedMethod() {
        signInAs(users, securityContexts, "secretary2");
        long id = methods.createDraft(new MethodContent("“田间档案”工作法 " + UUID.randomUUID(), null,
                Category.MASS_LINE, "记录散落。", null, List.of("每月整理一次"), List.of(), null, null, List.of(), null),
                null, null, null).id();
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        return id;
    }

    private static NewAdoptionReport report(AdoptionStatus status, int rating) {
        return new NewAdoptionReport(status, "结合案例讲，大家更愿意参加", rating, 20);
    }

    private long published(String title) {
        signInAs(users, securityContexts, "admin");
        List<MethodSummary> found = methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false,
                title), new PageRequest(0, 5, "updatedAt", false));
        return found.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }
}
