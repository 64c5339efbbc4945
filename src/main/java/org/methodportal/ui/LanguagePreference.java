package org.methodportal.ui;

import java.util.Locale;

/**
 * Persists the signed-in user's language choice; implemented by the account module so that the
 * shell does not depend on it.
 */
public interface LanguagePreference {

    void save(Locale locale);
}
