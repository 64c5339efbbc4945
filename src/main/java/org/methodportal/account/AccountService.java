package org.methodportal.account;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.AccountQuery;
import org.methodportal.account.persistence.AccountRow;
import org.methodportal.account.persistence.MentionQuery;
import org.methodportal.account.persistence.MentionRow;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.DisplayNames;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.Pinyin;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SignInObligation;
import org.methodportal.shared.SignInSetup;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Accounts: administration, own password and language, and the principal used at sign-in. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    public static final Set<Locale> SUPPORTED_LOCALES = Set.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    /** How many accounts the mention autocomplete offers. */
    public static final int MENTION_LIMIT = 8;
    private static final int MENTION_SCAN = 200;
    private static final Pattern LOGIN_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountMapper accounts;
    private final OrganisationService organisation;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecurityStamps stamps;
    private final AccountProperties properties;

    AccountService(AccountMapper accounts, OrganisationService organisation, PasswordEncoder passwordEncoder,
                   CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, SecurityStamps stamps,
                   AccountProperties properties) {
        this.properties = properties;
        this.accounts = accounts;
        this.organisation = organisation;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.stamps = stamps;
    }

    /** Ids of the enabled reviewers of a department, e.g. to tell them a proposal waits for review. */
    @PreAuthorize("isAuthenticated()")
    public List<Long> reviewerIdsOf(long departmentId) {
        return accounts.findReviewerIdsOfDepartment(departmentId);
    }

    /** Ids of the enabled secretaries of a branch, e.g. to remind them of a report their branch owes. */
    @PreAuthorize("isAuthenticated()")
    public List<Long> secretaryIdsOf(long branchId) {
        return accounts.findSecretaryIdsOfBranch(branchId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> find(AccountFilter filter, PageRequest page) {
        List<AccountRow> rows = accounts.findPage(query(filter), page.sortKey(), page.ascending(), page.offset(),
                page.limit());
        return withRoles(rows);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count(AccountFilter filter) {
        return accounts.count(query(filter));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PageResult<AccountSummary> page(AccountFilter filter, PageRequest page) {
        return new PageResult<>(find(filter, page), count(filter), page.page(), page.limit());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary get(long id) {
        return withRoles(List.of(row(id))).getFirst();
    }

    /**
     * Accounts whose display name, login or pinyin of the name contains {@code text}, in name
     * order, for pickers any signed-in user may open (the method browser's author filter).
     */
    @PreAuthorize("isAuthenticated()")
    public List<AccountRef> findRefs(@Nullable String text, int offset, int limit) {
        return accounts.findPage(query(new AccountFilter(text, null, null, null, null)), "displayName", true, offset,
                Math.clamp(limit, 1, 100)).stream().map(AccountService::ref).toList();
    }

    /** The account with this id, as any signed-in user may see it. */
    @PreAuthorize("isAuthenticated()")
    public Optional<AccountRef> findRef(long id) {
        return accounts.findById(id).map(AccountService::ref);
    }

    /** The account with this login name (any case), as any signed-in user may see it. */
    @PreAuthorize("isAuthenticated()")
    public Optional<AccountRef> findRefByLogin(String login) {
        return accounts.findByLogin(normaliseLogin(login)).map(AccountService::ref);
    }

    /**
     * Up to {@value #MENTION_LIMIT} enabled accounts for "@" autocomplete: those whose login,
     * display name, full pinyin or pinyin initials start with {@code text} first, then those
     * containing it, each group in name order. Blank text gives the first accounts by name.
     * <p>
     * One scan in name order collects up to {@value #MENTION_SCAN} accounts containing the text:
     * for a rare text that is every match, ranked here; only when it stopped at the cap with fewer
     * than {@value #MENTION_LIMIT} prefix matches does a prefix query look further (figures in
     * docs/benchmarks.md).
     */
    @PreAuthorize("isAuthenticated()")
    public List<MentionCandidate> mentionCandidates(@Nullable String text) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (typed.startsWith("@")) {
            typed = typed.substring(1);
        }
        String pinyin = Pinyin.normaliseQuery(typed);
        if (pinyin.isEmpty()) {
            return candidates(accounts.findMentionCandidates(new MentionQuery(true, "%", "%"), List.of(),
                    MENTION_LIMIT));
        }
        List<MentionRow> matches = accounts.findMentionCandidates(new MentionQuery(false,
                LikePattern.contains(typed), LikePattern.contains(pinyin)), List.of(), MENTION_SCAN);
        String word = typed;
        List<MentionRow> prefixed = matches.stream().filter(r -> r.startsWith(word, pinyin)).toList();
        if (matches.size() == MENTION_SCAN && prefixed.size() < MENTION_LIMIT) {
            prefixed = accounts.findMentionCandidates(new MentionQuery(true, LikePattern.startsWith(typed),
                    LikePattern.startsWith(pinyin)), List.of(), MENTION_LIMIT);
        }
        Map<Long, MentionRow> ranked = new LinkedHashMap<>();
        prefixed.forEach(r -> ranked.put(r.id(), r));
        matches.forEach(r -> ranked.putIfAbsent(r.id(), r));
        return candidates(ranked.values().stream().limit(MENTION_LIMIT).toList());
    }

    private static List<MentionCandidate> candidates(List<MentionRow> rows) {
        return rows.stream().map(r -> new MentionCandidate(r.login(), r.displayName(), r.branchName())).toList();
    }

    /** The enabled accounts with these logins (any case), by lower-case login; unknown ones are left out. */
    @PreAuthorize("isAuthenticated()")
    public Map<String, Long> enabledIdsByLogin(Collection<String> logins) {
        Map<String, Long> ids = new HashMap<>();
        mentionable(logins).forEach((login, account) -> ids.put(login, account.id()));
        return ids;
    }

    /**
     * The enabled accounts with these logins (any case) as a mention shows them, by lower-case
     * login; unknown and disabled ones are left out. Any signed-in user may see the names, as the
     * mention autocomplete offers them.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<String, MentionedAccount> mentionable(Collection<String> logins) {
        Set<String> wanted = new HashSet<>();
        logins.forEach(l -> wanted.add(normaliseLogin(l)));
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, MentionedAccount> found = new HashMap<>();
        accounts.findEnabledByLogins(wanted).forEach(r -> found.put(r.login(),
                new MentionedAccount(r.id(), r.login(), r.displayName())));
        return found;
    }

    /**
     * What the access rules need to know about these accounts (roles, branch, reviewed departments),
     * so that a service can decide what someone other than the caller may see; disabled and unknown
     * accounts are left out, as they see nothing. No password hashes.
     */
    @PreAuthorize("isAuthenticated()")
    public List<PortalUser> enabledPrincipals(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AccountRow> rows = accounts.findByIds(Set.copyOf(ids)).stream().filter(AccountRow::enabled).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> found = rows.stream().map(AccountRow::id).toList();
        Map<Long, Set<Role>> roles = rolesOf(found);
        Map<Long, Set<Long>> reviewed = reviewerDepartmentsOf(found);
        return rows.stream().map(row -> new PortalUser(row.id(), row.login(), row.displayName(), null, true,
                row.branchId(), row.departmentId(), roles.getOrDefault(row.id(), Set.of()),
                reviewed.getOrDefault(row.id(), Set.of()), localeOf(row.locale()))).toList();
    }

    /** Whether the account starts watching the methods it takes part in ("自动关注我参与的工作法"). */
    @PreAuthorize("isAuthenticated()")
    public boolean autoWatches(long accountId) {
        return accounts.findAutoWatch(accountId).orElse(false);
    }

    /** Turns the signed-in user's automatic watching on or off. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnAutoWatch(boolean autoWatch) {
        PortalUser me = currentUser.require();
        accounts.updateAutoWatch(me.id(), autoWatch);
        events.publishEvent(new AccountEvent.AutoWatchChanged(me.id(), me.login(), autoWatch));
    }

    /** The signed-in user's own account. */
    @PreAuthorize("isAuthenticated()")
    @SignInSetup
    public AccountSummary me() {
        return withRoles(List.of(row(currentUser.require().id()))).getFirst();
    }

    /**
     * Creates an account with an initial password the administrator hands over; its owner must
     * change it at the first sign-in (unless {@code portal.account.change-handed-over-passwords} is
     * off, or the portal itself creates the account, e.g. the demo data).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary create(AccountForm form, String initialPassword) {
        return create(form, initialPassword, handedOver());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    AccountSummary create(AccountForm form, String initialPassword, boolean mustChange) {
        String login = normaliseLogin(form.login());
        if (!LOGIN_PATTERN.matcher(login).matches()) {
            throw PortalException.invalid("account.login-invalid", login);
        }
        if (accounts.findByLogin(login).isPresent()) {
            throw PortalException.conflict("account.login-taken", login);
        }
        checkAssignments(form);
        String displayName = DisplayNames.require(form.displayName());
        PasswordPolicy.check(initialPassword, login, displayName);
        accounts.insert(login, displayName, Pinyin.searchKey(displayName), passwordEncoder.encode(initialPassword),
                form.branchId(), clock.instant(), mustChange);
        long id = accounts.findByLogin(login).orElseThrow().id();
        writeAssignments(id, form);
        events.publishEvent(new AccountEvent.AccountCreated(id, login, describe(form)));
        log.info("account {} created", id);
        return get(id);
    }

    /**
     * Changes name, branch, roles and reviewer departments; the login name never changes. A change
     * of branch, roles or reviewer departments ends the account's sessions (but the caller's own).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary update(long id, AccountForm form, int expectedVersion) {
        AccountRow current = row(id);
        AccountSummary before = get(id);
        checkAssignments(form);
        if (current.id() == currentUser.require().id() && !form.roles().contains(Role.ADMIN)) {
            throw PortalException.invalid("account.cannot-demote-self");
        }
        String displayName = DisplayNames.require(form.displayName());
        if (accounts.update(id, displayName, Pinyin.searchKey(displayName), form.branchId(), expectedVersion) == 0) {
            throw PortalException.stale("account.stale", current.login());
        }
        accounts.deleteRoles(id);
        accounts.deleteReviewerDepartments(id);
        writeAssignments(id, form);
        events.publishEvent(new AccountEvent.AccountUpdated(id, current.login(), describeChange(before, form)));
        if (rightsChange(before, form)) {
            renewStamp(current, SessionEndReason.RIGHTS_CHANGED);
        }
        return get(id);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary setEnabled(long id, boolean enabled, int expectedVersion) {
        AccountRow current = row(id);
        if (!enabled && current.id() == currentUser.require().id()) {
            throw PortalException.invalid("account.cannot-disable-self");
        }
        if (accounts.updateEnabled(id, enabled, expectedVersion) == 0) {
            throw PortalException.stale("account.stale", current.login());
        }
        events.publishEvent(enabled ? new AccountEvent.AccountEnabled(id, current.login())
                : new AccountEvent.AccountDisabled(id, current.login()));
        if (enabled) {
            events.publishEvent(new SecurityStateChanged(id));
        } else {
            // A new stamp as well: enabling the account again must not bring its old sessions back.
            renewStamp(current, SessionEndReason.DISABLED);
        }
        return get(id);
    }

    /**
     * An administrator sets a new password for someone who forgot theirs; their open sessions end,
     * and they must choose their own at the next sign-in.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(long id, String newPassword) {
        AccountRow current = row(id);
        PasswordPolicy.check(newPassword, current.login(), current.displayName());
        accounts.updatePassword(id, passwordEncoder.encode(newPassword), handedOver());
        events.publishEvent(new AccountEvent.PasswordReset(id, current.login()));
        renewStamp(current, SessionEndReason.PASSWORD_CHANGED);
    }

    /**
     * The signed-in user changes their own password; the current one must be given. Their other
     * sessions end, this one goes on.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    @SignInSetup
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AccountRow me = row(currentUser.require().id());
        if (!passwordEncoder.matches(currentPassword, me.passwordHash())) {
            throw PortalException.invalid("account.password-wrong");
        }
        PasswordPolicy.check(newPassword, me.login(), me.displayName());
        if (passwordEncoder.matches(newPassword, me.passwordHash())) {
            throw PortalException.invalid("account.password-unchanged");
        }
        accounts.updatePassword(me.id(), passwordEncoder.encode(newPassword), false);
        events.publishEvent(new AccountEvent.PasswordChanged(me.id(), me.login()));
        renewStamp(me, SessionEndReason.PASSWORD_CHANGED);
        currentUser.require().fulfil(SignInObligation.CHANGE_PASSWORD);
    }

    /** Saves the signed-in user's language, so that it follows them to every session. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    @SignInSetup
    public void changeOwnLocale(Locale locale) {
        if (!SUPPORTED_LOCALES.contains(locale)) {
            throw PortalException.invalid("account.locale-unsupported", locale.toLanguageTag());
        }
        PortalUser me = currentUser.require();
        accounts.updateLocale(me.id(), locale.toLanguageTag());
        me.changeLocale(locale);
        events.publishEvent(new AccountEvent.LocaleChanged(me.id(), me.login(), locale.toLanguageTag()));
    }

    /** The principal for sign-in, with its password hash; empty when the login is unknown. */
    Optional<PortalUser> loadPrincipal(String login) {
        return accounts.findByLogin(normaliseLogin(login)).map(row -> {
            Map<Long, Set<Role>> roles = rolesOf(List.of(row.id()));
            Map<Long, Set<Long>> reviewed = reviewerDepartmentsOf(List.of(row.id()));
            var user = new PortalUser(row.id(), row.login(), row.displayName(), row.passwordHash(), row.enabled(),
                    row.branchId(), row.departmentId(), roles.getOrDefault(row.id(), Set.of()),
                    reviewed.getOrDefault(row.id(), Set.of()), localeOf(row.locale()), row.securityStamp());
            if (row.passwordChangeRequired()) {
                user.oblige(Set.of(SignInObligation.CHANGE_PASSWORD));
            }
            return user;
        });
    }

    /**
     * Gives the account a new security stamp, so that its sessions signed in before end. When the
     * account is the caller's own, the caller's session takes the new stamp (and, after a change of
     * rights, the new rights) and goes on; should the transaction roll back, it gets the old ones back.
     */
    private void renewStamp(AccountRow account, SessionEndReason reason) {
        long stamp = stamps.renew(account.id(), reason);
        events.publishEvent(new SecurityStateChanged(account.id()));
        PortalUser me = currentUser.find().orElse(null);
        if (me == null || me.id() != account.id() || me.securityStamp() == null) {
            return;
        }
        long previousStamp = me.securityStamp();
        me.changeSecurityStamp(stamp);
        boolean rightsChanged = reason == SessionEndReason.RIGHTS_CHANGED;
        if (rightsChanged) {
            PortalUser fresh = loadPrincipal(account.login()).orElseThrow().withoutPassword();
            fresh.changeLocale(me.locale());
            fresh.oblige(me.obligations());
            currentUser.replace(fresh);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    me.changeSecurityStamp(previousStamp);
                    if (rightsChanged) {
                        currentUser.replace(me);
                    }
                }
            }
        });
    }

    /** Whether the form changes what the account may do (what its sessions' principals hold), not only its name. */
    static boolean rightsChange(AccountSummary account, AccountForm form) {
        return account.branchId() != form.branchId() || !account.roles().equals(EnumSet.copyOf(form.roles()))
                || !account.reviewerDepartmentIds().equals(Set.copyOf(form.reviewerDepartmentIds()));
    }

    /**
     * A sign-in finished (after the second factor, where the account has one): the last sign-in is
     * recorded and audited.
     */
    @Transactional
    void signedIn(String login, @Nullable String clientAddress) {
        accounts.updateLastLogin(normaliseLogin(login), clock.instant());
        events.publishEvent(new LoginEvent.LoginSucceeded(login, clientAddress));
    }

    /** Whether a password set now by the caller is one that its owner must change. */
    private boolean handedOver() {
        return properties.changeHandedOverPasswords() && currentUser.require().id() != SystemAuthentication.ACCOUNT_ID;
    }

    /** Whether any account exists (the demo data is only loaded into an empty database). */
    public boolean anyAccountExists() {
        return accounts.countAll() > 0;
    }

    static String normaliseLogin(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    static Locale localeOf(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        Locale locale = Locale.forLanguageTag(tag);
        return SUPPORTED_LOCALES.contains(locale) ? locale : Locale.SIMPLIFIED_CHINESE;
    }

    private void checkAssignments(AccountForm form) {
        if (form.roles().isEmpty()) {
            throw PortalException.invalid("account.roles-required");
        }
        organisation.branch(form.branchId());
        form.reviewerDepartmentIds().forEach(organisation::department);
    }

    private void writeAssignments(long id, AccountForm form) {
        EnumSet.copyOf(form.roles()).forEach(role -> accounts.insertRole(id, role));
        form.reviewerDepartmentIds().stream().sorted().forEach(dept -> accounts.insertReviewerDepartment(id, dept));
    }

    private AccountRow row(long id) {
        return accounts.findById(id).orElseThrow(() -> PortalException.notFound("account.not-found", id));
    }

    private static AccountRef ref(AccountRow row) {
        return new AccountRef(row.id(), row.displayName(), row.departmentName(), row.branchName());
    }

    private List<AccountSummary> withRoles(List<AccountRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(AccountRow::id).toList();
        Map<Long, Set<Role>> roles = rolesOf(ids);
        Map<Long, Set<Long>> reviewed = reviewerDepartmentsOf(ids);
        return rows.stream().map(r -> new AccountSummary(r.id(), r.login(), r.displayName(), r.branchId(),
                r.branchName(), r.departmentId(), r.departmentName(), roles.getOrDefault(r.id(), Set.of()),
                reviewed.getOrDefault(r.id(), Set.of()), r.enabled(), r.locale(), r.createdAt(), r.lastLoginAt(),
                r.version())).toList();
    }

    private Map<Long, Set<Role>> rolesOf(Collection<Long> ids) {
        Map<Long, Set<Role>> result = new HashMap<>();
        accounts.findRoles(ids).forEach(r -> result.computeIfAbsent(r.accountId(), k -> EnumSet.noneOf(Role.class))
                .add(r.role()));
        return result;
    }

    private Map<Long, Set<Long>> reviewerDepartmentsOf(Collection<Long> ids) {
        Map<Long, Set<Long>> result = new HashMap<>();
        accounts.findReviewerDepartments(ids).forEach(r -> result.computeIfAbsent(r.accountId(),
                k -> new HashSet<>()).add(r.departmentId()));
        return result;
    }

    private static AccountQuery query(AccountFilter filter) {
        String text = filter.text();
        String pinyin = text == null || text.isBlank() ? null : LikePattern.contains(Pinyin.normaliseQuery(text));
        return new AccountQuery(LikePattern.contains(text == null ? null : text.toLowerCase(Locale.ROOT)), pinyin,
                filter.departmentId(), filter.branchId(), filter.role(), filter.enabled());
    }

    private static String describe(AccountForm form) {
        return form.displayName() + " roles=" + EnumSet.copyOf(form.roles()) + " branch=" + form.branchId()
                + " reviews=" + form.reviewerDepartmentIds().stream().sorted().toList();
    }

    /** As {@link #describe}, with "old → new" wherever the change altered the roles, branch or reviewed departments. */
    private static String describeChange(AccountSummary before, AccountForm form) {
        return form.displayName()
                + change(" roles=", new TreeSet<>(before.roles()), new TreeSet<>(form.roles()))
                + change(" branch=", before.branchId(), form.branchId())
                + change(" reviews=", before.reviewerDepartmentIds().stream().sorted().toList(),
                        form.reviewerDepartmentIds().stream().sorted().toList());
    }

    private static String change(String label, Object before, Object after) {
        return label + (before.equals(after) ? after : before + " → " + after);
    }
}
