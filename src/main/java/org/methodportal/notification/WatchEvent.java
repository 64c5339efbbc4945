package org.methodportal.notification;

import org.methodportal.shared.MethodEvent;

/**
 * The signed-in user started or stopped watching a method (a change request is watched through its
 * target); audited under the action names kept here.
 */
public sealed interface WatchEvent extends MethodEvent permits MethodWatched, MethodUnwatched {

    long accountId();

    @Override
    default String action() {
        return switch (this) {
            case MethodWatched e -> "method.watched";
            case MethodUnwatched e -> "method.unwatched";
        };
    }
}
