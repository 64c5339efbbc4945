package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Which account changes end the account's signed-in sessions (a session is stood for by the
 * principal a sign-in put into it), and that a service call of an ended session is refused.
 */
@ServiceTest
class SessionStampTest {

    private static final String PASSWORD = "initial-pass-1";

    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    SecurityStamps stamps;
    @Autowired
    AccountMapper mapper;
    @Autowired
    AccountProperties properties;
    @Autowired
    MutableClock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SystemAuthentication system;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    @WithUserDetails("admin")
    void roleChangeEndsTheAccountsSessionsAndANewSignInWorks() {
        AccountSummary account = create(Set.of(Role.MEMBER, Role.ADMIN));
        PortalUser session = signedIn(account.login());
        assertThat(stamps.check(session)).isEmpty();

        accounts.update(account.id(), form(account, account.branchId(), Set.of(Role.MEMBER), Set.of()),
                account.version());

        assertThat(stamps.check(session)).contains(SessionEndReason.RIGHTS_CHANGED);
        assertThat(stamps.check(signedIn(account.login()))).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void branchAndReviewedDepartmentsAreRightsButTheNameIsNot() {
        AccountSummary account = create(Set.of(Role.MEMBER, Role.REVIEWER));
        PortalUser session = signedIn(account.login());

        AccountSummary renamed = accounts.update(account.id(), new AccountForm(account.login(), "改名之后",
                account.branchId(), account.roles(), Set.of()), account.version());
        assertThat(stamps.check(session)).as("a new name leaves the session alone").isEmpty();

        AccountSummary reviewing = accounts.update(account.id(), form(renamed, renamed.branchId(), renamed.roles(),
                Set.of(renamed.departmentId())), renamed.version());
        assertThat(stamps.check(session)).contains(SessionEndReason.RIGHTS_CHANGED);

        PortalUser second = signedIn(account.login());
        accounts.update(account.id(), form(reviewing, otherBranch(reviewing.branchId()), reviewing.roles(),
                reviewing.reviewerDepartmentIds()), reviewing.version());
        assertThat(stamps.check(second)).contains(SessionEndReason.RIGHTS_CHANGED);
    }

    @Test
    @WithUserDetails("admin")
    void disablingEndsTheSessionsForGoodEvenOnceEnabledAgain() {
        AccountSummary account = create(Set.of(Role.MEMBER));
        PortalUser session = signedIn(account.login());

        AccountSummary disabled = accounts.setEnabled(account.id(), false, account.version());
        assertThat(stamps.check(session)).contains(SessionEndReason.DISABLED);

        accounts.setEnabled(account.id(), true, disabled.version());
        assertThat(stamps.check(session)).as("the old session stays ended").isPresent();
        assertThat(stamps.check(signedIn(account.login()))).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void passwordResetEndsTheSessions() {
        AccountSummary account = create(Set.of(Role.MEMBER));
        PortalUser session = signedIn(account.login());

        accounts.resetPassword(account.id(), "brand-new-pass");

        assertThat(stamps.check(session)).contains(SessionEndReason.PASSWORD_CHANGED);
    }

    @Test
    @WithUserDetails("admin")
    void ownPasswordChangeKeepsThisSessionAndEndsTheOthers() {
        AccountSummary account = create(Set.of(Role.MEMBER));
        PortalUser otherBrowser = signedIn(account.login());
        PortalUser thisBrowser = signInAs(users, securityContexts, account.login());
        Long before = thisBrowser.securityStamp();

        accounts.changeOwnPassword(PASSWORD, "brand-new-pass");

        assertThat(thisBrowser.securityStamp()).isNotEqualTo(before);
        assertThat(stamps.check(thisBrowser)).isEmpty();
        assertThat(currentUser.require()).isSameAs(thisBrowser);
        assertThat(accounts.me().login()).as("this session goes on").isEqualTo(account.login());
        assertThat(stamps.check(otherBrowser)).contains(SessionEndReason.PASSWORD_CHANGED);
    }

    @Test
    @WithUserDetails("admin")
    void administratorChangingOwnRightsGoesOnWithTheNewOnesWhileOtherSessionsEnd() {
        AccountSummary account = create(Set.of(Role.MEMBER, Role.ADMIN));
        PortalUser otherBrowser = signedIn(account.login());
        signInAs(users, securityContexts, account.login());

        accounts.update(account.id(), form(account, account.branchId(), Set.of(Role.MEMBER, Role.ADMIN,
                Role.REVIEWER), Set.of(account.departmentId())), account.version());

        PortalUser now = currentUser.require();
        assertThat(now.roles()).contains(Role.REVIEWER);
        assertThat(now.reviewerDepartmentIds()).containsExactly(account.departmentId());
        assertThat(stamps.check(now)).isEmpty();
        assertThat(accounts.me().roles()).contains(Role.REVIEWER);
        assertThat(stamps.check(otherBrowser)).contains(SessionEndReason.RIGHTS_CHANGED);
    }

    @Test
    @WithUserDetails("admin")
    void serviceCallsOfAnEndedSessionAreRefused() {
        AccountSummary account = create(Set.of(Role.MEMBER, Role.ADMIN));
        signInAs(users, securityContexts, account.login());
        assertThat(accounts.find(AccountFilter.none(), new PageRequest(0, 1, "login", true))).hasSize(1);

        system.runAsSystem(() -> accounts.update(account.id(), form(account, account.branchId(), Set.of(Role.MEMBER),
                Set.of()), account.version()));

        assertThatThrownBy(() -> accounts.me()).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("auth.session-ended"));
        assertThatThrownBy(() -> organisation.findBranches(BranchFilter.none(), new PageRequest(0, 1, "name", true)))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("auth.session-ended"));
    }

