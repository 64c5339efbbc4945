package org.methodportal.method;

/**
 * Answers which methods were merged into a method, for the method API's response; implemented by
 * the merge module so that this module does not depend on it.
 */
public interface ProvenanceSource {

    /** The sources merged into {@code methodId} that the caller may see, as {@code Provenance} describes. */
    Provenance provenance(long methodId);
}
