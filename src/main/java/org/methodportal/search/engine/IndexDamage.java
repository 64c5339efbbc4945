package org.methodportal.search.engine;

import org.jspecify.annotations.Nullable;

/**
 * An index found damaged when the adapter opened it, already set aside and replaced by an empty one.
 *
 * @param reason   what was wrong, for the log and the administrators
 * @param setAside where the damaged index was kept (never deleted); null when nothing was left to keep
 */
public record IndexDamage(String reason, @Nullable String setAside) {
}
