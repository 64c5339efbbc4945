package org.methodportal.account;

import java.util.ArrayList;
import java.util.List;

import org.methodportal.shared.PortalException;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters and not easy to guess, as
 * zxcvbn estimates it (common passwords, dictionary words, keyboard runs, repetitions, dates, and
 * the account's own login and name): a score of at least {@link #MIN_SCORE} of 4, which zxcvbn
 * describes as safe against online guessing and moderately against offline guessing.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MIN_SCORE = 3;
    /** Words an attacker would try first against this portal. */
    private static final List<String> PORTAL_WORDS = List.of("portal", "method", "methodportal", "dangjian",
            "zhibu", "gongzuofa", "party", "branch", "demo");
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {
    }

    /** Refuses the password with a message saying why, or returns. */
    static void check(String password, String login, String displayName) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw PortalException.invalid("account.password-too-short", MIN_LENGTH);
        }
        List<String> ownWords = new ArrayList<>(PORTAL_WORDS);
        ownWords.add(login);
        ownWords.add(displayName);
        if (ESTIMATOR.measure(password, ownWords).getScore() < MIN_SCORE) {
            throw PortalException.invalid("account.password-weak");
        }
    }
}
