package org.methodportal.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as the security context holds it. Every module reads the current user
 * through this type, so none of them needs the account module's internals.
 */
public final class PortalUser implements UserDetails {

    private final long id;
    private final String login;
    private final String displayName;
    private final @Nullable String passwordHash;
    private final boolean enabled;
    private final long branchId;
    private final long departmentId;
    private final Set<Role> roles;
    private final Set<Long> reviewerDepartmentIds;
    private volatile Locale locale;
    private volatile @Nullable Long securityStamp;
    private volatile Set<SignInObligation> obligations = Set.of();

    /** A principal without a security stamp: one the portal makes for its own work, never one from sign-in. */
    public PortalUser(long id, String login, String displayName, @Nullable String passwordHash, boolean enabled,
                      long branchId, long departmentId, Set<Role> roles, Set<Long> reviewerDepartmentIds,
                      Locale locale) {
        this(id, login, displayName, passwordHash, enabled, branchId, departmentId, roles, reviewerDepartmentIds,
                locale, null);
    }

    /**
     * A principal carrying the account's security stamp as it was at sign-in; a session whose stamp
     * no longer matches the account's ends (its rights, state or password changed since).
     */
    public PortalUser(long id, String login, String displayName, @Nullable String passwordHash, boolean enabled,
                      long branchId, long departmentId, Set<Role> roles, Set<Long> reviewerDepartmentIds,
                      Locale locale, @Nullable Long securityStamp) {
        this.id = id;
        this.login = login;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.branchId = branchId;
        this.departmentId = departmentId;
        this.roles = Set.copyOf(roles);
        this.reviewerDepartmentIds = Set.copyOf(reviewerDepartmentIds);
        this.locale = locale;
        this.securityStamp = securityStamp;
    }

    public long id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public long branchId() {
        return branchId;
    }

    public long departmentId() {
        return departmentId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Set<Long> reviewerDepartmentIds() {
        return reviewerDepartmentIds;
    }

    public Locale locale() {
        return locale;
    }

    /** Updated in place when the user switches language, so the open session follows at once. */
    public void changeLocale(Locale newLocale) {
        this.locale = newLocale;
    }

    /** The account's security stamp when this principal signed in; null for the portal's own principals. */
    public @Nullable Long securityStamp() {
        return securityStamp;
    }

    /**
     * Updated in place when the account gets a new stamp through this very session (its user changed
     * their own password), so that this session goes on while the account's other sessions end.
     */
    public void changeSecurityStamp(long newStamp) {
        this.securityStamp = newStamp;
    }

    /** What the user must do first in this session (empty for almost everyone). */
    public Set<SignInObligation> obligations() {
        return obligations;
    }

    /** Set at sign-in, from the account's state. */
    public void oblige(Set<SignInObligation> pending) {
        this.obligations = pending.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pending));
    }

    /** Updated in place when the user meets an obligation through this very session. */
    public void fulfil(SignInObligation done) {
        EnumSet<SignInObligation> left = obligations.isEmpty() ? EnumSet.noneOf(SignInObligation.class)
                : EnumSet.copyOf(obligations);
        left.remove(done);
        this.obligations = Set.copyOf(left);
    }

    /** A copy without the password hash, for keeping in the session after authentication. */
    public PortalUser withoutPassword() {
        PortalUser copy = new PortalUser(id, login, displayName, null, enabled, branchId, departmentId, roles,
                reviewerDepartmentIds, locale, securityStamp);
        copy.oblige(obligations);
        return copy;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortalUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "PortalUser[" + login + "]";
    }
}
