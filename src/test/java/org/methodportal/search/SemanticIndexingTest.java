package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.engine.Embedder;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.Viewer;
import org.methodportal.search.persistence.ReindexMapper;
import org.methodportal.search.persistence.EmbeddingRow;
import org.methodportal.search.persistence.MethodEmbeddingMapper;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.PortalProperties;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embeddings on their way to the index, with the application's database, index and model: the
 * outbox worker computes a method's embedding once and stores it, a reindex and a second indexing
 * of the same text reuse it, a changed text is embedded again, a failing model never keeps the
 * words out of the index, and the backfill computes what is missing with its progress. An indexer
 * and a backfill of their own count what the model is asked through a {@link CountingEmbedder}.
 */
@ServiceTest
class SemanticIndexingTest {

    private static final Viewer ADMIN = new Viewer(0, true, Set.of());

    @Autowired
    SearchIndex index;
    @Autowired
    SearchIndexer sharedIndexer;
    @Autowired
    SearchOutboxMapper outbox;
    @Autowired
    MethodEmbeddingMapper rows;
    @Autowired
    MethodDocumentService documents;
    @Autowired
    MethodService methods;
    @Autowired
    SystemAuthentication system;
    @Autowired
    SearchProperties properties;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ReindexMapper reindexes;
    @Autowired
    PortalProperties portal;
    @Autowired
    Embedder model;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    CountingEmbedder counting;
    MethodEmbeddings embeddings;
    SearchIndexer indexer;

    @BeforeEach
    void ownIndexer() {
        // what other tests left in the outbox goes to the index now, so that only this test's methods are counted
        sharedIndexer.drain();
        counting = new CountingEmbedder(model);
        embeddings = new MethodEmbeddings(rows, outbox, counting, clock);
        indexer = new SearchIndexer(outbox, documents, embeddings, index, system, properties, clock, events, transaction,
                reindexes, portal);
        signInAs(users, securityContexts, "secretary");
    }

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void theWorkerEmbedsAMethodOnceAndAReindexOrASecondIndexingReusesTheStoredVector() {
        String tag = unique();
        long id = methods.createDraft(content("“夜校充电”工作法", "青年干部业务不熟，缺少系统学习的机会", tag), null, null, null).id();

        indexer.drain();

        assertThat(counting.embedded).singleElement().asString().contains("夜校充电").contains("青年干部业务不熟");
        EmbeddingRow row = rows.findByMethodIds(List.of(id)).getFirst();
        assertThat(row.model()).isEqualTo(model.model());
        assertThat(row.textHash()).isEqualTo(MethodEmbeddings.hash(counting.embedded.getFirst()));
        assertThat(row.vector()).hasSize(model.dimensions() * Float.BYTES);
        assertThat(nearest(tag, MethodEmbeddings.floats(row.vector()))).as("indexed with its vector").containsExactly(id);

        outbox.insert(id, "method.revised", clock.instant());
        indexer.drain();
        indexer.rebuild("test");

        assertThat(counting.embedded).as("nothing computed again").hasSize(1);
        assertThat(nearest(tag, MethodEmbeddings.floats(row.vector()))).as("the rebuilt index has it").containsExactly(id);
    }

    @Test
    void aChangedTextIsEmbeddedAgainAndAChangeOutsideItIsNot() {
        String tag = unique();
        var created = methods.createDraft(content("“结对帮带”工作法", "新同志进机关后不熟悉情况", tag), null, null, null);
        indexer.drain();
        String firstHash = rows.findByMethodIds(List.of(created.id())).getFirst().textHash();

        var steps = new MethodContent("“结对帮带”工作法", "摘要", Category.MASS_LINE, "新同志进机关后不熟悉情况", null,
                List.of("对接需求", "每月谈心一次"), List.of("结对"), null, null, List.of(tag), null);
        methods.saveRevision(created.id(), steps, 1, null);
        indexer.drain();
        assertThat(counting.embedded).as("measures and steps are not embedded").hasSize(1);

        methods.saveRevision(created.id(), content("“结对帮带”工作法", "新同志不熟悉业务，老同志一对一带", tag), 2, null);
        indexer.drain();

        assertThat(counting.embedded).hasSize(2);
        assertThat(counting.embedded.getLast()).contains("老同志一对一带");
        EmbeddingRow row = rows.findByMethodIds(List.of(created.id())).getFirst();
        assertThat(row.textHash()).isNotEqualTo(firstHash).isEqualTo(MethodEmbeddings.hash(counting.embedded.getLast()));
        assertThat(nearest(tag, MethodEmbeddings.floats(row.vector()))).containsExactly(created.id());
    }

