package org.methodportal.method.ui;

import java.util.Optional;

import org.methodportal.method.MethodDetail;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;

/**
 * A control other modules add to the method page's action row beside history and print (e.g. the
 * watch toggle), so that the page does not depend on them. Beans are shown in {@code @Order}.
 */
@NamedInterface("method-page-action")
public interface MethodPageAction {

    /** The control for this method as the current user may use it, or empty to show nothing. */
    Optional<Component> create(MethodDetail method);
}
