package org.methodportal.account;

import java.util.Set;

import org.methodportal.shared.PortalUser;

/** Who a bearer token stands for (rights already narrowed by its scopes) and what it may do. */
public record TokenPrincipal(PortalUser user, Set<ApiTokenScope> scopes, long tokenId) {

    public TokenPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the token may change things (any request but GET, HEAD and OPTIONS). */
    public boolean mayWrite() {
        return scopes.contains(ApiTokenScope.WRITE);
    }
}
