package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SignInObligation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;

/**
 * A production start with {@code --portal.setup.admin-login=root}: the administrator exists when
 * the portal is ready, its random password is printed once, and the first sign-in asks for a new
 * password and a second factor before anything else.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
        "portal.data-dir=target/test-data/setup-${random.uuid}", "portal.setup.admin-login=root",
        "portal.security.mfa.required-roles=ADMIN"})
@ActiveProfiles("test")
class FirstAdministratorFromCommandLineTest {

    private static final Pattern PRINTED = Pattern.compile("First administrator created: root \\(password \"([^\"]+)\"");

    @Autowired
    FirstAdministrator setup;
    @Autowired
    AuthenticationManager authentication;

    @Test
    void theNamedAdministratorSignsInWithThePrintedPasswordAndMustChangeItAndEnrol(CapturedOutput output) {
        assertThat(setup.needed()).isFalse();
        Matcher printed = PRINTED.matcher(output.getAll());
        assertThat(printed.find()).as("the password is printed at start").isTrue();

        var signedIn = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("root", printed.group(1)));

        PortalUser root = (PortalUser) signedIn.getPrincipal();
        assertThat(root.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MEMBER);
        assertThat(root.obligations()).containsExactlyInAnyOrder(SignInObligation.CHANGE_PASSWORD,
                SignInObligation.ENROL_SECOND_FACTOR);
    }
}
