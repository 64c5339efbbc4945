package org.methodportal.glossary;

/** A glossary term was changed (by hand or by an import); its standard wording is now the given one. */
public record TermUpdated(long termId, String standard) implements GlossaryTermEvent {

    @Override
    public String objectId() {
        return Long.toString(termId);
    }

    @Override
    public String detail() {
        return standard;
    }
}
