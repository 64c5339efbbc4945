package org.methodportal.method.ui;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;

/**
 * A block other modules add to the method page (the review record, later comments and similar
 * methods), so that the page does not depend on them. Beans are shown in {@code @Order}.
 */
@NamedInterface("method-page-section")
public interface MethodPageSection {

    /** The block for this method as the current user may see it, or empty to show nothing. */
    Optional<Component> create(MethodDetail method);

    /** The block for the page showing {@code revision} (the current one or an older one); by default as above. */
    default Optional<Component> create(MethodDetail method, Revision revision) {
        return create(method);
    }

    /**
     * Something to show beside the fields of the shown revision (e.g. section comments), or empty.
     * Asked once per page, so an implementation can load what it needs in one go.
     */
    default Optional<FieldAnnotations> annotations(MethodDetail method, Revision revision) {
        return Optional.empty();
    }

    /** Adds components beside one field, or one item of measures or steps ({@code itemIndex} zero-based). */
    @FunctionalInterface
    interface FieldAnnotations {

        void annotate(MethodField field, @Nullable Integer itemIndex, HasComponents target);

        FieldAnnotations NONE = (field, itemIndex, target) -> { };
    }
}
