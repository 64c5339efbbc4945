package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@ServiceTest
class ApiTokenServiceTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void aTokenStopsAtItsExpiry() {
        NewApiToken token = tokens.create("到期测试", Set.of(ApiTokenScope.READ), 2);

        assertThat(tokens.authenticate(token.secret(), "10.1.1.1")).isPresent();
        clock.advance(Duration.ofDays(2).minusSeconds(1));
        assertThat(tokens.authenticate(token.secret(), "10.1.1.1")).as("the last second").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.authenticate(token.secret(), "10.1.1.1")).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void onlyTheAdminScopeKeepsTheAdministratorsRole() {
        NewApiToken plain = tokens.create("普通", Set.of(ApiTokenScope.READ, ApiTokenScope.WRITE), 30);
        NewApiToken admin = tokens.create("管理", Set.of(ApiTokenScope.READ, ApiTokenScope.ADMIN), 30);

        assertThat(tokens.authenticate(plain.secret(), null).orElseThrow().user().roles()).doesNotContain(Role.ADMIN);
        assertThat(tokens.authenticate(admin.secret(), null).orElseThrow().user().roles()).contains(Role.ADMIN);
        assertThat(tokens.authenticate(plain.secret(), null).orElseThrow().mayWrite()).isTrue();
        assertThat(tokens.authenticate(admin.secret(), null).orElseThrow().mayWrite()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void usesAreWrittenDownOnceAMinuteAndAUseAfterALongPauseIsAudited() {
        NewApiToken token = tokens.create("停用后再用", Set.of(ApiTokenScope.READ), 366);
        long id = token.token().id();

        tokens.authenticate(token.secret(), "10.2.2.2");
        var firstUse = lastUsed(id);
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(token.secret(), "10.2.2.2");
        assertThat(lastUsed(id)).as("within the minute").isEqualTo(firstUse);
        clock.advance(Duration.ofSeconds(31));
        tokens.authenticate(token.secret(), "10.2.2.2");
        assertThat(lastUsed(id)).isAfter(firstUse);
        assertThat(pauseAudits(id)).isZero();

        clock.advance(ApiTokenService.LONG_PAUSE.plusHours(1));
        tokens.authenticate(token.secret(), "10.3.3.3");

        assertThat(pauseAudits(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT client_address FROM audit_event WHERE action = 'token.used-after-pause'"
                + " AND object_id = ?", String.class, String.valueOf(id))).isEqualTo("10.3.3.3");
    }

    private java.sql.Timestamp lastUsed(long id) {
        return jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE id = ?", java.sql.Timestamp.class, id);
    }

    private long pauseAudits(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'token.used-after-pause'"
                + " AND object_id = ?", Long.class, String.valueOf(id));
    }
}
