package org.methodportal.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditEntry;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class AuditEventMapperTest {

    private static final Instant T1 = Instant.parse("2026-06-01T00:00:00.000001Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);
    private static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    @Autowired
    AuditEventMapper auditEvents;

    @Test
    void insertedEventIsReadBackAsRecord() {
        auditEvents.insert(T1, "admin", "department.created", "department", "7", "财政部", "127.0.0.1");
        auditEvents.insert(T2, null, "login.failed", null, null, null, null);

        List<AuditEntry> entries = auditEvents.findPage(ALL, true, 0, 10);

        assertThat(entries).hasSize(2);
        AuditEntry first = entries.getFirst();
        assertThat(first.id()).isPositive();
        assertThat(first).isEqualTo(new AuditEntry(first.id(), T1, "admin", "department.created", "department", "7",
                "财政部", "127.0.0.1"));
        AuditEntry second = entries.get(1);
        assertThat(second).isEqualTo(new AuditEntry(second.id(), T2, null, "login.failed", null, null, null, null));
    }

    @Test
    void manyRowsGoInInOneStatementInTheirOrder() {
        auditEvents.insertAll(List.of(new NewAuditRow(T1, "admin", "method.created", "method", "41", "r1 甲", "10.0.0.1"),
                new NewAuditRow(T1, "admin", "method.imported", "method", "41", "x-1 PUBLISHED", null),
                new NewAuditRow(T1, null, "method.created", "method", "42", null, null)));

        List<AuditEntry> entries = auditEvents.findPage(ALL, true, 0, 10);

        assertThat(entries).extracting(AuditEntry::action, AuditEntry::objectId, AuditEntry::detail).containsExactly(
                tuple("method.created", "41", "r1 甲"), tuple("method.imported", "41", "x-1 PUBLISHED"),
                tuple("method.created", "42", null));
        assertThat(entries.getFirst()).isEqualTo(new AuditEntry(entries.getFirst().id(), T1, "admin", "method.created",
                "method", "41", "r1 甲", "10.0.0.1"));
    }

    @Test
    void listsNewestFirstAndSameInstantByInsertionOrder() {
        insert(T2, "admin", "b");
        insert(T1, "admin", "a");
        insert(T3, "admin", "c");
        insert(T3, "admin", "d");

        assertThat(objectIds(auditEvents.findPage(ALL, false, 0, 10))).containsExactly("d", "c", "b", "a");
        assertThat(objectIds(auditEvents.findPage(ALL, true, 0, 10))).containsExactly("a", "b", "c", "d");
        assertThat(objectIds(auditEvents.findPage(ALL, false, 1, 2))).containsExactly("c", "b");
        assertThat(auditEvents.count(ALL)).isEqualTo(4);
    }

    @Test
    void filtersByActorWithWildcardsEscaped() {
        auditEvents.insert(T1, "wang_wu", "login.failed", "account", "1", null, null);
        auditEvents.insert(T1, "wangxwu", "login.failed", "account", "2", null, null);

        assertThat(objectIds(query(new AuditQuery(LikePattern.contains("g_w"), null, null, null, null))))
                .containsExactly("1");
        assertThat(auditEvents.count(new AuditQuery(LikePattern.contains("wang"), null, null, null, null)))
                .isEqualTo(2);
    }

    @Test
    void filtersByActionPrefixAndObject() {
        auditEvents.insert(T1, "admin", "account.created", "account", "zhangsan", null, null);
        auditEvents.insert(T2, "admin", "account.updated", "account", "zhangsan", null, null);
        auditEvents.insert(T3, "zhangsan", "login.succeeded", "account", "zhangsan", null, null);
        auditEvents.insert(T3, "admin", "account.created", "account", "lisi", null, null);

        assertThat(auditEvents.count(new AuditQuery(null, "account.%", null, null, null))).isEqualTo(3);
        assertThat(auditEvents.count(new AuditQuery(null, "account.%", "zhangsan", null, null))).isEqualTo(2);
        assertThat(auditEvents.count(new AuditQuery(null, "login.%", null, null, null))).isEqualTo(1);
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        insert(T1, "admin", "a");
        insert(T2, "admin", "b");
        insert(T3, "admin", "c");

        assertThat(objectIds(query(new AuditQuery(null, null, null, T2, T3)))).containsExactly("b");
        assertThat(objectIds(query(new AuditQuery(null, null, null, T2, null)))).containsExactly("c", "b");
        assertThat(objectIds(query(new AuditQuery(null, null, null, null, T2)))).containsExactly("a");
    }

    private void insert(Instant at, String actor, String objectId) {
        auditEvents.insert(at, actor, "test.event", "test", objectId, null, null);
    }

    private List<AuditEntry> query(AuditQuery q) {
        return auditEvents.findPage(q, false, 0, 10);
    }

    private static List<String> objectIds(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::objectId).toList();
    }
}
