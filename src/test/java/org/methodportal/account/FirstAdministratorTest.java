package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalProperties;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * A production start: no demo data, an empty database. The portal prints a one-time setup key
 * (and keeps it in a file beside the database) and creates the first administrator for whoever
 * brings that key, once.
 */
@SpringBootTest(properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
        "portal.data-dir=target/test-data/setup-${random.uuid}"})
@ActiveProfiles("test")
class FirstAdministratorTest {

    private static final String PASSWORD = "copper-heron-window-58";

    @Autowired
    FirstAdministrator setup;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    SystemAuthentication system;
    @Autowired
    PortalProperties portal;

    @Test
    void whoeverHasTheSetupKeyCreatesTheFirstAdministratorOnce() throws Exception {
        assertThat(setup.needed()).isTrue();
        Path keyFile = portal.dataDir().resolve(FirstAdministrator.KEY_FILE);
        String key = Files.readString(keyFile).strip();
        assertThat(key).matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}");

        assertRefused(form("ABCDE-FGHJK-LMNPQ-RSTUV", "root", PASSWORD), "setup.key-wrong");
        assertRefused(form(key, " ", PASSWORD), "setup.field-required");
        assertRefused(form(key, "root", "root12345678"), "account.password-weak");
        assertThat(setup.needed()).as("nothing created by the refused attempts").isTrue();

        String typedCasually = key.replace("-", " ").toLowerCase(Locale.ROOT);
        AccountSummary admin = setup.create(form(typedCasually, "Root", PASSWORD), "127.0.0.1");

        assertThat(admin.login()).isEqualTo("root");
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MEMBER);
        assertThat(admin.departmentName()).isEqualTo("市委办公厅");
        assertThat(admin.branchName()).isEqualTo("机关第一党支部");
        assertThat(setup.needed()).isFalse();
        assertThat(keyFile).as("the key is used up").doesNotExist();
        PortalUser signedIn = (PortalUser) users.loadUserByUsername("root");
        assertThat(signedIn.obligations()).as("the password is the administrator's own").isEmpty();
        assertThat(system.callAsSystem(() -> accounts.get(admin.id())).enabled()).isTrue();

        assertRefused(form(key, "second", PASSWORD), "setup.done");
    }

    private static FirstAdministratorForm form(String key, String login, String password) {
        return new FirstAdministratorForm(key, login, "首位管理员", "市委办公厅", "机关第一党支部", password);
    }

    private void assertRefused(FirstAdministratorForm form, String code) {
        assertThatThrownBy(() -> setup.create(form, "127.0.0.1")).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

}
