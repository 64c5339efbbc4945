package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The autosaved state of an open editor, kept per author and method ({@code methodId} null for a
 * method not saved yet): the editor's own JSON, opaque to the service, and the revision it started from.
 */
public record WorkingCopy(@Nullable Long methodId, @Nullable Integer baseRevision, String content, Instant savedAt) {
}
