package org.methodportal.search.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

/** The reindex lease shared by the instances on one database. */
@MapperSlice
class ReindexMapperTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    ReindexMapper reindexes;

    @Test
    void oneInstanceHoldsTheLeaseWhileItReportsAndAnotherTakesItOnceItStopped() {
        assertThat(reindexes.claim("a/1", "admin", T0, T0.minus(LEASE))).isEqualTo(1);
        assertThat(reindexes.claim("b/2", "admin2", T0.plusSeconds(10), T0.plusSeconds(10).minus(LEASE)))
                .as("held by a").isZero();
        assertThat(reindexes.progress("a/1", 100, 40, T0.plusSeconds(30))).isEqualTo(1);
        assertThat(reindexes.progress("b/2", 100, 99, T0.plusSeconds(30))).as("not b's lease").isZero();
        assertThat(reindexes.find()).isEqualTo(new ReindexRow(true, "a/1", "admin", T0, T0.plusSeconds(30), null,
                100, 40, null));

        Instant later = T0.plusSeconds(30).plus(LEASE).plusSeconds(1);
        assertThat(reindexes.claim("b/2", "admin2", later, later.minus(LEASE))).as("a stopped reporting").isEqualTo(1);
        assertThat(reindexes.progress("a/1", 100, 50, later)).as("a lost it").isZero();
        assertThat(reindexes.finish("b/2", 120, 120, later.plusSeconds(5), null)).isEqualTo(1);

        assertThat(reindexes.find()).isEqualTo(new ReindexRow(false, "b/2", "admin2", later, later.plusSeconds(5),
                later.plusSeconds(5), 120, 120, null));
        assertThat(reindexes.claim("a/1", "admin", later.plusSeconds(6), later.plusSeconds(6).minus(LEASE)))
                .as("free again").isEqualTo(1);
    }
}
