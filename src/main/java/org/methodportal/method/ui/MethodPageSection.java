package org.methodportal.method.ui;

import java.util.Optional;

import org.methodportal.method.MethodView;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;

/**
 * A block other modules add to the method page (the review record, later comments and similar
 * methods), so that the page does not depend on them. Beans are shown in {@code @Order}.
 */
@NamedInterface("method-page-section")
public interface MethodPageSection {

    /** The block for this method as the current user may see it, or empty to show nothing. */
    Optional<Component> create(MethodView method);
}
