package org.methodportal.account.ui;

import org.methodportal.account.Branch;
import org.methodportal.account.BranchFilter;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.PageRequest;

import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.combobox.ComboBox;

/**
 * Picks a branch by typing part of its name. There can be 16,000 branches, so each keystroke and
 * each scrolled page becomes one SQL page query; the full list is never loaded. Other modules'
 * forms (the method editor's origin) reuse it, hence the named interface.
 */
@NamedInterface("branch-picker")
public class BranchPicker extends ComboBox<Branch> {

    private Long departmentId;

    /** {@code enabled}: only enabled (true), only disabled (false) or all branches (null). */
    public BranchPicker(OrganisationService organisation, Boolean enabled) {
        setItemLabelGenerator(b -> b.departmentName() + " / " + b.name());
        setPlaceholder(getTranslation("admin.account.branch-placeholder"));
        setClearButtonVisible(true);
        setItems(query -> organisation.findBranches(
                new BranchFilter(query.getFilter().orElse(null), departmentId, enabled),
                new PageRequest(query.getOffset(), query.getLimit(), null, true)).stream());
    }

    /** Offers only the branches of one department (null: all); a chosen branch elsewhere is cleared. */
    public void restrictTo(Long departmentId) {
        this.departmentId = departmentId;
        Branch chosen = getValue();
        if (departmentId != null && chosen != null && chosen.departmentId() != departmentId) {
            clear();
        }
        getDataProvider().refreshAll();
    }
}
