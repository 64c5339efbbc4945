package org.methodportal.ui;

import java.util.Optional;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Location;

/**
 * Deep links into a page: {@code ?focus=<element id>} (a comment, a section) scrolls the page to
 * that element once it is shown and highlights it briefly. Notifications link this way, and the
 * same address works when pasted, bookmarked or sent by e-mail. An element that is not on the page
 * (a comment since deleted, or on an older version) leaves the page at its top.
 */
public final class PageFocus {

    /** The query parameter naming the element to show. */
    public static final String PARAMETER = "focus";

    /** Element ids the portal gives what a link may point at: lower case words, digits, hyphens. */
    private static final Pattern ELEMENT_ID = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    // Waits for the element (sections render in the same round trip, lazy parts a little later),
    // then centres it and marks it for the highlight's animation.
    private static final String SCROLL_AND_HIGHLIGHT = """
            const id = $0;
            const show = (triesLeft) => {
              const element = document.getElementById(id);
              if (element) {
                element.scrollIntoView({block: 'center'});
                element.classList.remove('portal-focus');
                void element.offsetWidth;
                element.classList.add('portal-focus');
                setTimeout(() => element.classList.remove('portal-focus'), 3000);
              } else if (triesLeft > 0) {
                setTimeout(() => show(triesLeft - 1), 100);
              }
            };
            requestAnimationFrame(() => show(30));
            """;

    private PageFocus() {
    }

    /** The element the location asks to show, if it names one the portal could have made. */
    public static Optional<String> of(Location location) {
        return location.getQueryParameters().getSingleParameter(PARAMETER)
                .filter(id -> ELEMENT_ID.matcher(id).matches());
    }

    /** Scrolls {@code page} to the element the location names and highlights it; nothing when it names none. */
    public static void apply(Component page, Location location) {
        of(location).ifPresent(id -> page.getElement().executeJs(SCROLL_AND_HIGHLIGHT, id));
    }
}
