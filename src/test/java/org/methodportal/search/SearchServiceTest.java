package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.mockito.ArgumentMatchers.any;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.search.elasticsearch.TestNode;
import org.methodportal.search.engine.HeldRebuild;
import org.methodportal.search.lucene.DamagedIndexes;
import org.methodportal.search.lucene.LuceneSearchIndex;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.persistence.ReindexMapper;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.PortalProperties;
import org.methodportal.shared.AuditableEvent;
import org.methodportal.shared.MethodEvent;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.ServiceTest;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.health.contributor.Status;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search through the service, with the whole application: methods created through the method
 * service reach the index through the outbox; visibility per role; the worker retries after the
 * engine failed; reindex from the database.
 */
@ServiceTest
class SearchServiceTest {

    @Autowired
    SearchService search;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    MethodService methods;
    @Autowired
    SearchOutboxMapper outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ReindexMapper reindexes;
    @Autowired
    PortalProperties portal;
    @Autowired
    SearchHealthIndicator healthIndicator;
    @Autowired
    SearchProperties properties;
    @Autowired
    MethodDocumentService documents;
    @Autowired
    SystemAuthentication system;
    @Autowired
    SearchGlossary glossary;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    MethodEmbeddings embeddings;
    @Autowired
    QueryEmbeddings queryEmbeddings;
    @Autowired
    EmbeddingBackfill backfill;
    @MockitoSpyBean
    SearchIndex index;

    @AfterEach
    void cleanUp() {
        reset(index);
        securityContexts.clearContext();
    }

    @Test
    void aNewDraftReachesTheIndexThroughTheOutboxAndOnlyThoseAllowedFindIt() {
        String word = unique();
        signInAs(users, securityContexts, "secretary2");
        long id = methods.createDraft(content("“田埂夜校”工作法", word), null, null, null).id();
        SearchRequest drafts = drafts(word);
        assertThat(search.search(drafts).total()).as("not indexed before the outbox is drained").isZero();

        assertThat(indexer.drain()).isPositive();

        assertThat(ids(search.search(drafts))).as("owner").containsExactly(id);
        assertThat(search.search(SearchRequest.of(word)).total()).as("drafts only when asked for").isZero();
        assertThat(foundBy("reviewer", drafts)).as("reviewer of 农业部").containsExactly(id);
        assertThat(foundBy("admin", drafts)).containsExactly(id);
        assertThat(foundBy("reviewer2", drafts)).as("reviewer outside the department").isEmpty();
        assertThat(foundBy("member", drafts)).isEmpty();
        signInAs(users, securityContexts, "member");
        assertThat(search.search(SearchRequest.of(word)).facets().get("status")).as("nothing counted either").isEmpty();
    }

    @Test
    void aNewRevisionReplacesTheIndexedOne() {
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        var created = methods.createDraft(content("“旧名称”工作法", word), null, null, null);
        methods.saveRevision(created.id(), content("“新名称”工作法", word), 1, null);
        indexer.drain();

        List<SearchHit> hits = search.search(drafts(word)).hits();
        assertThat(hits).singleElement().extracting(SearchHit::title).isEqualTo("“新名称”工作法");
    }

    @Test
    void theWorkerRetriesWithBackoffAfterTheEngineFailedAndLosesNothing() {
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content("“重试”工作法", word), null, null, null).id();
        doThrow(new UncheckedIOException(new IOException("disk unavailable"))).when(index).apply(any(), any());

        assertThat(indexer.drainBatch()).isPositive();
        assertThat(outbox.count()).as("kept for a retry").isPositive();
        assertThat(indexer.drainBatch()).as("deferred by the backoff").isZero();
        reset(index);
        clock.advance(Duration.ofSeconds(5));
        indexer.drain();

