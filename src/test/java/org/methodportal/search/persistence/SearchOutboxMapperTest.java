package org.methodportal.search.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.methodportal.search.OutboxBacklog;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@MapperSlice
class SearchOutboxMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");

    @Autowired
    SearchOutboxMapper outbox;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void manyEntriesGoInInOneStatement() {
        outbox.insertAll(List.of(new OutboxEntry(51, "method.imported"), new OutboxEntry(52, "method.imported")), T0);

        assertThat(outbox.claimDue(T0, 10)).extracting(OutboxRow::methodId, OutboxRow::attempts)
                .containsExactly(tuple(51L, 0), tuple(52L, 0));
    }

    @Test
    void claimsDueEntriesOldestFirst() {
        outbox.insert(11, "method.created", T0);
        outbox.insert(12, "method.revised", T0.plusSeconds(1));
        outbox.insert(13, "method.revised", T0.plusSeconds(60));

        List<OutboxRow> due = outbox.claimDue(T0.plusSeconds(1), 10);

        assertThat(due).extracting(OutboxRow::methodId).containsExactly(11L, 12L);
        assertThat(due).extracting(OutboxRow::attempts).containsOnly(0);
        assertThat(outbox.claimDue(T0.plusSeconds(60), 1)).extracting(OutboxRow::methodId).containsExactly(11L);
    }

    @Test
    void failedEntriesAreDeferredAndCounted() {
        outbox.insert(21, "method.created", T0);
        long id = outbox.claimDue(T0, 1).getFirst().id();

        outbox.markFailed(id, T0.plusSeconds(5), "engine down");

        assertThat(outbox.claimDue(T0.plusSeconds(4), 10)).isEmpty();
        assertThat(outbox.claimDue(T0.plusSeconds(5), 10)).singleElement()
                .isEqualTo(new OutboxRow(id, 21, 1));
        assertThat(outbox.findNextAttemptAt(id)).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void deferredEntriesCanAllBeMadeDueAtOnce() {
        outbox.insert(31, "method.created", T0);
        outbox.insert(32, "method.created", T0);
        outbox.insert(33, "method.created", T0.plusSeconds(2));
        List<OutboxRow> claimed = outbox.claimDue(T0, 10);
        claimed.forEach(row -> outbox.markFailed(row.id(), T0.plusSeconds(600), "index damaged"));

        int replayed = outbox.makeAllDue(T0.plusSeconds(1));

        assertThat(replayed).as("every entry not yet due").isEqualTo(3);
        assertThat(outbox.claimDue(T0.plusSeconds(1), 10)).extracting(OutboxRow::methodId)
                .containsExactlyInAnyOrder(31L, 32L, 33L);
        assertThat(claimed).extracting(OutboxRow::methodId).containsExactlyInAnyOrder(31L, 32L);
    }

    @Test
    void backlogCountsWaitingAndFailedEntriesAndTheOldest() {
        assertThat(outbox.backlog()).isEqualTo(new OutboxBacklog(0, 0, null));
        outbox.insert(51, "method.created", T0.plusSeconds(3));
        outbox.insert(52, "method.created", T0);
        outbox.insert(53, "method.revised", T0.plusSeconds(9));
        long failing = outbox.claimDue(T0, 1).getFirst().id();
        outbox.markFailed(failing, T0.plusSeconds(5), "engine down");

        assertThat(outbox.backlog()).isEqualTo(new OutboxBacklog(3, 1, T0));
    }

    @Test
    void deletesProcessedEntries() {
        outbox.insert(31, "method.created", T0);
        outbox.insert(32, "method.created", T0);
        List<OutboxRow> rows = outbox.claimDue(T0, 10);

        outbox.deleteByIds(List.of(rows.getFirst().id()));

        assertThat(outbox.claimDue(T0, 10)).extracting(OutboxRow::methodId).containsExactly(32L);
        assertThat(outbox.count()).isEqualTo(1);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aSecondWorkerSkipsTheEntriesTheFirstHolds() throws Exception {
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            for (long m = 41; m <= 44; m++) {
                outbox.insert(m, "method.created", T0);
            }
        });
        var claimed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try {
            CompletableFuture<List<OutboxRow>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
                List<OutboxRow> rows = outbox.claimDue(T0, 2);
                claimed.countDown();
                await(release);
                return rows;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            List<OutboxRow> second = tx.execute(s -> outbox.claimDue(T0, 10));
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).extracting(OutboxRow::methodId).containsExactly(41L, 42L);
            assertThat(second).extracting(OutboxRow::methodId).doesNotContain(41L, 42L);
            if (TestDatabase.isPostgres()) {
                // PostgreSQL locks only the rows returned; H2 locks all due rows it reads (mapper XML)
                assertThat(second).extracting(OutboxRow::methodId).containsExactly(43L, 44L);
            }
        } finally {
            release.countDown();
            tx.executeWithoutResult(s -> outbox.deleteByIds(
                    outbox.claimDue(T0, 100).stream().map(OutboxRow::id).toList()));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
