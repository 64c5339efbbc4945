package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doAnswer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.methodportal.PortalApplication;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.elasticsearch.TestNode;
import org.methodportal.search.engine.HeldRebuild;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestDatabase;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two portal instances on one PostgreSQL database and one Elasticsearch node, as README's
 * deployment with a load balancer runs them: an edit on one is found through the other, a reindex
 * started on one shows its progress on the other and is refused there, and edits made on both are
 * each written to the index exactly once (the outbox is shared, its rows locked with SKIP LOCKED).
 */
@Tag("mapper")
@EnabledIfSystemProperty(named = "portal.test.db", matches = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final int EDITS = 1000;
    /** Index writes per method id, by both instances together. */
    private static final Map<Long, AtomicInteger> WRITES = new ConcurrentHashMap<>();

    private final String database = "portal_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void startBoth() throws Exception {
        String url = TestDatabase.url();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgresUser(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String alias = "two-" + UUID.randomUUID().toString().substring(0, 8);
        a = start("instance-a", url.substring(0, url.lastIndexOf('/') + 1) + database, alias);
        awaitUntil(() -> !a.getBean(SearchIndexer.class).isRebuilding()
                && a.getBean(SearchIndexer.class).health().serving(), "instance a built the index");
        b = start("instance-b", url.substring(0, url.lastIndexOf('/') + 1) + database, alias);
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        String url = TestDatabase.url();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgresUser(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void anEditOnOneIsFoundThroughTheOther() throws Exception {
        String title = "两个实例" + UUID.randomUUID().toString().substring(0, 6);
        long id = as(a, "secretary", () -> a.getBean(MethodService.class).createDraft(content(title), null, null, null))
                .id();

        awaitUntil(() -> as(b, "secretary", () -> b.getBean(SearchService.class).search(
                new SearchRequest(title, null, null, MethodStatus.DRAFT, null, null, SearchSort.RELEVANCE, 0, 20))
                .hits().stream().anyMatch(h -> h.id() == id)), "found through b");
    }

    @Test
    void aReindexOnOneShowsOnTheOtherAndIsRefusedThere() throws Exception {
        var taken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HeldRebuild.hold(a.getBean(SearchIndex.class), taken, release);
        try {
            as(a, "admin", () -> a.getBean(SearchService.class).startReindex());
            assertThat(taken.await(60, TimeUnit.SECONDS)).isTrue();

            ReindexStatus onB = as(b, "admin", () -> b.getBean(SearchService.class).reindexStatus());
            assertThat(onB.running()).isTrue();
            assertThat(onB.startedBy()).isEqualTo("admin");
            assertThat(onB.total()).isPositive();
            assertThatThrownBy(() -> as(b, "admin", () -> b.getBean(SearchService.class).startReindex()))
                    .isInstanceOfSatisfying(PortalException.class, e -> {
                        assertThat(e.code()).isEqualTo("search.reindex-running-elsewhere");
                        assertThat(e.args()).containsExactly("instance-a");
                    });
        } finally {
            release.countDown();
            // later rebuilds run as usual; the spy keeps counting writes
            Mockito.doCallRealMethod().when(a.getBean(SearchIndex.class)).startRebuild();
        }
        awaitUntil(() -> !as(b, "admin", () -> b.getBean(SearchService.class).reindexStatus()).running(),
                "b sees the reindex ended");
        ReindexStatus ended = as(b, "admin", () -> b.getBean(SearchService.class).reindexStatus());
        assertThat(ended.error()).isNull();
        assertThat(ended.done()).isEqualTo(ended.total());
    }

    @Test
    void editsOnBothAreEachIndexedExactlyOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<List<Long>>> halves = new ArrayList<>();
            for (ConfigurableApplicationContext instance : List.of(a, b)) {
                halves.add(pool.submit(() -> as(instance, "secretary", () -> {
                    List<Long> created = new ArrayList<>();
                    for (int i = 0; i < EDITS / 2; i++) {
                        created.add(instance.getBean(MethodService.class)
                                .createDraft(content("分别编辑" + UUID.randomUUID()), null, null, null).id());
                    }
                    return created;
                })));
            }
            for (Future<List<Long>> half : halves) {
                ids.addAll(half.get(5, TimeUnit.MINUTES));
            }
        }
        awaitUntil(() -> ids.stream().allMatch(WRITES::containsKey), "every edit indexed");
        Thread.sleep(2000);

        assertThat(ids).hasSize(EDITS).allSatisfy(id -> assertThat(WRITES.get(id).get()).as("writes of " + id)
                .isEqualTo(1));
    }

    private static ConfigurableApplicationContext start(String name, String url, String alias) {
        // as command-line arguments, which come before the application.yaml of the test profile
        return new SpringApplicationBuilder(PortalApplication.class, CountIndexWrites.class)
                .profiles("test")
                .run("--spring.config.location=classpath:/", "--server.port=0",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.postgresUser(),
                        "--spring.datasource.password=", "--portal.instance-name=" + name,
                        "--portal.data-dir=target/test-data/two-instances-" + name,
                        "--portal.search.elasticsearch.uris=" + TestNode.uri(),
                        "--portal.search.elasticsearch.index=" + alias, "--portal.search.semantic.enabled=false",
                        "--portal.search.outbox.worker-enabled=true", "--portal.search.outbox.poll-interval=100ms",
                        "--portal.search.multi-instance=true");
    }

    /** Counts each method id's index writes, through a spy that then writes for real. */
    static class CountIndexWrites implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof SearchIndex index)) {
                return bean;
            }
            SearchIndex spy = Mockito.spy(index);
            doAnswer(call -> {
                Collection<IndexDocument> upserts = call.getArgument(0);
                upserts.forEach(d -> WRITES.computeIfAbsent(d.id(), id -> new AtomicInteger()).incrementAndGet());
                return call.callRealMethod();
            }).when(spy).apply(Mockito.anyList(), Mockito.anyCollection());
            return spy;
        }
    }

    private static <T> T as(ConfigurableApplicationContext instance, String login, java.util.function.Supplier<T> work) {
        PortalUser user = (PortalUser) instance.getBean(UserDetailsService.class).loadUserByUsername(login);
        return instance.getBean(SystemAuthentication.class).callAs(user, work);
    }

    private static MethodContent content(String title) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层",
                List.of("对接需求"), List.of("调研"), "群众满意度提高", "各部委机关", List.of("对接"), null);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
