package org.methodportal.glossary.persistence;

/** A glossary_variant row: a variant (地方话) of the term {@code termId}. */
public record VariantRow(long termId, String variant) {
}