    @Test
    void aFailingModelLeavesTheWordsIndexedAndTheBackfillComputesTheVectorWithItsProgress() {
        String tag = unique();
        counting.failing = true;
        long id = methods.createDraft(content("“田间课堂”工作法", "农村党员居住分散，集中学习难", tag), null, null, null).id();

        assertThat(indexer.drain()).isPositive();

        assertThat(outbox.count()).as("indexed, not kept for a retry").isZero();
        assertThat(rows.findByMethodIds(List.of(id))).isEmpty();
        assertThat(drafts(tag)).as("found by its words").containsExactly(id);
        assertThat(nearest(tag, model.embed("田间课堂"))).as("no vector yet").isEmpty();

        counting.failing = false;
        var backfill = new EmbeddingBackfill(embeddings, documents, system, properties, clock, new BulkWrites());
        assertThat(backfill.status()).isEqualTo(BackfillStatus.NONE);
        long total = system.callAsSystem(documents::countDocuments);

        long computed = backfill.backfill("admin");

        BackfillStatus status = backfill.status();
        assertThat(status.running()).isFalse();
        assertThat(status.error()).isNull();
        assertThat(status.total()).isEqualTo(total);
        assertThat(status.done()).as("every method examined").isEqualTo(total);
        assertThat(status.computed()).isEqualTo(computed).isEqualTo(counting.embedded.size()).isPositive();
        assertThat(status.startedBy()).isEqualTo("admin");
        assertThat(status.fraction()).isEqualTo(1.0);
        assertThat(rows.findByMethodIds(List.of(id))).hasSize(1);
        assertThat(jdbc.queryForList("SELECT method_id FROM search_outbox WHERE action = ?", Long.class,
                EmbeddingBackfill.ACTION)).as("queued for the index").contains(id);

        indexer.drain();
        assertThat(counting.embedded).as("the worker reuses what the backfill stored").hasSize((int) computed);
        float[] stored = MethodEmbeddings.floats(rows.findByMethodIds(List.of(id)).getFirst().vector());
        assertThat(nearest(tag, stored)).containsExactly(id);

        assertThat(backfill.backfill("admin")).as("nothing left to compute").isZero();
        assertThat(backfill.status().done()).isEqualTo(total);
    }

    @Test
    void aBacklogIsIndexedByItsWordsAtOnceAndTheBackfillGivesItsVectorsLater() throws InterruptedException {
        String tag = unique();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i <= SearchIndexer.EMBED_WHILE_INDEXING; i++) {
            ids.add(methods.createDraft(content("“积压" + i + "”工作法", "新建的工作法一次来了很多", tag), null, null, null)
                    .id());
        }

        indexer.drain();

        assertThat(counting.embedded).as("nothing computed while indexing the backlog").isEmpty();
        assertThat(drafts(tag)).as("found by their words at once").containsExactlyInAnyOrderElementsOf(ids);
        // the application's backfill heard of the deferral and computes them in the background
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (rows.findByMethodIds(ids).size() < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rows.findByMethodIds(ids)).hasSameSizeAs(ids);
        sharedIndexer.drain();
        float[] stored = MethodEmbeddings.floats(rows.findByMethodIds(List.of(ids.getFirst())).getFirst().vector());
        assertThat(nearest(tag, stored)).as("indexed with its vector").contains(ids.getFirst());
    }

    @Test
    void aBackfillComputesOnlyTheMethodsWithoutACurrentVector() {
        String tag = unique();
        long id = methods.createDraft(content("“红色驿站”工作法", "社区党员服务群众缺少固定场所", tag), null, null, null).id();
        indexer.drain();
        assertThat(counting.embedded).hasSize(1);
        // another model's vector is not current
        jdbc.update("UPDATE method_embedding SET model = 'older-model' WHERE method_id = ?", id);

        long computed = new EmbeddingBackfill(embeddings, documents, system, properties, clock, new BulkWrites())
                .backfill("admin");

        assertThat(computed).isEqualTo(1);
        assertThat(counting.embedded).hasSize(2);
        assertThat(rows.findByMethodIds(List.of(id)).getFirst().model()).isEqualTo(model.model());
    }

    @Test
    void withTheLegOffDocumentsPassThroughAndNothingIsStored() {
        var off = new MethodEmbeddings(rows, outbox, (Embedder) null, clock);
        var document = IndexDocument.of(system.callAsSystem(() -> documents.documentsAfter(0, 1)).getFirst());

        assertThat(off.enabled()).isFalse();
        assertThat(off.withCurrent(List.of(document))).containsExactly(document);
        assertThat(off.withStored(List.of(document))).containsExactly(document);
        assertThat(off.lacking(List.of(document))).isEmpty();
        assertThat(new EmbeddingBackfill(off, documents, system, properties, clock, new BulkWrites()).status())
                .isEqualTo(BackfillStatus.OFF);
    }

    private List<Long> nearest(String tag, float[] vector) {
        var filters = new IndexQuery(List.of(), List.of(), null, Set.of(MethodStatus.DRAFT.name()), null, null, tag,
                null, ADMIN, false, 0, 10);
        return index.nearest(filters, vector, 5, -1f).stream().map(h -> h.id()).toList();
    }

    private List<Long> drafts(String tag) {
        var request = new SearchRequest(tag, null, null, MethodStatus.DRAFT, null, null, SearchSort.RELEVANCE, 0, 50);
        return index.search(QueryPlanner.plan(request, ADMIN, List.of())).hits().stream().map(SearchHit::id).toList();
    }

    private static MethodContent content(String title, String problem, String tag) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, problem, null, List.of("对接需求"), List.of(), null,
                null, List.of(tag), null);
    }

    /** A tag no other test uses; digits keep it from reading as pinyin. */
    private static String unique() {
        return "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
    }
}
