package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalException.Kind;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

@ServiceTest
class AccountServiceTest {

    private static final String PASSWORD = "initial-pass-1";
    private static final PageRequest FIRST_PAGE = new PageRequest(0, 50, "login", true);

    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    JdbcTemplate jdbc;

    /** Tests that sign in an account they created must not leave it signed in for the next test. */
    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    @WithUserDetails("admin")
    void createsAccountWithNormalisedLoginRolesAndPinyin() {
        String login = uniqueLogin();

        AccountSummary created = accounts.create(form(" " + login.toUpperCase(Locale.ROOT) + " ", "张三丰",
                Set.of(Role.MEMBER, Role.SECRETARY)), PASSWORD);

        assertThat(created.login()).isEqualTo(login);
        assertThat(created.displayName()).isEqualTo("张三丰");
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.SECRETARY);
        assertThat(created.enabled()).isTrue();
        assertThat(created.version()).isZero();
        assertThat(accounts.find(new AccountFilter("zsf", null, null, null, null), FIRST_PAGE))
                .extracting(AccountSummary::login).contains(login);
        assertThat(passwordEncoder.matches(PASSWORD, accounts.loadPrincipal(login).orElseThrow().getPassword()))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "has space", "-dash-first", "semi;colon", "张三",
            // 65 characters, one more than the column holds
            "a" + "1234567890123456789012345678901234567890123456789012345678901234"})
    @WithUserDetails("admin")
    void refusesMalformedLogins(String login) {
        assertRefused(() -> accounts.create(form(login, "张三", Set.of(Role.MEMBER)), PASSWORD), Kind.INVALID,
                "account.login-invalid");
    }

    @Test
    @WithUserDetails("admin")
    void refusesLoginsAlreadyTakenInAnyCase() {
        assertRefused(() -> accounts.create(form("Member", "张三", Set.of(Role.MEMBER)), PASSWORD), Kind.CONFLICT,
                "account.login-taken");
    }

    @Test
    @WithUserDetails("admin")
    void needsPasswordsOfAtLeastTwelveCharactersThatAreHardToGuess() {
        assertRefused(() -> accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), "eleven-char"),
                Kind.INVALID, "account.password-too-short");
        for (String guessable : List.of("1234567890ab", "aaaaaaaaaaaa", "password1234", "qwertyuiop12")) {
            assertRefused(() -> accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), guessable),
                    Kind.INVALID, "account.password-weak");
        }
        String login = uniqueLogin();
        assertRefused(() -> accounts.create(form(login, "张三", Set.of(Role.MEMBER)), login + "2026"),
                Kind.INVALID, "account.password-weak");
        assertThat(accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), "lantern-ferry-17")).isNotNull();
    }

    @Test
    @WithUserDetails("admin")
    void needsAtLeastOneRoleAndAnExistingBranch() {
        assertRefused(() -> accounts.create(form(uniqueLogin(), "张三", Set.of()), PASSWORD), Kind.INVALID,
                "account.roles-required");
        assertRefused(() -> accounts.create(new AccountForm(uniqueLogin(), "张三", -1, Set.of(Role.MEMBER), Set.of()),
                PASSWORD), Kind.NOT_FOUND, "branch.not-found");
    }

    @Test
    @WithUserDetails("admin")
    void aRoleChangeIsAuditedWithTheOldAndTheNewRoles() {
        AccountSummary created = accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), PASSWORD);

        accounts.update(created.id(), form(created.login(), "张三", Set.of(Role.MEMBER, Role.REVIEWER)), created.version());

        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'account.updated' AND object_id = ?",
                String.class, created.login()))
                .isEqualTo("张三 roles=[MEMBER] → [MEMBER, REVIEWER] branch=" + created.branchId() + " reviews=[]");
    }

    @Test
    @WithUserDetails("admin")
    void updateWithStaleVersionIsRefused() {
        AccountSummary created = accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), PASSWORD);

        AccountSummary updated = accounts.update(created.id(), form(created.login(), "李四",
                Set.of(Role.MEMBER, Role.REVIEWER)), created.version());

        assertThat(updated.displayName()).isEqualTo("李四");
        assertThat(updated.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.REVIEWER);
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertRefused(() -> accounts.update(created.id(), form(created.login(), "王五", Set.of(Role.MEMBER)),
                created.version()), Kind.STALE, "account.stale");
        assertRefused(() -> accounts.setEnabled(created.id(), false, created.version()), Kind.STALE, "account.stale");
        assertThat(accounts.get(created.id()).displayName()).isEqualTo("李四");
    }

    @Test
    @WithUserDetails("admin")
    void adminCannotDisableOrDemoteThemselves() {
        AccountSummary me = accounts.me();

        assertRefused(() -> accounts.setEnabled(me.id(), false, me.version()), Kind.INVALID,
                "account.cannot-disable-self");
        assertRefused(() -> accounts.update(me.id(), new AccountForm(me.login(), me.displayName(), me.branchId(),
                Set.of(Role.MEMBER), Set.of()), me.version()), Kind.INVALID, "account.cannot-demote-self");
        assertThat(accounts.get(me.id()).enabled()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void adminDisablesAnotherAccount() {
        AccountSummary created = accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), PASSWORD);

        AccountSummary disabled = accounts.setEnabled(created.id(), false, created.version());

        assertThat(disabled.enabled()).isFalse();
        assertThat(accounts.loadPrincipal(created.login()).orElseThrow().isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void changingOwnPasswordNeedsTheCurrentOne() {
        String login = accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), PASSWORD).login();
        signInAs(users, securityContexts, login);

        assertRefused(() -> accounts.changeOwnPassword("wrong-password", "brand-new-pass"), Kind.INVALID,
                "account.password-wrong");
        assertRefused(() -> accounts.changeOwnPassword(PASSWORD, "short"), Kind.INVALID, "account.password-too-short");
        assertRefused(() -> accounts.changeOwnPassword(PASSWORD, PASSWORD), Kind.INVALID, "account.password-unchanged");

        accounts.changeOwnPassword(PASSWORD, "brand-new-pass");

        String hash = accounts.loadPrincipal(login).orElseThrow().getPassword();
        assertThat(passwordEncoder.matches("brand-new-pass", hash)).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void changingOwnLocaleIsSavedOnTheAccount() {
        String login = accounts.create(form(uniqueLogin(), "张三", Set.of(Role.MEMBER)), PASSWORD).login();
        var me = signInAs(users, securityContexts, login);

        accounts.changeOwnLocale(Locale.ENGLISH);

        assertThat(accounts.me().locale()).isEqualTo("en");
        assertThat(me.locale()).as("the open session follows").isEqualTo(Locale.ENGLISH);
        assertThat(accounts.loadPrincipal(login).orElseThrow().locale()).isEqualTo(Locale.ENGLISH);
        assertRefused(() -> accounts.changeOwnLocale(Locale.FRENCH), Kind.INVALID, "account.locale-unsupported");
    }

    @Test
    @WithUserDetails("member")
    void membersCannotAdministerAccounts() {
        long someone = accounts.me().id();
        AccountForm form = form(uniqueLogin(), "张三", Set.of(Role.MEMBER));

        assertThatThrownBy(() -> accounts.create(form, PASSWORD)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.find(AccountFilter.none(), FIRST_PAGE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.get(someone)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.update(someone, form, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setEnabled(someone, false, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetPassword(someone, "brand-new-pass"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("member")
    void anyMemberFindsAccountsByNamePinyinOrLoginWithoutAdministrationData() {
        assertThat(accounts.findRefs("李书", 0, 20)).contains(new AccountRef(ref("secretary").id(), "李书记", "财政部",
                "预算司党支部"));
        assertThat(accounts.findRefs("lsj", 0, 20)).extracting(AccountRef::displayName).contains("李书记");
        assertThat(accounts.findRefs("secretary2", 0, 20)).extracting(AccountRef::displayName).containsExactly("陈书记");

        AccountRef byLogin = ref(" Secretary ");
        assertThat(byLogin.displayName()).isEqualTo("李书记");
        assertThat(accounts.findRef(byLogin.id())).contains(byLogin);
        assertThat(accounts.findRefByLogin("no-such-login")).isEmpty();
        assertThat(accounts.findRef(-1)).isEmpty();
    }

    @Test
    void signedOutCallersAreRefused() {
        assertThatThrownBy(() -> accounts.me()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private AccountRef ref(String login) {
        return accounts.findRefByLogin(login).orElseThrow();
    }

    @Test
    @WithUserDetails("admin")
    void mentionCandidatesPutPrefixMatchesBeforeOtherMatchesAndLeaveOutDisabledAccounts() {
        String token = uniqueLogin().substring(1, 9);
        accounts.create(form("a" + token, "Alpha", Set.of(Role.MEMBER)), PASSWORD);
        accounts.create(form(token + "z", "Zulu", Set.of(Role.MEMBER)), PASSWORD);
        AccountSummary disabled = accounts.create(form(token + "x", "Xray", Set.of(Role.MEMBER)), PASSWORD);
        accounts.setEnabled(disabled.id(), false, disabled.version());

        assertThat(accounts.mentionCandidates("@" + token.toUpperCase(Locale.ROOT)))
                .extracting(MentionCandidate::login).containsExactly(token + "z", "a" + token);
        assertThat(accounts.mentionCandidates(token + "z")).singleElement()
                .isEqualTo(new MentionCandidate(token + "z", "Zulu", accounts.get(disabled.id()).branchName()));
        assertThat(accounts.mentionCandidates("")).hasSize(AccountService.MENTION_LIMIT);
        assertThat(accounts.enabledIdsByLogin(Set.of(token.toUpperCase(Locale.ROOT) + "Z", token + "x", "a" + token)))
                .containsOnlyKeys(token + "z", "a" + token);
    }

    private AccountForm form(String login, String displayName, Set<Role> roles) {
        return new AccountForm(login, displayName, anyBranch(), roles, Set.of());
    }

    private long anyBranch() {
        return organisation.findBranches(BranchFilter.none(), new PageRequest(0, 1, "name", true)).getFirst().id();
    }

    private static void assertRefused(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
