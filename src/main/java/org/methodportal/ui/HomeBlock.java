package org.methodportal.ui;

import java.util.Optional;

import org.methodportal.shared.PortalUser;

import com.vaadin.flow.component.Component;

/**
 * A block of the home page that a feature module contributes: the signed-in person's own work of
 * one kind (drafts, reviews waiting, adoptions to report, unread notifications, ...), so that the
 * shell does not depend on the modules. Beans are shown in {@code @Order}; empty shows nothing for
 * this person.
 */
public interface HomeBlock {

    Optional<Component> create(PortalUser user);
}
