package org.methodportal.account;

/**
 * An enabled account named by an {@code @login} in a comment: what a reader sees of the mention
 * (the person's name, linked to their methods) instead of the login.
 */
public record MentionedAccount(long id, String login, String displayName) {
}
