package org.methodportal.glossary;

import java.util.Map;

/**
 * The text fields of a method the caller may see, by field name in domain order, for checking a
 * whole draft against the glossary. Implemented by the method module, so the glossary does not
 * depend on methods; throws the method module's not-found or forbidden {@code PortalException}.
 */
public interface MethodTexts {

    Map<String, String> fieldsOf(long methodId);
}
