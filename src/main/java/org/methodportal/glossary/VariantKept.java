package org.methodportal.glossary;

/** The author of a method kept the given local wording instead of the standard term. */
public record VariantKept(long methodId, String variant) implements KeptVariantEvent {
}
