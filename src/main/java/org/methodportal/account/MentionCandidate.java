package org.methodportal.account;

/**
 * An account offered when someone types "@" in a comment: what it takes to write the mention
 * ({@code login}) and to tell namesakes apart, nothing of the account's administration.
 */
public record MentionCandidate(String login, String displayName, String branchName) {
}
