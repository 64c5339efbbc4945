package org.methodportal.glossary;

/** A glossary term was created (by hand or by an import) with the given standard wording. */
public record TermCreated(long termId, String standard) implements GlossaryTermEvent {

    @Override
    public String objectId() {
        return Long.toString(termId);
    }

    @Override
    public String detail() {
        return standard;
    }
}
