package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.methodportal.search.engine.HeldRebuild;
import org.methodportal.search.engine.IndexDamage;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.Viewer;
import org.methodportal.search.lucene.DamagedIndexes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The portal started on an embedded index whose segment was overwritten (as a disk fault does),
 * with {@code reindex-on-startup=always}: it starts anyway, keeps the damaged directory aside,
 * answers searches with 503 search.rebuilding until the rebuild from the database is complete
 * (held here until the test has looked), and then finds what the database holds.
 */
@SpringBootTest(properties = {"spring.config.location=classpath:/", "portal.search.reindex-on-startup=always"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SearchRepairAtStartTest.HoldRebuilds.class)
@SearchIndexReady.WhileRebuilding
class SearchRepairAtStartTest {

    private static final Path ROOT = Path.of("target/test-data/search-damaged-" + UUID.randomUUID());
    private static final CountDownLatch FIRST_PAGE = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void damagedIndex(DynamicPropertyRegistry registry) throws IOException {
        DamagedIndexes.create(ROOT, SearchCorpus.documents());
        DamagedIndexes.corruptLargestFile(DamagedIndexes.servingDirectory(ROOT));
        registry.add("portal.search.index-dir", ROOT::toString);
    }

    @Test
    void startsOnACorruptedIndexSetsItAsideAndAnswersRebuildingUntilTheRebuildIsComplete() throws Exception {
        IndexHealth health = indexer.health();
        assertThat(health.status()).isEqualTo(IndexHealth.Status.REBUILDING);
        assertThat(health.cause()).isEqualTo(IndexHealth.Cause.DAMAGED_AT_START);
        Path aside = Path.of(health.setAside());
        assertThat(aside.getParent()).isEqualTo(ROOT);
        assertThat(DamagedIndexes.bytesIn(aside)).as("the damaged index is still on disk").isPositive();
        try {
            assertThat(FIRST_PAGE.await(30, TimeUnit.SECONDS)).as("the rebuild runs").isTrue();

            MvcTestResult search = as("member", mvc.get().uri("/api/v1/search").param("q", "对接")).exchange();
            assertProblem(search, HttpStatus.SERVICE_UNAVAILABLE, "search.rebuilding");
            assertThat(Integer.parseInt(search.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(5, 300);
            assertThat((String) JsonPath.read(body(search), "$.detail")).contains("正在重建搜索索引");
            assertProblem(as("member", mvc.get().uri("/api/v1/search/suggest").param("q", "对接")).exchange(),
                    HttpStatus.SERVICE_UNAVAILABLE, "search.rebuilding");

            MvcTestResult anonymous = mvc.get().uri("/actuator/health").exchange();
            assertThat(anonymous).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
            assertThat(body(anonymous)).doesNotContain("search");
            MvcTestResult admin = mvc.get().uri("/actuator/health").with(user("admin").roles("ADMIN")).exchange();
            assertThat(admin).as("the application stays up").hasStatusOk()
                    .bodyJson().extractingPath("$.status").isEqualTo("UP");
            assertThat((String) JsonPath.read(body(admin), "$.components.search.status")).isEqualTo("REBUILDING");
        } finally {
            RELEASE.countDown();
        }
        awaitUntil(() -> indexer.health().serving());

        MvcTestResult all = as("member", mvc.get().uri("/api/v1/search").param("size", "100")).exchange();
        assertThat(all).hasStatusOk();
        long published = jdbc.queryForObject("SELECT COUNT(*) FROM method WHERE status = 'PUBLISHED' "
                + "AND change_of_method_id IS NULL", Long.class);
        assertThat(((Number) JsonPath.read(body(all), "$.total")).longValue()).as("what the database holds")
                .isEqualTo(published).isPositive();
        assertThat(aside).as("kept after the rebuild too").exists();
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'search.index-set-aside'",
                String.class)).singleElement().asString().contains(aside.toString());
        MvcTestResult admin = mvc.get().uri("/actuator/health").with(user("admin").roles("ADMIN")).exchange();
        assertThat((String) JsonPath.read(body(admin), "$.components.search.status")).isEqualTo("UP");
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for the rebuild").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Holds the first page of every rebuild until the test releases it, so the test sees the rebuilding state. */
    @TestConfiguration
    static class HoldRebuilds {

        @Bean
        static BeanPostProcessor holdRebuild() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof SearchIndex index ? new Held(index) : bean;
                }
            };
        }
    }

    private record Held(SearchIndex real) implements SearchIndex {

        @Override
        public Rebuild startRebuild() {
            return new HeldRebuild(real.startRebuild(), FIRST_PAGE, RELEASE);
        }

        @Override
        public void apply(List<IndexDocument> upserts, Collection<Long> deletes) {
            real.apply(upserts, deletes);
        }

        @Override
        public SearchResult search(IndexQuery query) {
            return real.search(query);
        }

        @Override
        public List<SearchHit> suggestTitles(String text, String pinyinKey, Viewer viewer, int limit) {
            return real.suggestTitles(text, pinyinKey, viewer, limit);
        }

        @Override
        public List<SearchHit> similar(long methodId, Viewer viewer, int limit) {
            return real.similar(methodId, viewer, limit);
        }

        @Override
        public List<SearchHit> similarToText(Map<String, String> fields, Set<Long> excluded, Viewer viewer, int limit) {
            return real.similarToText(fields, excluded, viewer, limit);
        }

        @Override
        public List<SearchHit> published(List<Long> ids, Viewer viewer) {
            return real.published(ids, viewer);
        }

        @Override
        public String engineName() {
            return real.engineName();
        }

        @Override
        public long count() {
            return real.count();
        }

        @Override
        public void check() {
            real.check();
        }

        @Override
        public @Nullable IndexDamage damageAtOpen() {
            return real.damageAtOpen();
        }

        @Override
        public @Nullable String setAside() {
            return real.setAside();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
