package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.security.secret-key}: 32 random bytes in Base64 (e.g. {@code openssl rand -base64 32})
 * that encrypt the second factor's keys in the database; unset, a key file beside the database is
 * used (see {@link SecretBox}). Instances sharing a database must be given the same.
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(@Nullable String secretKey) {

    /** Keeps the key out of any log line that prints the settings. */
    @Override
    public String toString() {
        return "SecurityProperties[secretKey=" + (secretKey == null ? "unset" : "******") + "]";
    }
}
