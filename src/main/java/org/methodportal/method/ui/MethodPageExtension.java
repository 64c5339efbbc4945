package org.methodportal.method.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.method.MethodDetail;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;

/**
 * Parts another module adds at several places of the method page (the merge module: its buttons,
 * the "merged into" banner, the sources and a merge button beside each similar method; the
 * proposal module: the workflow bar, the rebase button and the open change requests), so that the
 * page does not depend on them. Unlike {@link MethodPageSection}, one object per shown page
 * answers for all places, so it loads what it needs once. Beans are asked in {@code @Order}.
 */
@NamedInterface("method-page-extension")
public interface MethodPageExtension {

    /** The parts for this method as the current user may see and use them; {@code page} translates. */
    Parts create(MethodDetail method, Component page);

    /** What one extension shows on one page; every place is empty by default. */
    @NamedInterface("method-page-extension")
    interface Parts {

        /** Buttons of the action row, before the {@link MethodPageAction}s. */
        default List<Component> actions() {
            return List.of();
        }

        /** A bar below the action row, shown on the current revision only. */
        default Optional<Component> belowActions() {
            return Optional.empty();
        }

        /** A banner shown first among the banners above the text. */
        default Optional<Component> banner() {
            return Optional.empty();
        }

        /** A control inside the page's banner with this id (e.g. {@code method-outdated-banner}). */
        default Optional<Component> bannerAction(String bannerId) {
            return Optional.empty();
        }

        /** A block below the text, before the {@link MethodPageSection}s. */
        default Optional<Component> section() {
            return Optional.empty();
        }

        /** A control beside one similar method, given by its route. */
        default Optional<Component> besideSimilar(String route) {
            return Optional.empty();
        }
    }
}
