package org.methodportal.account;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right and the account has a second factor: the sign-in is not complete, the
 * session only remembers whose code to ask for (see {@link MfaSignIn}).
 */
public class MfaPendingException extends AuthenticationException {

    MfaPendingException() {
        super("a second factor is needed");
    }
}