        assertThat(outbox.count()).isZero();
        assertThat(ids(search.search(drafts(word)))).containsExactly(id);
    }

    @Test
    void everyEventAboutAMethodIsQueuedByItsIdAndOtherAuditedEventsAreNot() {
        signInAs(users, securityContexts, "admin");
        jdbc.update("DELETE FROM search_outbox");
        record MethodArchivedForTest(long methodId) implements MethodEvent {
            public String action() {
                return "method.archived";
            }
        }
        record NamingAMethodForTest(String objectId) implements AuditableEvent {
            public String action() {
                return "method.archived";
            }

            public String objectType() {
                return "method";
            }
        }

        events.publishEvent(new MethodArchivedForTest(4242));
        events.publishEvent(new NamingAMethodForTest("4343"));

        assertThat(jdbc.queryForList("SELECT method_id FROM search_outbox", Long.class)).containsExactly(4242L);
        indexer.drain();
        assertThat(outbox.count()).as("a method that does not exist is removed from the index").isZero();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(indexer.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(indexer.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(indexer.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(indexer.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aFailingEngineAnswersSearchUnavailable() {
        signInAs(users, securityContexts, "member");
        doThrow(new IllegalStateException("engine down")).when(index).search(any());

        assertThatThrownBy(() -> search.search(SearchRequest.of("对接")))
                .isInstanceOf(SearchUnavailableException.class)
                .extracting(e -> ((PortalException) e).code()).isEqualTo("search.unavailable");
    }

    @Test
    void reindexRebuildsFromTheDatabaseIncludingChangesMadeOutsideTheOutbox() {
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content("“新建索引”工作法", word), null, null, null).id();
        // published behind the outbox's back, as a repair by hand would: only a reindex notices
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        jdbc.update("DELETE FROM search_outbox");
        signInAs(users, securityContexts, "member");
        assertThat(search.search(SearchRequest.of(word)).total()).isZero();
        assertThatThrownBy(() -> search.reindex()).isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "admin");
        assertThat(search.reindex()).isPositive();
        assertThat(search.reindexStatus()).extracting(ReindexStatus::running, ReindexStatus::startedBy)
                .containsExactly(false, "admin");

        signInAs(users, securityContexts, "member");
        assertThat(ids(search.search(SearchRequest.of(word)))).containsExactly(id);
        assertThat(search.suggest("新建", 5)).extracting(Suggestion::methodId).contains(id);
        assertThat(search.suggest("xinjian", 5)).extracting(Suggestion::methodId).contains(id);
    }

    @Test
    void whileTheEngineIsDownThePortalKeepsWorkingAndTheWorkerCatchesUpWithEveryChangeOnceItIsBack()
            throws Exception {
        awaitUntil(() -> !indexer.isRebuilding(), "the start-up reindex ended");
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        indexer.drain();
        var down = new AtomicBoolean(true);
        doAnswer(call -> {
            if (down.get()) {
                throw new UncheckedIOException(new IOException("connection refused"));
            }
            return call.callRealMethod();
        }).when(index).apply(any(), any());
        doAnswer(call -> {
            if (down.get()) {
                throw new UncheckedIOException(new IOException("connection refused"));
            }
            return call.callRealMethod();
        }).when(index).search(any());
        var worker = new OutboxWorker(indexer, workerEvery(Duration.ofMillis(20)), new BulkWrites());
        worker.start();
        try {
            long renamed = methods.createDraft(content("“停机前”工作法", word), null, null, null).id();
            long second = methods.createDraft(content("“停机中”工作法", word), null, null, null).id();
            methods.saveRevision(renamed, content("“停机后改名”工作法", word), 1, null);
            assertThat(methods.get(renamed).revision().content().title()).as("writing works with the engine down")
                    .isEqualTo("“停机后改名”工作法");
            awaitUntil(() -> failedEntries() >= 3, "the worker tried and kept the entries");
            assertThatThrownBy(() -> search.search(drafts(word))).isInstanceOf(SearchUnavailableException.class);

            clock.advance(Duration.ofSeconds(5));
            awaitUntil(() -> jdbc.queryForObject("SELECT MIN(attempts) FROM search_outbox", Integer.class) >= 2,
                    "retried once due, not dropped");

            down.set(false);
            clock.advance(Duration.ofMinutes(11));
            awaitUntil(() -> outbox.count() == 0, "caught up");

            SearchResult found = search.search(drafts(word));
            assertThat(found.total()).as("each method once").isEqualTo(2);
            assertThat(found.hits()).extracting(SearchHit::id, SearchHit::title).containsExactlyInAnyOrder(
                    tuple(renamed, "“停机后改名”工作法"), tuple(second, "“停机中”工作法"));
        } finally {
            worker.stop();
        }
    }

    @Test
    void aReindexKeepsServingTheOldIndexAndKeepsChangesMadeWhileItRuns() throws Exception {
        awaitUntil(() -> !indexer.isRebuilding(), "the start-up reindex ended");
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        long before = methods.createDraft(content("“重建前”工作法", word), null, null, null).id();
        indexer.drain();
        long during;
        var firstPageTaken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HeldRebuild.hold(index, firstPageTaken, release);
        try {
            signInAs(users, securityContexts, "admin");
            ReindexStatus started = search.startReindex();
            assertThat(started.running()).isTrue();
            assertThat(firstPageTaken.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> search.startReindex()).as("one at a time").isInstanceOf(PortalException.class)
                    .extracting(e -> ((PortalException) e).code()).isEqualTo("search.reindex-running");
            ReindexStatus running = search.reindexStatus();
            assertThat(running.running()).isTrue();
            assertThat(running.total()).isEqualTo(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM method WHERE change_of_method_id IS NULL", Long.class));
            signInAs(users, securityContexts, "secretary");
            assertThat(ids(search.search(drafts(word)))).as("the old index serves").containsExactly(before);
            during = methods.createDraft(content("“重建中”工作法", word), null, null, null).id();
            methods.saveRevision(before, content("“重建中改名”工作法", word), 1, null);
            indexer.drain();
            assertThat(ids(search.search(drafts(word)))).containsExactlyInAnyOrder(before, during);
        } finally {
            release.countDown();
        }
        awaitUntil(() -> !indexer.isRebuilding(), "the reindex ended");

        signInAs(users, securityContexts, "admin");
        ReindexStatus finished = search.reindexStatus();
        assertThat(finished.error()).isNull();
        assertThat(finished.done()).isEqualTo(finished.total()).isPositive();
        assertThat(finished.startedBy()).isEqualTo("admin");
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(search.overview().documents()).isEqualTo(finished.total() + 1);
        assertThat(jdbc.queryForList("SELECT method_id FROM search_outbox WHERE action = 'search.reindex-catch-up'",
                Long.class)).as("changed meanwhile: queued again for other instances' sake").contains(before, during);
        indexer.drain();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE action LIKE 'search.reindex%' "
                + "AND actor = 'admin'", String.class)).contains("search.reindex-started", "search.reindex-completed");
        signInAs(users, securityContexts, "secretary");
        SearchResult found = search.search(drafts(word));
        assertThat(found.hits()).extracting(SearchHit::id, SearchHit::title).as("changes made meanwhile kept, once")
                .containsExactlyInAnyOrder(tuple(before, "“重建中改名”工作法"), tuple(during, "“重建中”工作法"));
    }

    @Test
    void anIndexDirectoryDeletedWhileRunningIsRebuiltAndEveryChangeReachesIt() throws Exception {
        awaitUntil(() -> !indexer.isRebuilding(), "the start-up reindex ended");
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        long before = methods.createDraft(content("“删除前”工作法", word), null, null, null).id();
        indexer.drain();
        long indexed = index.count();
        Path root = ((LuceneSearchIndex) index).servingDirectory().getParent();
        var firstPageTaken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HeldRebuild.hold(index, firstPageTaken, release);
        long unnoticed;
        long during;
        try {
            DamagedIndexes.deleteTree(root);
            unnoticed = methods.createDraft(content("“删除后”工作法", word), null, null, null).id();

            indexer.drainBatch();

            assertThat(indexer.health().status()).as("the failed write noticed it").isEqualTo(IndexHealth.Status.REBUILDING);
            assertThat(indexer.health().cause()).isEqualTo(IndexHealth.Cause.DAMAGED);
            assertThat(firstPageTaken.await(30, TimeUnit.SECONDS)).as("rebuilt from the database").isTrue();
            assertThatThrownBy(() -> search.search(drafts(word))).as("never the stale or the empty index")
                    .isInstanceOf(SearchRebuildingException.class)
                    .extracting(e -> ((PortalException) e).code()).isEqualTo("search.rebuilding");
            assertThatThrownBy(() -> search.suggest("删除", 5)).isInstanceOf(SearchRebuildingException.class);
            assertThat(healthIndicator.health().getStatus()).isEqualTo(SearchHealthIndicator.REBUILDING);
            during = methods.createDraft(content("“重建期间”工作法", word), null, null, null).id();
            indexer.drain();
            assertThat(outbox.count()).as("the entry that failed waits for its retry").isPositive();
        } finally {
            release.countDown();
        }
        awaitUntil(() -> indexer.health().serving(), "the rebuild completed");

        assertThat(healthIndicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_outbox WHERE next_attempt_at > ?", Long.class,
                java.sql.Timestamp.from(clock.instant()))).as("deferred entries replayed at once").isZero();
        indexer.drain();
        assertThat(outbox.count()).isZero();
        assertThat(ids(search.search(drafts(word)))).containsExactlyInAnyOrder(before, unnoticed, during);
        assertThat(index.count()).isEqualTo(indexed + 2);
        signInAs(users, securityContexts, "admin");
        assertThat(search.overview().health().cause()).isEqualTo(IndexHealth.Cause.DAMAGED);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE action = 'search.index-set-aside'",
                String.class)).isNotEmpty();
    }

    @Test
    void thePeriodicCheckNoticesAVanishedIndexWithoutAnyWriteOrSearch() throws Exception {
        awaitUntil(() -> !indexer.isRebuilding(), "the start-up reindex ended");
        signInAs(users, securityContexts, "member");
        long visible = search.search(SearchRequest.of("")).total();
        IndexHealth before = indexer.health();
        var worker = new OutboxWorker(indexer, workerEvery(Duration.ofMillis(20)), new BulkWrites());
        worker.start();
        try {
            DamagedIndexes.deleteTree(((LuceneSearchIndex) index).servingDirectory());

            awaitUntil(() -> indexer.health() != before && indexer.health().cause() == IndexHealth.Cause.DAMAGED,
                    "the worker's check noticed it");
            awaitUntil(() -> indexer.health().serving(), "the rebuild completed");
        } finally {
            worker.stop();
        }
        assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(visible).isPositive();
    }

    @Test
    void afterARestartWithoutAnIndexSearchesAnswerRebuildingNotNothingUntilTheRebuildIsComplete() throws Exception {
        awaitUntil(() -> !indexer.isRebuilding(), "the start-up reindex ended");
        signInAs(users, securityContexts, "member");
        long visible = search.search(SearchRequest.of("")).total();
        index.setAside();
        var firstPageTaken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HeldRebuild.hold(index, firstPageTaken, release);
        // what a restart builds: an indexer and a service over an index that opened empty
        var restarted = new SearchIndexer(outbox, documents, embeddings, index, system, properties, clock, events, transaction,
                reindexes, portal);
        var service = new SearchService(index, restarted, glossary, methods, currentUser, events, clock,
                queryEmbeddings, backfill);
        try {
            assertThat(restarted.health().cause()).isEqualTo(IndexHealth.Cause.EMPTY_AT_START);
            assertThatThrownBy(() -> service.search(SearchRequest.of(""))).as("before the rebuild even started")
                    .isInstanceOf(SearchRebuildingException.class);

            restarted.rebuildOnStartup();
            assertThat(firstPageTaken.await(30, TimeUnit.SECONDS)).isTrue();

            var rebuilding = catchRebuilding(() -> service.search(SearchRequest.of("")));
            assertThat(rebuilding.total()).isEqualTo(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM method WHERE change_of_method_id IS NULL", Long.class));
            assertThat(rebuilding.retryAfter()).isBetween(SearchService.MIN_RETRY, SearchService.MAX_RETRY);
        } finally {
            release.countDown();
        }
        awaitUntil(() -> restarted.health().serving(), "the rebuild completed");
        assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(visible).isPositive();
    }

    @Test
    void anElasticsearchIndexDeletedBehindThePortalsBackIsRecreatedAndRefilledFromTheDatabase() throws Exception {
        awaitUntil(() -> !indexer.isRebuilding(), "the start-up reindex ended");
        signInAs(users, securityContexts, "member");
        long visible = search.search(SearchRequest.of("")).total();
        String alias = "heal-" + UUID.randomUUID().toString().substring(0, 8);
        SearchIndex cluster = Mockito.spy(TestNode.searchIndex(alias));
        try {
            var esIndexer = new SearchIndexer(outbox, documents, embeddings, cluster, system, properties, clock, events, transaction,
                reindexes, portal);
            var esSearch = new SearchService(cluster, esIndexer, glossary, methods, currentUser, events, clock,
                    queryEmbeddings, backfill);
            assertThat(esIndexer.health().cause()).as("a new cluster").isEqualTo(IndexHealth.Cause.EMPTY_AT_START);
            esIndexer.rebuildOnStartup();
            awaitUntil(() -> esIndexer.health().serving(), "filled");
            assertThat(esSearch.search(SearchRequest.of("")).total()).isEqualTo(visible).isPositive();
            var taken = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            HeldRebuild.hold(cluster, taken, release);

            TestNode.dropIndexes(alias);

            try {
                assertThatThrownBy(() -> esSearch.search(SearchRequest.of(""))).as("noticed by the search")
                        .isInstanceOf(SearchRebuildingException.class);
                assertThat(esIndexer.health().cause()).isEqualTo(IndexHealth.Cause.DAMAGED);
                assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
                assertThatThrownBy(() -> esSearch.search(SearchRequest.of(""))).as("until refilled")
                        .isInstanceOf(SearchRebuildingException.class);
            } finally {
                release.countDown();
            }
            awaitUntil(() -> esIndexer.health().serving(), "refilled");
            cluster.check();
            assertThat(esSearch.search(SearchRequest.of("")).total()).isEqualTo(visible);
        } finally {
            cluster.close();
            TestNode.dropIndexes(alias);
        }
    }

    private static SearchRebuildingException catchRebuilding(Runnable call) {
        try {
            call.run();
        } catch (SearchRebuildingException e) {
            return e;
        }
        throw new AssertionError("expected the search to answer rebuilding");
    }

    @Test
    void theOverviewShowsTheEngineTheCountAndTheBacklog() {
        signInAs(users, securityContexts, "secretary");
        methods.createDraft(content("“积压”工作法", unique()), null, null, null);
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> search.overview()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> search.reindexStatus()).isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "admin");
        IndexOverview overview = search.overview();

        assertThat(overview.engine()).startsWith("Lucene");
        assertThat(overview.backlog().pending()).isPositive();
        assertThat(overview.backlog().oldest()).isNotNull();
        doThrow(new IllegalStateException("engine down")).when(index).count();
        assertThat(search.overview().documents()).as("unreachable, the page still opens").isNull();
    }

    @Test
    void suggestsGlossaryTermsByVariantAndPinyin() {
        signInAs(users, securityContexts, "member");

        assertThat(search.suggest("过预", 5)).contains(new Suggestion("预算评审", Suggestion.Kind.TERM, null));
        assertThat(search.suggest("liudiao", 5)).contains(new Suggestion("流行病学调查", Suggestion.Kind.TERM, null));
        assertThat(search.suggest("  ", 5)).isEmpty();
    }

    @Test
    void similarMethodsOfAnInvisibleDraftAreNotFound() {
        signInAs(users, securityContexts, "secretary2");
        long id = methods.createDraft(content("“看不见”工作法", unique()), null, null, null).id();
        indexer.drain();
        signInAs(users, securityContexts, "member");

        assertThatThrownBy(() -> search.similar(id, 5)).isInstanceOf(PortalException.class)
                .extracting(e -> ((PortalException) e).code()).isEqualTo("method.not-found");
    }

    @Test
    void aDraftLikeAPublishedMethodFindsItUnlessItIsExcluded() {
        indexer.drain();
        signInAs(users, securityContexts, "secretary");
        String title = "“五对接”工作法";
        String problem = "支部活动和预算业务两张皮，党建活动脱离处室手头的工作";

        List<SearchHit> similar = search.similarToText(title, problem, Set.of(), 5);

        assertThat(similar).extracting(SearchHit::title).first().isEqualTo(title);
        long found = similar.getFirst().id();
        assertThat(search.similarToText(title, problem, Set.of(found), 5)).extracting(SearchHit::id)
                .doesNotContain(found);
        assertThat(search.similarToText(" ", "", Set.of(), 5)).isEmpty();
    }

    @Test
    void whileABulkImportRunsTheWorkerDrainsABatchEveryFewSecondsAndCatchesUpAfterwards() throws Exception {
        signInAs(users, securityContexts, "secretary");
        indexer.drain();
        long id = methods.createDraft(content("“批量期间”工作法", "批量期间"), null, null, null).id();
        for (int i = 0; i < 250; i++) {
            outbox.insert(id, "method.imported", clock.instant());
        }
        var bulkWrites = new BulkWrites();
        var bulk = bulkWrites.begin();
        var worker = new OutboxWorker(indexer, workerEvery(Duration.ofMillis(20)), bulkWrites);
        worker.start();
        try {
            awaitUntil(() -> outbox.count() <= 151, "one batch of 100 indexed");
            Thread.sleep(1_000);
            assertThat(outbox.count()).as("then a pause while the import runs").isBetween(150L, 151L);

            bulk.close();

            awaitUntil(() -> outbox.count() == 0, "caught up after the import");
        } finally {
            worker.stop();
        }
    }

    private SearchProperties workerEvery(Duration poll) {
        var outboxSettings = new SearchProperties.Outbox(true, 100, poll, Duration.ofSeconds(5), Duration.ofMinutes(10),
                poll);
        return new SearchProperties(false, SearchProperties.ReindexOnStartup.NEVER, 2, null, outboxSettings,
                new SearchProperties.Elasticsearch(List.of(), null, null, null, "method-portal"),
                new SearchProperties.Semantic(true, 2), SearchIndex.FACET_SAMPLE);
    }

    private long failedEntries() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM search_outbox WHERE attempts > 0", Long.class);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<Long> foundBy(String login, SearchRequest request) {
        signInAs(users, securityContexts, login);
        return ids(search.search(request));
    }

    private static SearchRequest drafts(String word) {
        return new SearchRequest(word, null, null, MethodStatus.DRAFT, null, null, SearchSort.RELEVANCE, 0, 10);
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    /** A token no other test uses; digits keep it from reading as pinyin. */
    private static String unique() {
        return "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
    }

    private static MethodContent content(String title, String tag) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", null,
                List.of("对接需求"), List.of(), null, null, List.of(tag), null);
    }
}
