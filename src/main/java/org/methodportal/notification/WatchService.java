package org.methodportal.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.methodportal.account.AccountService;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.methodportal.notification.persistence.WatchMapper;
import org.methodportal.shared.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watching (关注): watchers of a method hear of its new comments, proposals and published
 * versions. People watch explicitly or automatically when they draft, propose or comment (unless
 * they turned automatic watching off, or unwatched that method: an unwatch sticks). A change request
 * is watched through its target, the published method. Methods the caller may not see are "not
 * found", as everywhere.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class WatchService {

    private final WatchMapper watches;
    private final MethodService methods;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WatchService(WatchMapper watches, MethodService methods, AccountService accounts, CurrentUser currentUser,
                 ApplicationEventPublisher events, Clock clock) {
        this.watches = watches;
        this.methods = methods;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the caller watches the method (for a change request: its target). */
    public WatchState state(long methodId) {
        long watched = watchedId(methods.get(methodId));
        return new WatchState(watched, watches.findState(currentUser.require().id(), watched).orElse(false));
    }

    public boolean isWatching(long methodId) {
        return state(methodId).watching();
    }

    /** The caller watches the method from now on (idempotent). */
    @Transactional
    public WatchState watch(long methodId) {
        return set(methodId, true);
    }

    /** The caller stops watching; automatic watching will not add them back to this method. */
    @Transactional
    public WatchState unwatch(long methodId) {
        return set(methodId, false);
    }

    /** Ids of the enabled accounts watching the method (for a change request: its target). */
    public List<Long> watcherIds(long methodId) {
        return watches.findWatcherIds(watchedId(methods.get(methodId)));
    }

    /**
     * Lets the account watch the method when it takes part in it, unless it turned automatic
     * watching off or unwatched this method before. Runs in the caller's transaction (a listener's).
     */
    @Transactional
    void watchAutomatically(long accountId, long watchedMethodId) {
        if (accounts.autoWatches(accountId)) {
            watches.insertIfAbsent(accountId, watchedMethodId, true, clock.instant());
        }
    }

    /**
     * The watchers of {@code watchedMethodId} who may see {@code visibleMethodId} (the method the
     * news is about, e.g. a change request): who is told of an event.
     */
    Set<Long> watchersWhoMaySee(long watchedMethodId, long visibleMethodId) {
        return methods.whoMaySee(visibleMethodId, watches.findWatcherIds(watchedMethodId));
    }

    Set<Long> whoMaySee(long methodId, Collection<Long> accountIds) {
        return methods.whoMaySee(methodId, accountIds);
    }

    private WatchState set(long methodId, boolean watching) {
        long watched = watchedId(methods.get(methodId));
        long me = currentUser.require().id();
        if (watches.findState(me, watched).orElse(!watching) != watching) {
            if (watches.updateState(me, watched, watching, clock.instant()) == 0
                    && watches.insertIfAbsent(me, watched, watching, clock.instant()) == 0) {
                // A concurrent insert of the same pair won; this call's wish is the later one.
                watches.updateState(me, watched, watching, clock.instant());
            }
            events.publishEvent(watching ? new MethodWatched(watched, me) : new MethodUnwatched(watched, me));
        }
        return new WatchState(watched, watching);
    }

    private static long watchedId(MethodDetail method) {
        return method.changeOfMethodId() != null ? method.changeOfMethodId() : method.id();
    }
}
