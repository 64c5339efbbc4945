package org.methodportal.glossary;

/** A glossary term was deleted; its standard wording was the given one. */
public record TermDeleted(long termId, String standard) implements GlossaryTermEvent {

    @Override
    public String objectId() {
        return Long.toString(termId);
    }

    @Override
    public String detail() {
        return standard;
    }
}
