package org.methodportal.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.methodportal.account.AccountService;
import org.methodportal.comment.CommentPosted;
import org.methodportal.comment.Mentions;
import org.methodportal.comment.VisibleComment;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about a new comment, each of them once, with the most specific news: the
 * author of the comment answered ("replied to you"), else accounts mentioned as {@code @login}, else
 * the method's watchers, whose items fold into one unread line per method. Only people who may see
 * the method the comment is on hear of it: a mention of someone who may not see a draft tells them
 * nothing. The commenter starts watching (unless they turned that off). Runs after the comment has
 * committed, in its own transaction, as the system user: who may see the method is checked per
 * recipient, and the title comes with the event as the commenter saw it.
 */
@Component
class DiscussionNotifier {

    static final String REPLIED = "comment.replied";
    static final String MENTIONED = "comment.mentioned";
    static final String POSTED = "comment.posted";

    private final NotificationService notifications;
    private final WatchService watches;
    private final AccountService accounts;
    private final SystemAuthentication system;

    DiscussionNotifier(NotificationService notifications, WatchService watches, AccountService accounts,
                       SystemAuthentication system) {
        this.notifications = notifications;
        this.watches = watches;
        this.accounts = accounts;
        this.system = system;
    }

    @ApplicationModuleListener
    void on(CommentPosted event) {
        system.runAsSystem(() -> notify(event));
    }

    private void notify(CommentPosted event) {
        long author = event.authorId();
        watches.watchAutomatically(author, event.targetMethodId());
        String title = event.methodTitle();
        String anchor = VisibleComment.elementId(event.commentId());
        Set<Long> told = new LinkedHashSet<>(List.of(author));

        Long parent = event.parentAuthorId();
        if (parent != null && !told.contains(parent)
                && !watches.whoMaySee(event.methodId(), List.of(parent)).isEmpty()) {
            notifications.deliver(List.of(parent), REPLIED, event.methodId(), title, author, anchor);
            told.add(parent);
        }

        Set<Long> mentioned = new LinkedHashSet<>(accounts.enabledIdsByLogin(Mentions.logins(event.text())).values());
        mentioned.removeAll(told);
        Set<Long> mayRead = watches.whoMaySee(event.methodId(), mentioned);
        notifications.deliver(mayRead, MENTIONED, event.methodId(), title, author, anchor);
        told.addAll(mayRead);

        Set<Long> watchers = new LinkedHashSet<>(watches.watchersWhoMaySee(event.targetMethodId(), event.methodId()));
        watchers.removeAll(told);
        notifications.deliverFolded(watchers, POSTED, event.methodId(), title, author, anchor);
    }
}
