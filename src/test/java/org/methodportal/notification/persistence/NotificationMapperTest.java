package org.methodportal.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.notification.Notification;
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

    long li;
    long wang;
    long zhao;

    @BeforeEach
    void accounts() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        long branch = org.branch(org.department("nt-finance"), "预算司党支部");
        li = org.account("nt-li", "李书记", branch);
        wang = org.account("nt-wang", "王审核", branch);
        zhao = org.account("nt-zhao", "赵评审", branch);
    }

    @Test
    void eachRecipientGetsAnItemNewestFirstAndMarksOnlyTheirOwnRead() {
        notifications.insert(List.of(wang, zhao), "proposal.submitted", null, "五对接", li, T0);
        notifications.insert(List.of(wang), "proposal.submitted", null, "三会一课", li, T0.plusSeconds(5));

        List<Notification> inbox = notifications.findPage(wang, false, 0, 10);
        assertThat(inbox).extracting(Notification::title).containsExactly("三会一课", "五对接");
        assertThat(inbox.getFirst().actorName()).isEqualTo("李书记");
        assertThat(inbox.getFirst().kind()).isEqualTo("proposal.submitted");
        assertThat(inbox.getFirst().unread()).isTrue();
        assertThat(notifications.count(wang, true)).isEqualTo(2);
        assertThat(notifications.count(zhao, true)).isEqualTo(1);

        long first = inbox.getFirst().id();
        assertThat(notifications.markRead(first, zhao, T0)).as("not zhao's").isZero();
        assertThat(notifications.markRead(first, wang, T0.plusSeconds(9))).isEqualTo(1);
        assertThat(notifications.markRead(first, wang, T0.plusSeconds(99))).as("idempotent").isEqualTo(1);
        assertThat(notifications.findPage(wang, false, 0, 10).getFirst().readAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(notifications.findPage(wang, true, 0, 10)).extracting(Notification::title).containsExactly("五对接");
        assertThat(notifications.markAllRead(wang, T0)).isEqualTo(1);
        assertThat(notifications.count(wang, true)).isZero();
        assertThat(notifications.count(zhao, true)).isEqualTo(1);
        assertThat(notifications.findPage(wang, false, 1, 1)).extracting(Notification::title).containsExactly("五对接");
    }
}
