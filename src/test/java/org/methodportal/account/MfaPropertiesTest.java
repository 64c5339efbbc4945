package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.Role;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MfaPropertiesTest {

    @Test
    void reviewersAndAdministratorsMustUseASecondFactorByDefault() {
        MfaProperties defaults = bind(Map.of());

        assertThat(defaults.requiredRoles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.ADMIN);
        assertThat(defaults.requires(Set.of(Role.MEMBER, Role.SECRETARY))).isFalse();
        assertThat(defaults.requires(Set.of(Role.MEMBER, Role.REVIEWER))).isTrue();
        assertThat(defaults.requires(Set.of(Role.ADMIN))).isTrue();
    }

    @Test
    void anEmptyListRequiresItOfNobody() {
        MfaProperties none = bind(Map.of("portal.security.mfa.required-roles", ""));

        assertThat(none.requiredRoles()).isEmpty();
        assertThat(none.requires(Set.of(Role.ADMIN))).isFalse();
    }

    private static MfaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal.security.mfa", MfaProperties.class);
    }
}
