package org.methodportal.search.engine;

/**
 * The index itself is damaged or gone (files corrupted, directory deleted, index or alias removed
 * behind the portal's back), as opposed to an engine that is briefly unreachable: retrying the same
 * call cannot help, only setting the index aside and rebuilding it from the database can.
 */
public class IndexDamagedException extends RuntimeException {

    public IndexDamagedException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexDamagedException(String message) {
        super(message);
    }
}
