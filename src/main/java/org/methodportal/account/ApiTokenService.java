package org.methodportal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.persistence.ApiTokenMapper;
import org.methodportal.account.persistence.ApiTokenRow;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API. A token is 32 random bytes, stored only as its SHA-256
 * hash: verifying one is a hash and an indexed lookup, unlike a password's deliberately slow hash,
 * so API clients need not send a password with every call. Tokens carry scopes (read, write, admin)
 * that narrow the owner's rights, expire, and can be revoked. Managing tokens needs the owner
 * signed in with the password: a token cannot create or revoke tokens.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);
    static final String PREFIX = "mpt_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX = 8;
    public static final int NAME_MAX = 100;
    public static final int MIN_VALID_DAYS = 1;
    public static final int MAX_VALID_DAYS = 366;
    /** A use is written down at most this often per token. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    /** A use after this long without one is audited. */
    static final Duration LONG_PAUSE = Duration.ofDays(30);

    private final ApiTokenMapper tokens;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenMapper tokens, AccountService accounts, CurrentUser currentUser,
                    ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a token of the signed-in user; its secret is in the result and nowhere else. */
    @Transactional
    public NewApiToken create(String name, Set<ApiTokenScope> scopes, int validDays) {
        PortalUser me = requirePasswordSession();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > NAME_MAX) {
            throw PortalException.invalid("token.name-invalid", NAME_MAX);
        }
        if (scopes == null || scopes.isEmpty()) {
            throw PortalException.invalid("token.scopes-required");
        }
        if (scopes.contains(ApiTokenScope.ADMIN) && !me.hasRole(Role.ADMIN)) {
            throw PortalException.forbidden("token.admin-scope");
        }
        if (validDays < MIN_VALID_DAYS || validDays > MAX_VALID_DAYS) {
            throw PortalException.invalid("token.validity-invalid", MIN_VALID_DAYS, MAX_VALID_DAYS);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.insert(me.id(), clean, hash(secret), secret.substring(0, PREFIX.length() + SHOWN_PREFIX),
                format(scopes), now, now.plus(Duration.ofDays(validDays)));
        ApiTokenRow row = tokens.findByHash(hash(secret)).orElseThrow();
        events.publishEvent(new ApiTokenEvent.TokenCreated(row.id(), me.login(), describe(row)));
        log.info("API token {} created by {}", row.id(), me.login());
        return new NewApiToken(secret, summary(row));
    }

    /** The signed-in user's tokens, newest first, revoked and expired ones included. */
    public List<ApiTokenSummary> mine() {
        return tokens.findByAccount(currentUser.require().id()).stream().map(ApiTokenService::summary).toList();
    }

    /** Revokes one of the signed-in user's tokens; it stops working at once. */
    @Transactional
    public void revoke(long tokenId) {
        PortalUser me = requirePasswordSession();
        ApiTokenRow row = tokens.findById(tokenId).filter(t -> t.accountId() == me.id())
                .orElseThrow(() -> PortalException.notFound("token.not-found", tokenId));
        if (tokens.revoke(tokenId, clock.instant()) > 0) {
            events.publishEvent(new ApiTokenEvent.TokenRevoked(tokenId, me.login(), describe(row)));
            log.info("API token {} revoked by {}", tokenId, me.login());
        }
    }

    /**
     * The principal a bearer token stands for, its rights narrowed by the token's scopes; empty when
     * the token is unknown, revoked, expired or its account disabled.
     */
    @Transactional
    public Optional<TokenPrincipal> authenticate(String secret, @Nullable String clientAddress) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiTokenRow> found = tokens.findByHash(hash(secret))
                .filter(t -> t.revokedAt() == null && t.expiresAt().isAfter(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenRow row = found.get();
        Optional<PortalUser> account = accounts.loadPrincipal(row.accountLogin()).filter(PortalUser::isEnabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
            tokens.updateLastUsed(row.id(), now, now.minus(USE_RECORDED_EVERY));
            if (row.lastUsedAt() != null && row.lastUsedAt().isBefore(now.minus(LONG_PAUSE))) {
                events.publishEvent(new ApiTokenEvent.TokenUsedAfterPause(row.id(), row.accountLogin(), describe(row),
                        clientAddress));
            }
        }
        Set<ApiTokenScope> scopes = parse(row.scopes());
        return Optional.of(new TokenPrincipal(narrowed(account.get(), scopes), scopes, row.id()));
    }

    /** A token's account with the administrator's role only when the token has the admin scope. */
    private static PortalUser narrowed(PortalUser user, Set<ApiTokenScope> scopes) {
        Set<Role> roles = user.roles().stream()
                .filter(r -> r != Role.ADMIN || scopes.contains(ApiTokenScope.ADMIN))
                .collect(Collectors.toUnmodifiableSet());
        return new PortalUser(user.id(), user.login(), user.displayName(), null, user.isEnabled(), user.branchId(),
                user.departmentId(), roles, user.reviewerDepartmentIds(), user.locale(), user.securityStamp());
    }

    private PortalUser requirePasswordSession() {
        // Requests authenticated by a token never reach here: ApiTokenFilter refuses them on the
        // token paths, so that a leaked token cannot mint or keep itself alive.
        return currentUser.require();
    }

    private static ApiTokenSummary summary(ApiTokenRow row) {
        return new ApiTokenSummary(row.id(), row.name(), row.tokenPrefix() + "…", parse(row.scopes()), row.createdAt(),
                row.expiresAt(), row.lastUsedAt(), row.revokedAt());
    }

    private static String describe(ApiTokenRow row) {
        return row.name() + " (" + row.tokenPrefix() + "…, " + row.scopes() + ")";
    }

    private static String format(Set<ApiTokenScope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    private static Set<ApiTokenScope> parse(String scopes) {
        return Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank())
                .map(s -> ApiTokenScope.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** SHA-256 of the token, hex: a token is random enough that a fast hash keeps it safe at rest. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
