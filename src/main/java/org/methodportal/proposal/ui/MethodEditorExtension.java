package org.methodportal.proposal.ui;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodForm;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;

/**
 * A helper other modules add to the method editor (the glossary's normalisation assistant, the
 * search's duplicate warning), so that the editor does not depend on them. Beans are asked in
 * {@code @Order}; each editor instance gets its own helpers.
 */
@NamedInterface("method-editor-extension")
public interface MethodEditorExtension {

    /** A helper for one editor working on {@code form}; it may listen to the form's fields. */
    Helper create(MethodForm form);

    /** Where a helper's component goes. */
    enum Placement {
        /** Above the form, beside the editor's heading and notes. */
        ABOVE_FORM,
        /**
         * In a column beside the form that scrolls on its own (below the form on a narrow screen):
         * what grows while the author types never moves the fields being typed in.
         */
        BESIDE_FORM,
        /** Inside the form, right under the problem field. */
        BELOW_PROBLEM
    }

    /** One editor's helper, told what the editor does. */
    @NamedInterface("method-editor-extension")
    interface Helper {

        Component component();

        Placement placement();

        /** The editor is entered again: forget the previous method. */
        void reset();

        /** The method could not be opened; the form is hidden. */
        default void unavailable() {
        }

        /**
         * The form shows what is to be edited: {@code method} null for a new method; with
         * {@code proposingChange} a change request of {@code method} not saved yet.
         */
        void opened(@Nullable MethodDetail method, boolean proposingChange);

        /** The form was filled from the autosaved working copy. */
        default void restored() {
        }

        /** The draft was saved as {@code methodId} (a new method gets its id at its first save). */
        default void saved(long methodId) {
        }
    }
}
