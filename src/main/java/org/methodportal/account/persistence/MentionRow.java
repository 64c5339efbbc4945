package org.methodportal.account.persistence;

/** An account as the mention autocomplete shows it. */
public record MentionRow(long id, String login, String displayName, String branchName) {
}
