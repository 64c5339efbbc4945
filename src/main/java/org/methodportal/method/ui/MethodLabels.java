package org.methodportal.method.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PortalException;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Labels, badges and the not-found page shared by the method views. */
@NamedInterface("method-labels")
public final class MethodLabels {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private MethodLabels() {
    }

    public static String category(Component c, Category category) {
        return c.getTranslation("method.category." + category.name());
    }

    public static String status(Component c, MethodStatus status) {
        return c.getTranslation("method.status." + status.name());
    }

    /** A coloured pill; the text names the status, so colour is never the only cue. */
    public static Span statusBadge(Component c, MethodStatus status) {
        Span badge = new Span(status(c, status));
        badge.addClassNames("portal-badge", "method-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * What a reader sees for a method that does not exist or that they may not see: the same
     * message in both cases, so a draft's existence is not revealed.
     */
    public static void showNotFound(VerticalLayout page, PortalException e) {
        page.removeAll();
        page.addClassName("portal-error-page");
        H2 title = new H2(page.getTranslation("method.page.not-found"));
        Paragraph text = new Paragraph(page.getTranslation(e.messageKey(), e.args()));
        text.setId("method-not-found");
        page.add(title, text, new Anchor("methods", page.getTranslation("method.page.back")));
    }
}
