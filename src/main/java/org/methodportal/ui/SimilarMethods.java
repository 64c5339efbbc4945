package org.methodportal.ui;

import java.util.List;
import java.util.Set;

/**
 * Methods like a given one, for the method page. The search module provides the bean; pages of
 * other modules only know this interface, so no module depends on search for it.
 */
public interface SimilarMethods {

    /** Up to {@code limit} methods the signed-in user may see, most similar first; empty when unknown. */
    List<Link> similarTo(long methodId, int limit);

    /**
     * Up to {@code limit} published methods the signed-in user may see that are most like a method
     * being drafted (its title and problem), without the {@code excluded} ids; empty when unknown.
     * Feeds the duplicate warning of the editor.
     */
    default List<Link> similarToDraft(String title, String problem, Set<Long> excluded, int limit) {
        return List.of();
    }

    /** A method to link to: its id, title and route. */
    record Link(long id, String title, String route) {
    }
}
