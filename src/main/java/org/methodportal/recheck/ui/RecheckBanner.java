package org.methodportal.recheck.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.methodportal.recheck.RecheckDue;
import org.methodportal.recheck.RecheckService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.PrefilledText;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * 内容待复核 on a method past its review-by date, with why it was set due early; for the reviewers
 * of its department "确认仍然有效" (a new date, with an optional note) and "提出修改": the change
 * request editor with the reason filled in where they may propose changes, else the method's comment
 * form, asking its author (nothing is saved before they submit).
 */
class RecheckBanner extends Div {

    /** The comment form of the method page, where a reviewer who may not propose asks the author. */
    private static final String COMMENT_FORM = "comment-form";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    RecheckBanner(RecheckService rechecks, RecheckDue due, boolean reviewer, boolean mayProposeChange) {
        setId(RecheckDue.ELEMENT_ID);
        addClassNames("method-banner", "recheck-banner");
        Span text = new Span(due.setReason() == null ? getTranslation("recheck.banner", due.dueOn().toString())
                : getTranslation("recheck.banner-reason", due.dueOn().toString(), due.setReason(),
                        due.setByName() == null ? "" : due.setByName()));
        text.setId("recheck-banner-text");
        add(text);
        if (due.confirmedAt() != null) {
            add(new Span(getTranslation("recheck.last-confirmed", TIME.format(due.confirmedAt()),
                    due.confirmedByName() == null ? "" : due.confirmedByName())));
        }
        if (reviewer) {
            Button confirm = new Button(getTranslation("recheck.confirm"), VaadinIcon.CHECK.create(),
                    e -> openConfirm(rechecks, due));
            confirm.setId("recheck-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            add(confirm);
        }
        if (reviewer) {
            String prefill = getTranslation(mayProposeChange ? "recheck.prefill" : "recheck.prefill-comment",
                    due.setReason() == null ? "" : due.setReason());
            Button propose = new Button(getTranslation("recheck.propose"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate(mayProposeChange ? "methods/" + due.methodId() + "/propose"
                            : "methods/" + due.methodId(), PrefilledText.query(mayProposeChange ? null : COMMENT_FORM,
                            prefill)));
            propose.setId("recheck-propose");
            propose.addThemeVariants(ButtonVariant.LUMO_SMALL);
            propose.setTooltipText(getTranslation(mayProposeChange ? "recheck.propose-tooltip"
                    : "recheck.propose-comment-tooltip"));
            add(propose);
        }
    }

    private void openConfirm(RecheckService rechecks, RecheckDue due) {
        Dialog dialog = new Dialog();
        dialog.setId("recheck-confirm-dialog");
        dialog.setHeaderTitle(getTranslation("recheck.confirm-title", due.title()));
        dialog.setWidth("min(34rem, 95vw)");
        TextArea note = new TextArea(getTranslation("recheck.note"));
        note.setId("recheck-note");
        note.setMaxLength(RecheckService.NOTE_MAX);
        note.setPlaceholder(getTranslation("recheck.note-placeholder"));
        note.setWidthFull();
        dialog.add(note);
        Button confirm = new Button(getTranslation("recheck.confirm"), e -> {
            try {
                var confirmed = rechecks.confirm(due.methodId(), note.getValue());
                dialog.close();
                Notifications.success(getTranslation("recheck.confirmed", confirmed.dueOn().toString()));
                setVisible(false);
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("recheck-confirm-save");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("recheck.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
