package org.methodportal.method;

import org.methodportal.shared.PortalException;

/**
 * A save based on a revision that is no longer the latest: someone else saved in between. Carries
 * the latest revision number so the editor can show both versions and the user keeps their text.
 */
public class MethodStaleException extends PortalException {

    private final long methodId;
    private final int baseRevision;
    private final int latestRevision;

    public MethodStaleException(long methodId, int baseRevision, int latestRevision) {
        super(Kind.STALE, "method.stale", baseRevision, latestRevision);
        this.methodId = methodId;
        this.baseRevision = baseRevision;
        this.latestRevision = latestRevision;
    }

    public long methodId() {
        return methodId;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public int latestRevision() {
        return latestRevision;
    }
}
