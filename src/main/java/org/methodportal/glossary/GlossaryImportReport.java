package org.methodportal.glossary;

/** The outcome of a glossary import: terms added, terms changed, and lines that matched the glossary already. */
public record GlossaryImportReport(int created, int updated, int unchanged) {
}
