package org.methodportal.account.ui;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountRef;
import org.methodportal.account.AccountService;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * Picks an account by typing part of its display name, login or the pinyin of the name (full or
 * initials). There can be 300,000 accounts, so each keystroke and each scrolled page is one SQL page
 * query; any signed-in user may use it (the method browser's author filter), hence the named interface.
 */
@NamedInterface("account-picker")
public class AccountPicker extends ComboBox<AccountRef> {

    private final transient AccountService accounts;

    public AccountPicker(AccountService accounts) {
        this.accounts = accounts;
        // The chosen value shows the name only, to fit a filter bar; the list tells namesakes apart.
        setItemLabelGenerator(AccountRef::displayName);
        setRenderer(LitRenderer.<AccountRef>of("<div>${item.name}<div class=\"portal-picker-secondary\">"
                        + "${item.organisation}</div></div>")
                .withProperty("name", AccountRef::displayName)
                .withProperty("organisation", a -> getTranslation("account.picker.organisation", a.departmentName(),
                        a.branchName())));
        setPlaceholder(getTranslation("account.picker.placeholder"));
        setClearButtonVisible(true);
        setItems(query -> accounts.findRefs(query.getFilter().orElse(null), query.getOffset(), query.getLimit())
                .stream());
    }

    /** Shows the account with this id as chosen (null or unknown: none), e.g. from a bookmarked address. */
    public void select(@Nullable Long accountId) {
        setValue(accountId == null ? null : accounts.findRef(accountId).orElse(null));
    }
}
