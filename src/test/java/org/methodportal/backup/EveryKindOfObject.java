package org.methodportal.backup;

import static org.methodportal.shared.TestUsers.signInAs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.account.MfaEnrolment;
import org.methodportal.account.MfaService;
import org.methodportal.comment.CommentDraft;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.VisibleComment;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.merge.MergeService;
import org.methodportal.method.Category;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.adoption.NewAdoptionReport;
import org.methodportal.adoption.NewAttachment;
import org.methodportal.promotion.NewPromotion;
import org.methodportal.promotion.PromotionDecision;
import org.methodportal.promotion.PromotionService;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewQuorumService;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.TestUsers;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * Adds to the demo data the kinds of objects it has none of (a second factor with recovery codes,
 * an API token, comments edited, hidden and deleted with a reply that notifies, a kept local
 * wording, a merge approved, a department's own quorum, an adoption with a report and its file, a 典型工作法
 * promoted to a department with a branch's decision),
 * so that a backup test sees every table in use.
 */
@TestComponent
class EveryKindOfObject {

    private final UserDetailsService users;
    private final SecurityContextHolderStrategy securityContexts;
    private final MfaService mfa;
    private final ApiTokenService tokens;
    private final MethodService methods;
    private final CommentService comments;
    private final GlossaryService glossary;
    private final MergeService merges;
    private final ReviewService reviews;
    private final ReviewQuorumService quorum;
    private final AdoptionService adoptions;
    private final PromotionService promotions;
    private final JdbcTemplate jdbc;

    EveryKindOfObject(UserDetailsService users, SecurityContextHolderStrategy securityContexts, MfaService mfa,
                      ApiTokenService tokens, MethodService methods, CommentService comments, GlossaryService glossary,
                      MergeService merges, ReviewService reviews, ReviewQuorumService quorum, AdoptionService adoptions,
                      PromotionService promotions, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.promotions = promotions;
        this.adoptions = adoptions;
        this.users = users;
        this.securityContexts = securityContexts;
        this.mfa = mfa;
        this.tokens = tokens;
        this.methods = methods;
        this.comments = comments;
        this.glossary = glossary;
        this.merges = merges;
        this.reviews = reviews;
        this.quorum = quorum;
    }

    private boolean created;

    /** Once per test context: the objects stay for every test of the class. */
    synchronized void create() throws Exception {
        if (created) {
            return;
        }
        created = true;
        try {
            signInAs(users, securityContexts, "member");
            MfaEnrolment enrolment = mfa.startEnrolment();
            mfa.confirmEnrolment(new DefaultCodeGenerator().generate(enrolment.manualKey().replace(" ", ""),
                    Math.floorDiv(Instant.now().getEpochSecond(), 30)));
            tokens.create("备份测试", Set.of(ApiTokenScope.READ), 30);

            PortalUser secretary = signInAs(users, securityContexts, "secretary");
            long first = methods.createDraft(content("备份之一"), null, null, null).id();
            long second = methods.createDraft(content("备份之二"), null, null, null).id();
            glossary.keepVariant(first, "老带新");
            long published = jdbc.queryForObject("SELECT MIN(id) FROM method WHERE status = 'PUBLISHED'", Long.class);
            VisibleComment question = comments.post(published, CommentDraft.page("请补充做法 @member"));
            comments.edit(question.id(), "请补充具体做法 @member", question.version());

            signInAs(users, securityContexts, "member");
            VisibleComment reply = comments.post(published, CommentDraft.reply(question.id(), "已补充"));
            VisibleComment noise = comments.post(published, CommentDraft.page("无关内容"));
            comments.delete(reply.id(), reply.version());

            signInAs(users, securityContexts, "reviewer");
            comments.hide(noise.id(), "与主题无关", noise.version());
            // a second person's comment on the same watched page: folded into one notice with two actors
            comments.post(published, CommentDraft.page("建议补充成效数据"));
            long merge = merges.start(List.of(first, second), null).id();
            merges.compose(merge, content("备份合并"), 1, null);
            merges.submit(merge, 2);
            signInAs(users, securityContexts, "reviewer2");
            reviews.review(merge, new ReviewRequest(2, Decision.APPROVE, new Scores(4, 5, 4, 3, 4, 4), "同意"));

            PortalUser adopter = signInAs(users, securityContexts, "secretary2");
            // a method the branch has not adopted yet (the demo data and other tests of this context adopt some)
            long notAdopted = jdbc.queryForObject("SELECT MIN(m.id) FROM method m WHERE m.status = 'PUBLISHED'"
                    + " AND NOT EXISTS (SELECT 1 FROM adoption a WHERE a.method_id = m.id AND a.open_branch_id = ?)",
                    Long.class, adopter.branchId());
            long adoption = adoptions.adopt(notAdopted, new NewAdoption(null, "试行一季度")).id();
            adoptions.report(adoption, new NewAdoptionReport(AdoptionStatus.EFFECTIVE, "见效", 4, 15),
                    new NewAttachment("记录.txt", "第一次试行：十五人参加".getBytes(StandardCharsets.UTF_8)));

            signInAs(users, securityContexts, "admin");
            quorum.setForDepartment(secretary.departmentId(), 2);
            // a 典型工作法 promoted to the adopter's department, on which their branch decided
            promotions.designate(notAdopted, "备份样板");
            long promotion = promotions.start(notAdopted, new NewPromotion("请学习", false,
                    List.of(adopter.departmentId()))).id();
            signInAs(users, securityContexts, "secretary2");
            promotions.decide(promotion, PromotionDecision.DECLINE, "本季度任务重");
            awaitNotifications();
        } finally {
            TestUsers.signOut(securityContexts);
        }
    }

    /** The notifiers run after commit on other threads: the backup is compared with the database once they are done. */
    private void awaitNotifications() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("event publications still incomplete after 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static MethodContent content(String title) {
        String unique = title + UUID.randomUUID().toString().substring(0, 6);
        return new MethodContent(unique, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节，老带新不够", "服务基层",
                List.of("对接需求", "对接资源"), List.of("调研", "座谈"), "群众满意度提高", "各部委机关", List.of("对接"), null);
    }
}
