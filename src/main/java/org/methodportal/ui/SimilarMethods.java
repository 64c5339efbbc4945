package org.methodportal.ui;

import java.util.List;

/**
 * Methods like a given one, for the method page. The search module provides the bean; pages of
 * other modules only know this interface, so no module depends on search for it.
 */
public interface SimilarMethods {

    /** Up to {@code limit} methods the signed-in user may see, most similar first; empty when unknown. */
    List<Link> similarTo(long methodId, int limit);

    /** A method to link to: its title and route. */
    record Link(String title, String route) {
    }
}
