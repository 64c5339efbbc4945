package org.methodportal.account;

/**
 * An account's security stamp or enabled flag changed, so what was read of them before is out of
 * date; sessions signed in before a new stamp end at their next request.
 */
record SecurityStateChanged(long accountId) {
}
