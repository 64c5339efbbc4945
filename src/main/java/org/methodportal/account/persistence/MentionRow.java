package org.methodportal.account.persistence;

import java.util.Locale;

/** An account as the mention autocomplete shows it, with the pinyin key it was matched on. */
public record MentionRow(long id, String login, String displayName, String branchName, String displayNamePinyin) {

    /**
     * Whether the login, the display name (any case), the full pinyin or the pinyin initials start
     * with the text: the same test as the prefix query, for ranking rows read by the "contains" one.
     */
    public boolean startsWith(String text, String pinyin) {
        int space = displayNamePinyin.indexOf(' ');
        return login.startsWith(text) || displayName.toLowerCase(Locale.ROOT).startsWith(text)
                || displayNamePinyin.startsWith(pinyin)
                || (space >= 0 && displayNamePinyin.startsWith(pinyin, space + 1));
    }
}
