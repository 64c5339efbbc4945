package org.methodportal.account.ui;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.account.ApiTokenSummary;
import org.methodportal.account.NewApiToken;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The profile page's API tokens: the owner's list (never the tokens themselves), a dialog to create
 * one that shows it once, and revoking with confirmation.
 */
class ApiTokensSection extends VerticalLayout {

    static final List<Integer> VALIDITIES = List.of(30, 90, 365);

    private final ApiTokenService tokens;
    private final boolean admin;
    final Grid<ApiTokenSummary> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Button create = new Button();
    final TextField name = new TextField();
    final CheckboxGroup<ApiTokenScope> scopes = new CheckboxGroup<>();
    final Select<Integer> validity = new Select<>();
    final TextField secret = new TextField();

    ApiTokensSection(ApiTokenService tokens, boolean admin) {
        this.tokens = tokens;
        this.admin = admin;
        setId("profile-tokens");
        setPadding(false);
        empty.setId("tokens-empty");
        empty.setText(getTranslation("account.tokens.empty"));
        create.setId("tokens-create");
        create.setText(getTranslation("account.tokens.create"));
        create.addClickListener(e -> openCreate());

        grid.setId("tokens-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiTokenSummary::name).setHeader(getTranslation("account.tokens.name")).setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::prefix).setHeader(getTranslation("account.tokens.prefix")).setAutoWidth(true);
        grid.addColumn(t -> t.scopes().stream().sorted().map(s -> getTranslation("account.tokens.scope." + s.name()))
                .collect(Collectors.joining("、"))).setHeader(getTranslation("account.tokens.scopes")).setAutoWidth(true);
        grid.addColumn(t -> ProfileView.TIME.format(t.createdAt())).setHeader(getTranslation("account.tokens.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> ProfileView.TIME.format(t.expiresAt())).setHeader(getTranslation("account.tokens.expires"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("account.tokens.never")
                : ProfileView.TIME.format(t.lastUsedAt())).setHeader(getTranslation("account.tokens.last-used"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation("account.tokens.status." + status(t)))
                .setHeader(getTranslation("account.tokens.status")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true);

        Paragraph help = new Paragraph(getTranslation("account.tokens.help"));
        help.addClassName("portal-help");
        add(new H3(getTranslation("account.tokens.title")), help, create, empty, grid);
        refresh();
    }

    private void refresh() {
        List<ApiTokenSummary> mine = tokens.mine();
        grid.setItems(mine);
        grid.setVisible(!mine.isEmpty());
        empty.setVisible(mine.isEmpty());
    }

    private static String status(ApiTokenSummary token) {
        if (token.revokedAt() != null) {
            return "revoked";
        }
        return token.usable(Instant.now()) ? "active" : "expired";
    }

    private Button revokeButton(ApiTokenSummary token) {
        Button revoke = new Button(getTranslation("account.tokens.revoke"));
        revoke.setId("tokens-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setVisible(token.revokedAt() == null);
        revoke.addClickListener(e -> Confirmations.confirmThen(
                getTranslation("account.tokens.revoke-confirm.title", token.name()),
                getTranslation("account.tokens.revoke-confirm.text"),
                () -> tokens.revoke(token.id()), this::refresh));
        return revoke;
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setId("tokens-create-dialog");
        dialog.setHeaderTitle(getTranslation("account.tokens.create"));
        name.setId("tokens-name");
        name.setLabel(getTranslation("account.tokens.name"));
        name.setPlaceholder(getTranslation("account.tokens.name-placeholder"));
        name.setMaxLength(ApiTokenService.NAME_MAX);
        name.setRequired(true);
        name.setWidthFull();
        name.clear();
        scopes.setId("tokens-scopes");
        scopes.setLabel(getTranslation("account.tokens.scopes"));
        scopes.setItems(admin ? EnumSet.allOf(ApiTokenScope.class) : EnumSet.of(ApiTokenScope.READ, ApiTokenScope.WRITE));
        scopes.setItemLabelGenerator(s -> getTranslation("account.tokens.scope." + s.name()));
        scopes.setValue(Set.of(ApiTokenScope.READ));
        validity.setId("tokens-validity");
        validity.setLabel(getTranslation("account.tokens.validity"));
        validity.setItems(VALIDITIES);
        validity.setItemLabelGenerator(d -> getTranslation("account.tokens.validity-days", d));
        validity.setValue(90);
        Button save = new Button(getTranslation("account.tokens.create"), e -> {
            try {
                NewApiToken created = tokens.create(name.getValue(), scopes.getValue(), validity.getValue());
                dialog.close();
                refresh();
                showOnce(created);
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("tokens-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("account.tokens.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(name, scopes, validity));
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    private void showOnce(NewApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setId("tokens-created-dialog");
        dialog.setHeaderTitle(getTranslation("account.tokens.created-title"));
        dialog.setCloseOnOutsideClick(false);
        secret.setId("tokens-secret");
        secret.setReadOnly(true);
        secret.setValue(created.secret());
        secret.setWidth("36em");
        Button copy = new Button(getTranslation("account.tokens.copy"), e -> {
            secret.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", created.secret());
            Notifications.success(getTranslation("account.tokens.copied"));
        });
        copy.setId("tokens-copy");
        Button done = new Button(getTranslation("account.tokens.done"), e -> {
            secret.clear();
            dialog.close();
        });
        done.setId("tokens-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("account.tokens.created-text")), new HorizontalLayout(secret, copy));
        dialog.getFooter().add(done);
        dialog.open();
    }
}
