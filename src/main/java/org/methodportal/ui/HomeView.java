package org.methodportal.ui;

import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The landing page: greets the user, shows their own work in the blocks the modules contribute
 * ({@link HomeBlock}: drafts, reviews waiting, adoptions, notifications, what was published) and
 * says what each of their roles lets them do here.
 */
@Route("")
@Menu(title = "shell.nav.home", icon = "vaadin:home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(AuthenticationContext authentication, ObjectProvider<HomeBlock> blocks) {
        setId("home-view");
        addClassName("portal-page");
        PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
        H1 greeting = new H1(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        add(greeting, new Paragraph(getTranslation("home.intro")));
        Div work = new Div();
        work.setId("home-blocks");
        work.addClassName("home-blocks");
        blocks.orderedStream().forEach(block -> block.create(user).ifPresent(work::add));
        add(work);
        Div cards = new Div();
        cards.addClassName("portal-cards");
        for (Role role : Role.values()) {
            if (user.hasRole(role)) {
                String key = "home.role." + role.name().toLowerCase();
                Div card = new Div(new H3(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".text")));
                card.addClassName("portal-card");
                card.setId("home-role-" + role.name().toLowerCase());
                cards.add(card);
            }
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.nav.home") + " | " + getTranslation("app.name");
    }
}
