package org.methodportal.glossary.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A glossary_term row; tags are stored comma-separated. */
public record TermRow(long id, String standard, String definition, @Nullable String category, String tags,
                      int version, Instant updatedAt) {
}
