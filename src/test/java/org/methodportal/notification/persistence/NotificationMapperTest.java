package org.methodportal.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.methodportal.notification.InboxItem;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class NotificationMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    NotificationMapper notifications;
    @Autowired
    MethodMapper methods;

    long li;
    long wang;
    long zhao;
    long branch;
    long department;

    @BeforeEach
    void accounts() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        department = org.department("nt-finance");
        branch = org.branch(department, "预算司党支部");
        li = org.account("nt-li", "李书记", branch);
        wang = org.account("nt-wang", "王审核", branch);
        zhao = org.account("nt-zhao", "赵评审", branch);
    }

    @Test
    void eachRecipientGetsAnItemNewestFirstAndMarksOnlyTheirOwnRead() {
        notifications.insert(List.of(wang, zhao), "proposal.submitted", null, "五对接", li, T0, null);
        notifications.insert(List.of(wang), "proposal.submitted", null, "三会一课", li, T0.plusSeconds(5), null);

        List<InboxItem> inbox = notifications.findPage(wang, false, 0, 10);
        assertThat(inbox).extracting(InboxItem::title).containsExactly("三会一课", "五对接");
        assertThat(inbox.getFirst().actorName()).isEqualTo("李书记");
        assertThat(inbox.getFirst().kind()).isEqualTo("proposal.submitted");
        assertThat(inbox.getFirst().unread()).isTrue();
        assertThat(inbox.getFirst().link()).as("about no method").isNull();
        assertThat(notifications.count(wang, true)).isEqualTo(2);
        assertThat(notifications.count(zhao, true)).isEqualTo(1);

        long first = inbox.getFirst().id();
        assertThat(notifications.markRead(first, zhao, T0)).as("not zhao's").isZero();
        assertThat(notifications.markRead(first, wang, T0.plusSeconds(9))).isEqualTo(1);
        assertThat(notifications.markRead(first, wang, T0.plusSeconds(99))).as("idempotent").isEqualTo(1);
        assertThat(notifications.findPage(wang, false, 0, 10).getFirst().readAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(notifications.findPage(wang, true, 0, 10)).extracting(InboxItem::title).containsExactly("五对接");
        assertThat(notifications.markAllRead(wang, T0)).isEqualTo(1);
        assertThat(notifications.count(wang, true)).isZero();
        assertThat(notifications.count(zhao, true)).isEqualTo(1);
        assertThat(notifications.findPage(wang, false, 1, 1)).extracting(InboxItem::title).containsExactly("五对接");
    }

    @Test
    void foldingCountsEventsAndDistinctActorsAndMovesTheItemToTheNewestTime() {
        long method = method();
        long other = method();
        notifications.insert(List.of(wang, zhao), "comment.posted", method, "五对接", li, T0, "comment-1");
        notifications.insert(List.of(wang), "comment.posted", other, "三会一课", li, T0.plusSeconds(1), "comment-2");
        notifications.insert(List.of(wang), "comment.mentioned", method, "五对接", li, T0.plusSeconds(2), "comment-3");
        assertThat(notifications.markRead(notifications.findPage(zhao, false, 0, 1).getFirst().id(), zhao, T0))
                .isEqualTo(1);

        List<UnreadItem> unread = notifications.findUnreadToFold(List.of(wang, zhao), "comment.posted", method);
        assertThat(unread).as("zhao's is read, other kinds and methods do not fold")
                .singleElement().extracting(UnreadItem::recipientId).isEqualTo(wang);
        List<Long> ids = unread.stream().map(UnreadItem::id).toList();
        fold(ids, zhao, T0.plusSeconds(10), "comment-4");
        fold(ids, li, T0.plusSeconds(20), "comment-5");
        fold(ids, zhao, T0.plusSeconds(30), "comment-6");

        InboxItem folded = notifications.findPage(wang, false, 0, 10).getFirst();
        assertThat(folded.id()).isEqualTo(ids.getFirst());
        assertThat(folded.eventCount()).isEqualTo(4);
        assertThat(folded.actorCount()).as("李 and 赵").isEqualTo(2);
        assertThat(folded.actorName()).isEqualTo("赵评审");
        assertThat(folded.title()).isEqualTo("五对接（新）");
        assertThat(folded.createdAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(folded.anchor()).as("points at the newest comment").isEqualTo("comment-6");
        assertThat(folded.link()).isEqualTo("methods/" + method + "?focus=comment-6");
        assertThat(notifications.count(wang, true)).isEqualTo(3);
        InboxItem single = notifications.findPage(wang, false, 2, 1).getFirst();
        assertThat(single.eventCount()).isEqualTo(1);
        assertThat(single.actorCount()).isEqualTo(1);
    }

    private void fold(List<Long> ids, long actor, Instant at, String anchor) {
        notifications.insertLatestActors(ids);
        notifications.insertActor(ids, actor);
        assertThat(notifications.fold(ids, actor, "五对接（新）", at, anchor)).isEqualTo(ids.size());
    }

    private long method() {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, li, MethodStatus.DRAFT, null, T0),
                key);
        return key.getId();
    }
}
