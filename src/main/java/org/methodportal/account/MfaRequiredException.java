package org.methodportal.account;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right but the account signs in with a second factor, which HTTP Basic cannot
 * carry: API clients of such an account use an API token, created in a session that passed both.
 */
class MfaRequiredException extends AuthenticationException {

    MfaRequiredException() {
        super("the account uses a second factor; use an API token");
    }
}
