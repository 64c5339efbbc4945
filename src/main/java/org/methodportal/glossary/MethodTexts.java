package org.methodportal.glossary;

import java.util.Map;

/**
 * The text fields of a method the caller may see, by field name in domain order, for checking a
 * whole draft against the glossary. Implemented by the method module, so the glossary does not
 * depend on methods; throws the method module's not-found or forbidden {@code PortalException}.
 */
public interface MethodTexts {

    Map<String, String> fieldsOf(long methodId);

    /** Throws not-found unless the caller may see the method. */
    void checkVisible(long methodId);

    /** Throws not-found or forbidden unless the caller may save a new revision of the method. */
    void checkMayEdit(long methodId);
}
