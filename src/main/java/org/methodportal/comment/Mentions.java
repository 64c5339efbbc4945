package org.methodportal.comment;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds {@code @login} mentions in comment text. Logins follow the account rule ({@code [a-z0-9]}
 * then 1–63 of {@code [a-z0-9._-]}, any case typed). An "@" inside a word (an e-mail address) is no
 * mention; a sentence's full stop after a mention ("请 @zhangsan.") is offered as a second reading
 * without the trailing punctuation, and the account lookup decides which one exists. The comment
 * module renders them ({@link CommentRenderer}); the notification module tells those mentioned.
 */
public final class Mentions {

    static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{Alnum}._-])@([A-Za-z0-9][A-Za-z0-9._-]{1,63})(?![A-Za-z0-9._-])");

    private Mentions() {
    }

    /** The logins mentioned, lower case, in order of first mention, with trimmed readings. */
    public static Set<String> logins(String text) {
        Set<String> logins = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String login = m.group(1).toLowerCase(Locale.ROOT);
            logins.add(login);
            String trimmed = trimmed(login);
            if (trimmed != null) {
                logins.add(trimmed);
            }
        }
        return logins;
    }

    /** The login without a sentence's trailing punctuation, if that leaves a login that differs; else null. */
    static @Nullable String trimmed(String login) {
        String trimmed = login.replaceAll("[._-]+$", "");
        return trimmed.length() >= 2 && !trimmed.equals(login) ? trimmed : null;
    }
}
