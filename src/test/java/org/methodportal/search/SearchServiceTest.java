package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.AuditableEvent;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

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
    void everyEventAboutAMethodIsQueuedAndNoneFailsThePublisher() {
        signInAs(users, securityContexts, "admin");
        jdbc.update("DELETE FROM search_outbox");
        record MethodArchivedForTest(String objectId) implements AuditableEvent {
            public String action() {
                return "method.archived";
            }

            public String objectType() {
                return "method";
            }
        }

        events.publishEvent(new MethodArchivedForTest("4242"));
        events.publishEvent(new MethodArchivedForTest("m042"));

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

        signInAs(users, securityContexts, "member");
        assertThat(ids(search.search(SearchRequest.of(word)))).containsExactly(id);
        assertThat(search.suggest("新建", 5)).extracting(Suggestion::methodId).contains(id);
        assertThat(search.suggest("xinjian", 5)).extracting(Suggestion::methodId).contains(id);
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
