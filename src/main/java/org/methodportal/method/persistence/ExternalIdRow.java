package org.methodportal.method.persistence;

/** A method's id with its source id, as a bulk import reads them back. */
public record ExternalIdRow(long id, String externalId) {

    /** A method's id with the id of one of its revisions. */
    public record RevisionId(long methodId, long revisionId) {
    }
}
