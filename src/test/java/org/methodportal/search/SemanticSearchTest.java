package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.MethodService;
import org.methodportal.search.engine.Embedder;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.ServiceTest;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A search's text reaches the index with its embedding (computed once for a text searched again),
 * and a failing model leaves the search its words: an answer, never an error. A service of its own
 * over the application's index counts what the model is asked.
 */
@ServiceTest
class SemanticSearchTest {

    @Autowired
    SearchIndex sharedIndex;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchGlossary glossary;
    @Autowired
    MethodService methods;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MutableClock clock;
    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    Embedder model;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    SearchIndex index;
    CountingEmbedder counting;
    QueryEmbeddings queryEmbeddings;
    SearchService search;

    @BeforeEach
    void ownService() {
        index = Mockito.spy(sharedIndex);
        counting = new CountingEmbedder(model);
        queryEmbeddings = new QueryEmbeddings(counting, Duration.ofSeconds(30));
        search = new SearchService(index, indexer, glossary, methods, currentUser, events, clock, queryEmbeddings,
                backfill);
        signInAs(users, securityContexts, "member");
    }

    @AfterEach
    void stop() {
        queryEmbeddings.destroy();
        securityContexts.clearContext();
    }

    @Test
    void theSearchCarriesTheEmbeddingOfItsSearchableTextComputedOnce() {
        String text = "新來的同志不熟悉業務怎麼帶？";

        SearchResult first = search.search(SearchRequest.of(text));
        search.search(new SearchRequest(text, null, null, null, null, null, SearchSort.RELEVANCE, 1, 10));

        assertThat(counting.embedded).as("the second page reuses it").containsExactly(QueryPlanner.searchable(text));
        assertThat(QueryPlanner.searchable(text)).as("in simplified script").startsWith("新来的同志");
        var queries = ArgumentCaptor.forClass(IndexQuery.class);
        verify(index, atLeastOnce()).search(queries.capture());
        // the searches of the text (a correction's pinyin probes, when nothing is found, search by sound alone)
        List<IndexQuery> ofText = queries.getAllValues().stream().filter(q -> !q.texts().isEmpty()).toList();
        assertThat(ofText).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(q -> assertThat(q.vector()).hasSize(model.dimensions()));
        assertThat(queries.getAllValues().getFirst().vector()).isEqualTo(model.embed(QueryPlanner.searchable(text)));
        assertThat(first).isNotNull();
    }

    @Test
    void browsingWithoutTextAsksTheModelNothing() {
        search.search(SearchRequest.of(""));

        assertThat(counting.embedded).isEmpty();
        var queries = ArgumentCaptor.forClass(IndexQuery.class);
        verify(index, atLeastOnce()).search(queries.capture());
        assertThat(queries.getValue().vector()).isNull();
    }

    @Test
    void aFailingModelLeavesTheSearchItsWords() {
        counting.failing = true;
        var lexical = new SearchService(sharedIndex, indexer, glossary, methods, currentUser, events, clock,
                QueryEmbeddings.off(), backfill);

        SearchResult result = search.search(SearchRequest.of("对接"));

        var queries = ArgumentCaptor.forClass(IndexQuery.class);
        verify(index, atLeastOnce()).search(queries.capture());
        assertThat(queries.getAllValues()).allSatisfy(q -> assertThat(q.vector()).isNull());
        assertThat(result.total()).isPositive();
        assertThat(ids(result)).isEqualTo(ids(lexical.search(SearchRequest.of("对接"))));
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }
}
