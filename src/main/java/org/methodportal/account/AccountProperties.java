package org.methodportal.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.account.*}: how long a signed-in session trusts the security stamp it last read.
 * A change made on this instance ends the account's other sessions at once; one made on another
 * instance sharing the database, within this interval. {@code public-api-docs}: whether the API
 * documentation (OpenAPI and Swagger UI) answers without sign-in; on with the demo data only.
 * {@code changeHandedOverPasswords}: a password an administrator sets (a new account, a reset) must
 * be changed by its owner at the next sign-in.
 */
@ConfigurationProperties("portal.account")
public record AccountProperties(@DefaultValue("5s") Duration sessionCheckInterval, boolean publicApiDocs,
                                @DefaultValue("true") boolean changeHandedOverPasswords) {
}
