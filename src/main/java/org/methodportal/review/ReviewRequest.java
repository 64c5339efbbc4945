package org.methodportal.review;

import org.jspecify.annotations.Nullable;

/** A reviewer's decision on the revision they saw ({@code revision}, its number in the proposal). */
public record ReviewRequest(int revision, Decision decision, Scores scores, @Nullable String comment) {
}
