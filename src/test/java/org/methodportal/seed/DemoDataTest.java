package org.methodportal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.method.Category;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.review.Quality;
import org.methodportal.review.QueueEntry;
import org.methodportal.review.ReviewService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.RevisionSummary;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo data of seeds/ as the test portal loads it on its first start. */
@ServiceTest
class DemoDataTest {

    private static final PageRequest ALL = new PageRequest(0, 100, "createdAt", true);

    @Autowired
    MethodService methods;
    @Autowired
    MethodMapper mapper;
    @Autowired
    ReviewService reviews;
    @Autowired
    AdoptionService adoptions;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void theEightNamedMethodsArePublishedWithEveryFieldAndTheirOriginalText() {
        signInAs(users, securityContexts, "member");
        List<String> ids = List.of("seed-mof-wuduijie", "seed-mlr-sanzhuasibi", "seed-cdb-sanrongru", "seed-moa-jiediqi",
                "seed-cnao-zhidian", "seed-npfpc-gongjiangongxiang", "seed-mfa-zhuhun", "seed-gacc-yuren");

        List<MethodDetail> seeded = ids.stream().map(id -> methods.get(mapper.findIdByExternalId(id).orElseThrow()))
                .toList();

        assertThat(seeded).extracting(m -> m.revision().content().title(), MethodDetail::departmentName).containsExactly(
                tuple("“五对接”工作法", "财政部"), tuple("“三抓四比”工作法", "国土资源部"),
                tuple("“三融入”工作法", "国家开发银行"), tuple("“接地气”工作法", "农业部"),
                tuple("“支点”工作法", "审计署"), tuple("“共建共享”工作法", "国家人口计生委"),
                tuple("“铸魂”工作法", "外交部"), tuple("“育人”工作法", "海关总署"));
        assertThat(seeded).extracting(MethodDetail::status).as("one archived to show the banner")
                .containsExactly(MethodStatus.PUBLISHED, MethodStatus.PUBLISHED, MethodStatus.PUBLISHED,
                        MethodStatus.PUBLISHED, MethodStatus.PUBLISHED, MethodStatus.PUBLISHED, MethodStatus.PUBLISHED,
                        MethodStatus.ARCHIVED);
        assertThat(seeded).allSatisfy(m -> {
            assertThat(m.publishedRevision()).isEqualTo(1);
            assertThat(m.ownerName()).isEqualTo("系统管理员");
            assertThat(m.rawPractice()).isNotBlank();
            var c = m.revision().content();
            assertThat(List.of(c.summary(), c.problem(), c.concept(), c.outcomes(), c.applicability()))
                    .allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(c.measures()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(c.steps()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(c.tags()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(m.createdAt().toString()).startsWith("2012-");
        });
        assertThat(seeded).extracting(m -> m.revision().content().category())
                .as("every category has an example").containsAll(List.of(Category.values()));
    }

    @Test
    void theDemoSecretariesHaveDraftsWithHistory() {
        signInAs(users, securityContexts, "secretary");
        List<MethodSummary> mine = methods.myProposals(List.of(), ALL).content();
        assertThat(mine).extracting(MethodSummary::title, MethodSummary::latestRevision, MethodSummary::status)
                .contains(tuple("预算绩效“三张清单”工作法", 3, MethodStatus.IN_REVIEW),
                        tuple("“周五微课堂”学习法", 1, MethodStatus.DRAFT),
                        tuple("“一事一议”民主议事工作法", 1, MethodStatus.PUBLISHED),
                        tuple("“五对接”工作法", 1, MethodStatus.IN_REVIEW));
        long threeRevisions = mine.stream().filter(m -> m.latestRevision() == 3).findFirst().orElseThrow().id();
        assertThat(methods.revisions(threeRevisions)).extracting(RevisionSummary::changeNote)
                .containsExactly("按审核意见补充成效和适用范围", "补充理念和步骤", "初稿：先把做法记下来");
        assertThat(methods.diff(threeRevisions, 1, 3).changed()).isTrue();

        signInAs(users, securityContexts, "secretary2");
        assertThat(methods.myProposals(List.of(), ALL).content()).extracting(MethodSummary::title,
                MethodSummary::latestRevision, MethodSummary::departmentName, MethodSummary::status).contains(
                tuple("“田间课堂”工作法", 2, "农业部", MethodStatus.CHANGES_REQUESTED),
                tuple("支部学习打卡", 1, "农业部", MethodStatus.REJECTED));

        signInAs(users, securityContexts, "member");
        assertThat(methods.browse(new MethodFilter(null, null, MethodStatus.CHANGES_REQUESTED, null, null,
                false, "田间课堂"), ALL).content()).isEmpty();
    }

    @Test
    void namedMethodsAreAdoptedByTheSecretariesBranchesWithReports() {
        signInAs(users, securityContexts, "member");
        AdoptionSummary sanzhuasibi = adoptions.summary(mapper.findIdByExternalId("seed-mlr-sanzhuasibi").orElseThrow());
        assertThat(sanzhuasibi.adoptingBranches()).isEqualTo(2);
        assertThat(sanzhuasibi.averageRating()).as("of each branch's latest report: (5 + 3) / 2").isEqualTo(4.0);
        assertThat(sanzhuasibi.byDepartment()).containsExactlyInAnyOrder(new AdoptionSummary.DepartmentCount("农业部", 1),
                new AdoptionSummary.DepartmentCount("审计署", 1));
        assertThat(sanzhuasibi.latestReports()).extracting(AdoptionReport::branchName, AdoptionReport::status)
                .contains(tuple("种植业管理司党支部", AdoptionStatus.EFFECTIVE),
                        tuple("种植业管理司党支部", AdoptionStatus.TRIAL), tuple("经济责任审计司党支部", AdoptionStatus.TRIAL));
        assertThat(adoptions.summary(mapper.findIdByExternalId("seed-cdb-sanrongru").orElseThrow()).byDepartment())
                .as("adopted by two other departments").containsExactlyInAnyOrder(
                        new AdoptionSummary.DepartmentCount("审计署", 1), new AdoptionSummary.DepartmentCount("民政部", 1));
        // every named method but the archived 育人 has been taken up somewhere, with reports
        for (String id : List.of("seed-mof-wuduijie", "seed-mlr-sanzhuasibi", "seed-cdb-sanrongru", "seed-moa-jiediqi",
                "seed-cnao-zhidian", "seed-npfpc-gongjiangongxiang", "seed-mfa-zhuhun")) {
            assertThat(adoptions.summary(mapper.findIdByExternalId(id).orElseThrow()).latestReports()).as(id).isNotEmpty();
        }
        assertThat(adoptions.summary(mapper.findIdByExternalId("seed-cnao-zhidian").orElseThrow()).byDepartment())
                .containsExactly(new AdoptionSummary.DepartmentCount("财政部", 1));
    }

    @Test
    void aReviewerLoggingInFindsAQueueAndPublishedEntriesHaveAReviewRecord() {
        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.queue(ALL).content()).extracting(QueueEntry::title, e -> e.changeOfMethodId() != null)
                .contains(tuple("预算绩效“三张清单”工作法", false), tuple("“五对接”工作法", true));

        signInAs(users, securityContexts, "member");
        long published = methods.browse(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false,
                "一事一议"), ALL).content().getFirst().id();
        assertThat(reviews.record(published)).singleElement()
                .satisfies(r -> assertThat(r.comment()).contains("同意发布"));
        assertThat(reviews.publishedAverages(published)).containsEntry(Quality.OPERABILITY, 4.0);
    }
}
