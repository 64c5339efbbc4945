package org.methodportal.account;

/** A token just created: {@code secret} is what the client sends as {@code Authorization: Bearer}, shown this once. */
public record NewApiToken(String secret, ApiTokenSummary token) {
}
