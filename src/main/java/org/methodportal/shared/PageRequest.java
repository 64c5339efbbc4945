package org.methodportal.shared;

/**
 * Offset/limit paging with an optional sort, as Vaadin's lazy grids ask for it. The sort key is
 * a name from a whitelist of the mapper that uses it, never SQL.
 */
public record PageRequest(int offset, int limit, String sortKey, boolean ascending) {

    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0");
        }
        limit = Math.clamp(limit, 1, MAX_LIMIT);
    }

    public static PageRequest ofPage(int page, int size, String sortKey, boolean ascending) {
        int safeSize = Math.clamp(size, 1, MAX_LIMIT);
        return new PageRequest(Math.max(page, 0) * safeSize, safeSize, sortKey, ascending);
    }

    public int page() {
        return offset / limit;
    }
}
