package org.methodportal.glossary;

/** The author of a method took back keeping the given local wording. */
public record VariantReleased(long methodId, String variant) implements KeptVariantEvent {
}
