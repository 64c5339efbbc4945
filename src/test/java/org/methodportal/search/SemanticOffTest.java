package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.engine.Embedder;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/** With portal.search.semantic.enabled=false no model is loaded, and indexing and search work by words as before. */
@ServiceTest
@TestPropertySource(properties = "portal.search.semantic.enabled=false")
class SemanticOffTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SearchService search;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    MethodService methods;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void noModelIsLoadedAndMethodsAreIndexedAndFoundByTheirWords() {
        assertThat(context.getBeanProvider(Embedder.class).getIfAvailable()).isNull();
        String tag = "off" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(new MethodContent("“田埂夜校”工作法", "摘要", Category.MASS_LINE, "农村党员集中学习难",
                null, List.of("夜校"), List.of(), null, null, List.of(tag), null), null, null, null).id();

        assertThat(indexer.drain()).isPositive();

        var found = search.search(new SearchRequest(tag, null, null, MethodStatus.DRAFT, null, null,
                SearchSort.RELEVANCE, 0, 10));
        assertThat(found.hits()).extracting(SearchHit::id).containsExactly(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM method_embedding", Long.class)).isZero();
    }

    @Test
    void theAdministratorsSeeNoBackfillAndCannotStartOne() {
        signInAs(users, securityContexts, "admin");

        assertThat(search.overview().backfill()).isEqualTo(BackfillStatus.OFF);
        assertThatThrownBy(() -> search.startBackfill()).isInstanceOf(PortalException.class)
                .extracting(e -> ((PortalException) e).code()).isEqualTo("search.backfill-off");
    }
}
