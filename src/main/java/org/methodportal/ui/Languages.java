package org.methodportal.ui;

import java.util.List;
import java.util.Locale;

import org.methodportal.shared.PortalUser;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.server.VaadinSession;

/** The two UI languages and how the current one is chosen: the account's, else the session's, else Chinese. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(CHINESE, ENGLISH);
    private static final String SESSION_ATTRIBUTE = "portal.locale";

    private Languages() {
    }

    static Locale resolve(VaadinSession session) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PortalUser user) {
            return user.locale();
        }
        Object chosen = session.getAttribute(SESSION_ATTRIBUTE);
        return chosen instanceof Locale locale ? locale : CHINESE;
    }

    /** Remembers an anonymous visitor's choice (e.g. on the login page) for this browser session. */
    public static void rememberForSession(VaadinSession session, Locale locale) {
        session.setAttribute(SESSION_ATTRIBUTE, locale);
        session.setLocale(locale);
    }

    public static String label(Locale locale) {
        return CHINESE.equals(locale) ? "中文" : "English";
    }
}