    @Test
    @WithUserDetails("admin")
    void aChangeMadeByAnotherInstanceIsSeenWithinTheCheckInterval() {
        AccountSummary account = create(Set.of(Role.MEMBER));
        PortalUser session = signedIn(account.login());
        assertThat(stamps.check(session)).isEmpty();

        // Another instance sharing the database: the row changes, no event reaches this instance.
        mapper.updateSecurityStamp(account.id(), session.securityStamp() + 1, SessionEndReason.RIGHTS_CHANGED.name());

        assertThat(stamps.check(session)).as("still trusted for a moment").isEmpty();
        clock.advance(properties.sessionCheckInterval());
        assertThat(stamps.check(session)).contains(SessionEndReason.RIGHTS_CHANGED);
    }

    @Test
    @WithUserDetails("admin")
    void aSignInAfterAChangeOnAnotherInstanceIsNotTakenForAnEndedSession() {
        AccountSummary account = create(Set.of(Role.MEMBER));
        PortalUser before = signedIn(account.login());
        assertThat(stamps.check(before)).isEmpty();

        mapper.updateSecurityStamp(account.id(), before.securityStamp() + 1, SessionEndReason.PASSWORD_CHANGED.name());
        PortalUser after = signedIn(account.login());

        assertThat(stamps.check(after)).as("what this instance remembers is older than the sign-in").isEmpty();
        assertThat(stamps.check(before)).contains(SessionEndReason.PASSWORD_CHANGED);
    }

    @Test
    void principalsThePortalMakesForItsOwnWorkAreNotChecked() {
        PortalUser systemUser = system.callAsSystem(currentUser::require);

        assertThat(systemUser.securityStamp()).isNull();
        assertThat(stamps.check(systemUser)).isEmpty();
    }

    /** The principal a sign-in of this account puts into a new session, as the session keeps it. */
    private PortalUser signedIn(String login) {
        return ((PortalUser) users.loadUserByUsername(login)).withoutPassword();
    }

    private AccountSummary create(Set<Role> roles) {
        return accounts.create(new AccountForm(uniqueLogin(), "会话测试", anyBranch(), roles, Set.of()), PASSWORD);
    }

    private static AccountForm form(AccountSummary account, long branchId, Set<Role> roles, Set<Long> reviewed) {
        return new AccountForm(account.login(), account.displayName(), branchId, roles, reviewed);
    }

    private long anyBranch() {
        return organisation.findBranches(BranchFilter.none(), new PageRequest(0, 1, "name", true)).getFirst().id();
    }

    private long otherBranch(long branchId) {
        return organisation.findBranches(BranchFilter.none(), new PageRequest(0, 2, "name", true)).stream()
                .mapToLong(Branch::id).filter(id -> id != branchId).findFirst().orElseThrow();
    }
}
