package org.methodportal.glossary.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A glossary_term_history row; variants are stored comma-separated. */
public record HistoryRow(long id, long termId, String action, String standard, String variants, String definition,
                         @Nullable String changedBy, Instant changedAt) {
}
