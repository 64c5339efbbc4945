package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.search.engine.Embedder;

/** Search texts are embedded once, remembered, and a failing or slow model costs the semantic leg only. */
class QueryEmbeddingsTest {

    /** A tiny stand-in model: the vector says which text it was. */
    private static final Embedder FAKE = new Embedder() {
        @Override
        public String model() {
            return "fake";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            return new float[] {text.length(), text.codePointAt(0)};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    };

    private QueryEmbeddings embeddings;

    @AfterEach
    void stop() {
        if (embeddings != null) {
            embeddings.destroy();
        }
    }

    @Test
    void aTextIsEmbeddedOnceAndRememberedUntilAThousandOthersFollowed() {
        var counting = new CountingEmbedder(FAKE);
        embeddings = new QueryEmbeddings(counting, Duration.ofSeconds(10));

        float[] first = embeddings.await(embeddings.start("谈心谈话"));
        float[] again = embeddings.await(embeddings.start("谈心谈话"));

        assertThat(first).containsExactly(4f, '谈');
        assertThat(again).isSameAs(first);
        assertThat(counting.embedded).containsExactly("谈心谈话");
        for (int i = 0; i < QueryEmbeddings.CACHE_SIZE; i++) {
            embeddings.await(embeddings.start("问题" + i));
        }
        embeddings.await(embeddings.start("谈心谈话"));
        assertThat(counting.embedded).as("forgotten after 1,000 other texts").hasSize(QueryEmbeddings.CACHE_SIZE + 2);
    }

    @Test
    void theLeastRecentlyUsedTextIsForgottenFirst() {
        var counting = new CountingEmbedder(FAKE);
        embeddings = new QueryEmbeddings(counting, Duration.ofSeconds(10));
        embeddings.await(embeddings.start("常用"));
        for (int i = 0; i < QueryEmbeddings.CACHE_SIZE; i++) {
            embeddings.await(embeddings.start("问题" + i));
            embeddings.await(embeddings.start("常用"));
        }

        assertThat(counting.embedded.stream().filter("常用"::equals)).as("kept while used").hasSize(1);
    }

    @Test
    void blankTextsAndTheLegSwitchedOffHaveNoEmbedding() {
        var counting = new CountingEmbedder(FAKE);
        embeddings = new QueryEmbeddings(counting, Duration.ofSeconds(10));
        assertThat(embeddings.await(embeddings.start(" "))).isNull();
        assertThat(counting.embedded).isEmpty();

        QueryEmbeddings off = QueryEmbeddings.off();
        assertThat(off.await(off.start("谈心谈话"))).isNull();
    }

    @Test
    void aFailingModelGivesNoEmbeddingAndIsAskedAgainNextTime() {
        var counting = new CountingEmbedder(FAKE);
        embeddings = new QueryEmbeddings(counting, Duration.ofSeconds(10));
        counting.failing = true;
        assertThat(embeddings.await(embeddings.start("谈心谈话"))).isNull();

        counting.failing = false;
        assertThat(embeddings.await(embeddings.start("谈心谈话"))).isNotNull();
    }

    @Test
    void aSlowModelIsNotWaitedForBeyondTheBoundAndItsLateAnswerIsRemembered() throws Exception {
        var release = new CountDownLatch(1);
        var slow = new CountingEmbedder(new Embedder() {
            @Override
            public String model() {
                return "slow";
            }

            @Override
            public int dimensions() {
                return 2;
            }

            @Override
            public float[] embed(String text) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return FAKE.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }
        });
        embeddings = new QueryEmbeddings(slow, Duration.ofMillis(50));

        assertThat(embeddings.await(embeddings.start("谈心谈话"))).as("given up").isNull();

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        float[] later = null;
        while (later == null && System.nanoTime() < deadline) {
            var pending = embeddings.start("谈心谈话");
            if (pending.isDone()) {
                later = pending.get();
            }
            Thread.sleep(10);
        }
        assertThat(later).as("remembered once computed").containsExactly(4f, '谈');
    }
}
