package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class SignInThrottleMapperTest {

    private static final Instant START = Instant.parse("2026-05-04T23:59:59.999999Z");

    @Autowired
    SignInThrottleMapper throttles;

    @Test
    void aFirstFailureIsInsertedOnce() {
        assertThat(throttles.insertIfAbsent("pair:zhangsan|10.0.0.1", START)).isEqualTo(1);
        assertThat(throttles.insertIfAbsent("pair:zhangsan|10.0.0.1", START.plusSeconds(5))).as("present").isZero();

        assertThat(throttles.findByKey("pair:zhangsan|10.0.0.1"))
                .contains(new SignInThrottleRow("pair:zhangsan|10.0.0.1", 1, START, START));
        assertThat(throttles.findByKey("pair:lisi|10.0.0.1")).isEmpty();
    }

    @Test
    void failuresAreCountedInTheStatementAndRestartOnceForgotten() {
        throttles.insertIfAbsent("address:10.0.0.2", START);
        throttles.updateNextAttempt("address:10.0.0.2", START.plusSeconds(8));

        assertThat(throttles.countFailure("address:10.0.0.2", START.plusSeconds(10), START.minusSeconds(3600))).isEqualTo(1);
        assertThat(throttles.findByKey("address:10.0.0.2"))
                .contains(new SignInThrottleRow("address:10.0.0.2", 2, START.plusSeconds(10), START.plusSeconds(8)));

        Instant later = START.plusSeconds(7200);
        throttles.countFailure("address:10.0.0.2", later, later.minusSeconds(3600));
        assertThat(throttles.findByKey("address:10.0.0.2"))
                .contains(new SignInThrottleRow("address:10.0.0.2", 1, later, later));
        assertThat(throttles.countFailure("address:10.0.0.9", later, START)).as("no row").isZero();
    }

    @Test
    void readsSeveralKeysAndDeletesOneOrTheForgotten() {
        throttles.insertIfAbsent("pair:a|1", START);
        throttles.insertIfAbsent("address:1", START.plusSeconds(100));
        throttles.insertIfAbsent("account:a", START.plusSeconds(200));

        assertThat(throttles.findByKeys(List.of("pair:a|1", "address:1", "pair:b|1")))
                .extracting(SignInThrottleRow::throttleKey).containsExactlyInAnyOrder("pair:a|1", "address:1");

        assertThat(throttles.delete("pair:a|1")).isEqualTo(1);
        assertThat(throttles.deleteForgotten(START.plusSeconds(150))).isEqualTo(1);
        assertThat(throttles.findByKeys(List.of("pair:a|1", "address:1", "account:a")))
                .extracting(SignInThrottleRow::throttleKey).containsExactly("account:a");
    }
}
