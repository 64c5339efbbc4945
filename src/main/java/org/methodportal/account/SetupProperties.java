package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.setup.*}: the first administrator of an installation without accounts. Without
 * {@code admin-login} the portal prints a one-time setup key at start and waits for someone to
 * open the setup page with it; with it (e.g. {@code --portal.setup.admin-login=admin} on the command
 * line) it creates that administrator at start, in {@code department} / {@code branch}, with a
 * random password printed once that must be changed at the first sign-in.
 */
@ConfigurationProperties("portal.setup")
public record SetupProperties(@Nullable String adminLogin, @DefaultValue("系统管理") String department,
                              @DefaultValue("系统管理") String branch) {
}
