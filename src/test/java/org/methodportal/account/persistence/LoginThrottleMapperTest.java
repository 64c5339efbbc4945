package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class LoginThrottleMapperTest {

    private static final Instant START = Instant.parse("2026-05-04T23:59:59.999999Z");

    @Autowired
    LoginThrottleMapper throttles;

    @Test
    void insertedRowIsReadBackAsRecord() {
        throttles.insert("zhangsan", 1, START, null);

        assertThat(throttles.findByLogin("zhangsan")).contains(new LoginThrottleRow("zhangsan", 1, START, null));
        assertThat(throttles.findByLogin("lisi")).isEmpty();
    }

    @Test
    void updatesCountWindowAndLock() {
        throttles.insert("zhangsan", 4, START, null);
        Instant lockedUntil = START.plusSeconds(600);

        assertThat(throttles.update("zhangsan", 0, START.plusSeconds(1), lockedUntil)).isEqualTo(1);
        assertThat(throttles.update("lisi", 1, START, null)).as("no row to update").isZero();

        assertThat(throttles.findByLogin("zhangsan"))
                .contains(new LoginThrottleRow("zhangsan", 0, START.plusSeconds(1), lockedUntil));
    }

    @Test
    void deletesTheRow() {
        throttles.insert("zhangsan", 2, START, null);
        throttles.insert("lisi", 2, START, null);

        throttles.delete("zhangsan");

        assertThat(throttles.findByLogin("zhangsan")).isEmpty();
        assertThat(throttles.findByLogin("lisi")).isPresent();
    }
}
