package org.methodportal.search;

import org.methodportal.shared.PortalException;

/** The search engine cannot answer now; the rest of the portal works and the index catches up later. */
public class SearchUnavailableException extends PortalException {

    public SearchUnavailableException(Throwable cause) {
        super(Kind.UNAVAILABLE, "search.unavailable");
        initCause(cause);
    }

    protected SearchUnavailableException(String code, Object... args) {
        super(Kind.UNAVAILABLE, code, args);
    }
}
