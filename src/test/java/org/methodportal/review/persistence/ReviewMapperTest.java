package org.methodportal.review.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.method.persistence.NewRevision;
import org.methodportal.review.Decision;
import org.methodportal.review.QueueEntry;
import org.methodportal.review.Scores;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@MapperSlice
class ReviewMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");
    private static final Scores GOOD = new Scores(4, 5, 4, 3, 4, 4);

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    ReviewMapper reviews;
    @Autowired
    QuorumMapper quorums;

    long finance;
    long agriculture;
    long budget;
    long crops;
    long author;
    long wang;
    long zhao;

    OrganisationRows org;

    @BeforeEach
    void organisation() {
        org = new OrganisationRows(departments, branches, accounts, T0);
        finance = org.department("rv-finance");
        agriculture = org.department("rv-agriculture");
        budget = org.branch(finance, "预算司党支部");
        crops = org.branch(agriculture, "种植业管理司党支部");
        author = org.account("rv-li", "李书记", budget);
        wang = org.account("rv-wang", "王审核", budget);
        zhao = org.account("rv-zhao", "赵评审", budget);
    }

    @Test
    void reviewsAreCountedPerRoundAndReadWithReviewerAndRevision() {
        long id = submitted(finance, budget, "两轮", T0);
        long r1 = methods.findById(id).orElseThrow().latestRevisionId();
        insert(id, r1, 1, wang, Decision.APPROVE, T0.plusSeconds(1));
        insert(id, r1, 1, zhao, Decision.REQUEST_CHANGES, T0.plusSeconds(2));
        insert(id, r1, 2, wang, Decision.APPROVE, T0.plusSeconds(3));

        assertThat(reviews.countApprovals(id, 1)).isEqualTo(1);
        assertThat(reviews.countApprovals(id, 2)).isEqualTo(1);
        assertThat(reviews.existsInRound(id, 1, zhao)).isTrue();
        assertThat(reviews.existsInRound(id, 2, zhao)).isFalse();
        assertThat(reviews.findByMethod(id)).extracting(ReviewRow::reviewRound, ReviewRow::reviewerName)
                .containsExactly(tuple(2, "王审核"),
                        tuple(1, "赵评审"), tuple(1, "王审核"));
        ReviewRow first = reviews.findByRound(id, 1).getFirst();
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.decision()).isEqualTo(Decision.APPROVE);
        assertThat(first.pertinence()).isEqualTo(5);
        assertThat(first.reviewComment()).isEqualTo("意见");
        assertThat(first.createdAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(first.proposalStatus()).isEqualTo(MethodStatus.IN_REVIEW);
        assertThatThrownBy(() -> insert(id, r1, 2, wang, Decision.APPROVE, T0)).as("once per round")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void scoresStayWithinOneToFive() {
        long id = submitted(finance, budget, "评分范围", T0);
        long r1 = methods.findById(id).orElseThrow().latestRevisionId();
        assertThatThrownBy(() -> insert(id, r1, 1, wang, Decision.APPROVE, T0, new Scores(6, 1, 1, 1, 1, 1)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void reviewsOfChangeRequestsBelongToTheTargetsRecord() {
        long target = submitted(finance, budget, "目标", T0);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budget, author, MethodStatus.DRAFT, null, T0,
                target, null), key);
        long request = key.getId();
        long r1 = revision(request, "目标（修改）");
        insert(request, r1, 1, wang, Decision.APPROVE, T0);

        assertThat(reviews.findByMethod(target)).extracting(ReviewRow::methodId).containsExactly(request);
    }

    @Test
    void queueHoldsProposalsInReviewOfTheViewersDepartmentsOldestFirstWithoutTheirOwnOrReviewed() {
        long older = submitted(finance, budget, "较早", T0);
        long newer = submitted(finance, budget, "较晚", T0.plusSeconds(60));
        long elsewhere = submitted(agriculture, crops, "农业", T0.plusSeconds(30));
        long reviewed = submitted(finance, budget, "已审", T0.plusSeconds(10));
        insert(reviewed, methods.findById(reviewed).orElseThrow().latestRevisionId(), 1, wang, Decision.APPROVE, T0);

        List<QueueEntry> queue = reviews.findQueue(wang, List.of(finance), false, 0, 10);
        assertThat(queue).extracting(QueueEntry::methodId).containsExactly(older, newer);
        assertThat(queue.getFirst().title()).isEqualTo("较早");
        assertThat(queue.getFirst().round()).isEqualTo(1);
        assertThat(queue.getFirst().submittedRevision()).isEqualTo(1);
        assertThat(queue.getFirst().departmentName()).isEqualTo("rv-finance");
        assertThat(queue.getFirst().ownerName()).isEqualTo("李书记");
        assertThat(reviews.countQueue(wang, List.of(finance), false)).isEqualTo(2);
        assertThat(reviews.findQueue(zhao, List.of(), true, 0, 10)).extracting(QueueEntry::methodId)
                .contains(older, newer, elsewhere, reviewed);
        assertThat(reviews.findQueue(zhao, List.of(finance), false, 0, 10).stream()
                .filter(e -> e.methodId() == reviewed).findFirst().orElseThrow().approvals()).isEqualTo(1);
        assertThat(reviews.findQueue(author, List.of(finance), false, 0, 10)).as("not their own").isEmpty();
        assertThat(reviews.countQueue(wang, List.of(), false)).isZero();
        assertThat(reviews.findQueue(wang, List.of(finance), false, 1, 1)).extracting(QueueEntry::methodId)
                .containsExactly(newer);
    }

    @Test
    void aChangeRequestWrittenAgainstAnOlderPublishedRevisionIsMarkedInTheQueue() {
        long target = submitted(finance, budget, "目标", T0);
        long v1 = methods.findById(target).orElseThrow().latestRevisionId();
        methods.updatePublishedRevision(target, v1, T0, 2);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budget, author, MethodStatus.DRAFT, null,
                T0.plusSeconds(1), target, v1), key);
        long request = key.getId();
        methods.updateLatestRevision(request, revision(request, "修改"), Category.COHESION, T0, 0);
        methods.updateSubmitted(request, T0.plusSeconds(1), 1);
        assertThat(queueEntry(request).baseOutdated()).isFalse();

        var v2 = new GeneratedKey();
        methods.insertRevision(new NewRevision(target, 2, v1, "目标第二版", null, Category.COHESION, "问题", null, null,
                null, null, author, T0, null, MethodStatus.PUBLISHED), v2);
        methods.updatePublishedRevision(target, v2.getId(), T0, 3);

        assertThat(queueEntry(request).baseOutdated()).isTrue();
    }

    private QueueEntry queueEntry(long methodId) {
        return reviews.findQueue(wang, List.of(finance), false, 0, 100).stream()
                .filter(e -> e.methodId() == methodId).findFirst().orElseThrow();
    }

    @Test
    void quorumHasAGlobalRowAndDepartmentOverrides() {
        assertThat(quorums.findGlobal()).isEmpty();
        assertThat(quorums.updateGlobal(2, T0)).isZero();
        quorums.insert(null, 2, T0);
        assertThat(quorums.updateGlobal(3, T0)).isEqualTo(1);
        quorums.insert(finance, 1, T0);
        assertThat(quorums.findGlobal()).contains(3);
        assertThat(quorums.findForDepartment(finance)).contains(1);
        assertThat(quorums.findForDepartment(agriculture)).isEmpty();
        assertThat(quorums.findAll()).containsExactly(new QuorumRow(null, 3), new QuorumRow(finance, 1));
        assertThat(quorums.updateForDepartment(finance, 2, T0)).isEqualTo(1);
        assertThat(quorums.deleteForDepartment(finance)).isEqualTo(1);
        assertThat(quorums.findForDepartment(finance)).isEmpty();
        assertThatThrownBy(() -> quorums.insert(agriculture, 9, T0)).isInstanceOf(DataIntegrityViolationException.class);
    }

    // ---- helpers

    private long submitted(long department, long branch, String title, Instant at) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, author, MethodStatus.DRAFT, null, at),
                key);
        long id = key.getId();
        long r1 = revision(id, title);
        methods.updateLatestRevision(id, r1, Category.COHESION, at, 0);
        methods.updateSubmitted(id, at, 1);
        return id;
    }

    private long revision(long methodId, String title) {
        var key = new GeneratedKey();
        methods.insertRevision(new NewRevision(methodId, 1, null, title, null, Category.COHESION, "问题", null, null,
                null, null, author, T0, null, MethodStatus.DRAFT), key);
        return key.getId();
    }

    private void insert(long methodId, long revisionId, int round, long reviewer, Decision decision, Instant at) {
        insert(methodId, revisionId, round, reviewer, decision, at, GOOD);
    }

    private void insert(long methodId, long revisionId, int round, long reviewer, Decision decision, Instant at,
                        Scores scores) {
        reviews.insert(new NewReview(methodId, revisionId, round, reviewer, decision, scores, "意见", at), new ReviewKey());
    }
}
