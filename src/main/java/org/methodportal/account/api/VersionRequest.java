package org.methodportal.account.api;

import org.jspecify.annotations.Nullable;

/** Body of enable and disable: the version read, unless it is sent as {@code If-Match}. */
record VersionRequest(@Nullable Integer version) {
}
