package org.methodportal.search;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.SystemAuthentication;

/** The portal found the search index damaged, set it aside (kept at {@code setAside}) and rebuilds it from the database. */
public record SearchIndexSetAside(String reason, @Nullable String setAside) implements SearchIndexEvent {

    @Override
    public String action() {
        return "search.index-set-aside";
    }

    @Override
    public String detail() {
        String text = (setAside == null ? "nothing left to keep" : "kept at " + setAside) + ": " + reason;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    @Override
    public String actor() {
        return SystemAuthentication.LOGIN;
    }
}
