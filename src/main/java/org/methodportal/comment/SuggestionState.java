package org.methodportal.comment;

/** A suggested edit waits for the draft's author, was applied to a new revision, or was dismissed. */
public enum SuggestionState { PENDING, APPLIED, DISMISSED }
