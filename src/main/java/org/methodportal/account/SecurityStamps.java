package org.methodportal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.SecurityStateRow;
import org.methodportal.shared.PortalUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides whether a signed-in principal may go on: its account must still be enabled and still
 * carry the security stamp the principal got at sign-in. The stamp is read from the database by
 * primary key, so a change made on any instance reaches every instance's sessions; a stamp read
 * here is trusted for {@code portal.account.session-check-interval}, and a change made on this
 * instance drops it at once.
 */
@Component
class SecurityStamps {

    /** Beyond this many remembered accounts the memory is emptied rather than grown (300,000 accounts). */
    static final int MAX_REMEMBERED = 20_000;

    private final AccountMapper accounts;
    private final AccountProperties properties;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final Map<Long, Remembered> remembered = new ConcurrentHashMap<>();

    SecurityStamps(AccountMapper accounts, AccountProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Why the principal's session must end, or empty while it may go on (always for the portal's
     * own principals). An ending is only ever decided on a fresh read: what was remembered may
     * predate a change made on another instance that a newer sign-in already carries.
     */
    Optional<SessionEndReason> check(PortalUser user) {
        Long stamp = user.securityStamp();
        if (stamp == null) {
            return Optional.empty();
        }
        Optional<SessionEndReason> verdict = verdict(current(user.id(), false), stamp);
        return verdict.isEmpty() ? verdict : verdict(current(user.id(), true), stamp);
    }

    private static Optional<SessionEndReason> verdict(@Nullable SecurityStateRow row, long stamp) {
        if (row == null || !row.enabled()) {
            return Optional.of(SessionEndReason.DISABLED);
        }
        if (row.securityStamp() != stamp) {
            return Optional.of(row.securityStampReason() == null ? SessionEndReason.RIGHTS_CHANGED
                    : SessionEndReason.valueOf(row.securityStampReason()));
        }
        return Optional.empty();
    }

    /**
     * The account's state, remembered for a while unless {@code fresh}. Inside a writing
     * transaction it is read afresh and not remembered: that transaction may have renewed the stamp
     * itself, and what it wrote is neither visible to others nor certain to commit.
     */
    private @Nullable SecurityStateRow current(long accountId, boolean fresh) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return accounts.findSecurityState(accountId).orElse(null);
        }
        Instant now = clock.instant();
        Remembered state = remembered.get(accountId);
        if (fresh || state == null || !now.isBefore(state.readAt().plus(properties.sessionCheckInterval()))) {
            state = new Remembered(accounts.findSecurityState(accountId).orElse(null), now);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(accountId, state);
        }
        return state.row();
    }

    /** Gives the account a new stamp, ending every session signed in before; returns the stamp. */
    long renew(long accountId, SessionEndReason reason) {
        long stamp = random.nextLong();
        accounts.updateSecurityStamp(accountId, stamp, reason.name());
        return stamp;
    }

    /**
     * Drops what was read before a change here ended (committed or not), so this instance's
     * sessions see the outcome at their next request.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void forget(SecurityStateChanged changed) {
        remembered.remove(changed.accountId());
    }

    private record Remembered(@Nullable SecurityStateRow row, Instant readAt) {
    }
}
