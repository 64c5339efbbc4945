package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * Failed sign-ins for one login name, from any addresses, reached {@code failures} within the
 * throttle's memory (an hour without a failure clears it): audited at 20, 40, 80 … failures so that
 * administrators see a sustained attack on the audit page; the address is the latest attempt's.
 */
public record SignInAttackSuspected(String login, int failures, @Nullable String clientAddress)
        implements AuditableEvent {

    @Override
    public String action() {
        return "login.attack-suspected";
    }

    @Override
    public String objectType() {
        return "account";
    }

    @Override
    public String objectId() {
        return login;
    }

    @Override
    public String detail() {
        return failures + " failed sign-ins";
    }
}
