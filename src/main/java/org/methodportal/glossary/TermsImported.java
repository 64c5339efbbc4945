package org.methodportal.glossary;

/** A glossary file was imported: so many terms created, updated and left unchanged. */
public record TermsImported(int created, int updated, int unchanged) implements GlossaryTermEvent {

    @Override
    public String objectId() {
        return "-";
    }

    @Override
    public String detail() {
        return "created " + created + ", updated " + updated + ", unchanged " + unchanged;
    }
}
