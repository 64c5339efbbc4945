package org.methodportal.comment.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.methodportal.comment.CommentAnchor;
import org.methodportal.comment.CommentDraft;
import org.methodportal.comment.CommentEdit;
import org.methodportal.account.AccountService;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.VisibleComment;
import org.methodportal.comment.SuggestionState;
import org.methodportal.method.diff.InlineDiff;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.diff.Segment;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

/**
 * One comment: author, time and marks (已编辑, 已隐藏, 已过时, 已解决), the sanitised text or a
 * placeholder, a suggested edit as an inline diff, and the buttons the reader may use. Every
 * button is one service call; {@code changed} refreshes whatever shows the card.
 */
class CommentCard extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient CommentService comments;
    private final transient AccountService accounts;
    private final VisibleComment comment;
    private final Runnable changed;
    private final Div actions = new Div();

    CommentCard(CommentService comments, AccountService accounts, VisibleComment comment, Runnable changed) {
        this.comments = comments;
        this.accounts = accounts;
        this.comment = comment;
        this.changed = changed;
        setId(VisibleComment.elementId(comment.id()));
        addClassNames("comment-card", "comment-depth-" + Math.min(comment.depth(), 3));
        if (comment.hidden()) {
            addClassName("comment-hidden");
        }
        add(header());
        add(body());
        if (comment.suggestion() != null && comment.anchoredText() != null) {
            add(suggestion());
        }
        actions.addClassName("comment-actions");
        addActions();
        add(actions);
    }

    private Div header() {
        Span author = new Span(comment.authorName());
        author.addClassName("comment-author");
        Span time = new Span(time(comment.createdAt()));
        time.addClassName("comment-time");
        Div header = new Div(author, time);
        header.addClassName("comment-header");
        if (comment.edited() && !comment.deleted()) {
            if (comment.may().edit() || comment.may().moderate()) {
                // Its author and moderators may read the earlier texts.
                Button edited = new Button(getTranslation("comment.card.edited"), e -> openHistory());
                edited.setId("comment-history-" + comment.id());
                edited.addClassName("comment-edited");
                small(edited);
                header.add(edited);
            } else {
                header.add(mark("comment-edited", getTranslation("comment.card.edited")));
            }
        }
        CommentAnchor anchor = comment.anchor();
        if (anchor != null) {
            header.add(mark("comment-anchor", getTranslation("comment.card.anchor", anchor.revisionNumber(),
                    SectionComments.place(this, anchor.field(), anchor.itemIndex()))));
        }
        if (comment.outdated()) {
            Span outdated = mark("comment-outdated", getTranslation("comment.card.outdated"));
            outdated.setTitle(getTranslation("comment.card.outdated-title"));
            header.add(outdated);
        }
        if (comment.resolved()) {
            header.add(mark("comment-resolved", getTranslation("comment.card.resolved")));
        }
        if (comment.hidden() && comment.text() != null) {
            header.add(mark("comment-hidden-mark", getTranslation("comment.card.hidden-mark",
                    Objects.requireNonNullElse(comment.hiddenReason(), ""))));
        }
        return header;
    }

    private Component body() {
        if (comment.deleted()) {
            return placeholder(getTranslation("comment.card.deleted"));
        }
        if (comment.html() == null) {
            return placeholder(getTranslation("comment.card.hidden-placeholder",
                    Objects.requireNonNullElse(comment.hiddenReason(), "")));
        }
        Html html = new Html(comment.html());
        html.getElement().getClassList().add("comment-body");
        return html;
    }

    private Div suggestion() {
        Div diff = new Div();
        diff.addClassName("comment-diff");
        for (Segment s : InlineDiff.between(comment.anchoredText(), comment.suggestion())) {
            Span run = new Span(s.text());
            switch (s.kind()) {
                case INSERTED -> run.addClassName("diff-ins");
                case DELETED -> run.addClassName("diff-del");
                case EQUAL -> run.addClassName("diff-equal");
            }
            diff.add(run);
        }
        Span label = new Span(getTranslation("comment.card.suggestion"));
        label.addClassName("comment-suggestion-label");
        Div box = new Div(label, diff);
        box.addClassName("comment-suggestion");
        if (comment.suggestionState() == SuggestionState.APPLIED) {
            box.add(mark("comment-suggestion-state", getTranslation("comment.card.suggestion-applied")));
        } else if (comment.suggestionState() == SuggestionState.DISMISSED) {
            box.add(mark("comment-suggestion-state", getTranslation("comment.card.suggestion-dismissed")));
        }
        if (comment.may().decideSuggestion()) {
            Button apply = new Button(getTranslation("comment.card.apply"), e -> CommentActions.run(() -> {
                MethodDetail saved = comments.applySuggestion(comment.id(), comment.version());
                Notifications.success(getTranslation("comment.card.applied-notice", saved.revision().number()));
            }, changed));
            apply.setId("comment-apply-" + comment.id());
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button dismiss = button("comment-dismiss", "comment.card.dismiss",
                    () -> comments.dismissSuggestion(comment.id(), comment.version()));
            Div decide = new Div(apply, dismiss);
            decide.addClassName("comment-suggestion-actions");
            box.add(decide);
        }
        return box;
    }

    private void addActions() {
        if (!comment.deleted()) {
            Button reply = new Button(getTranslation("comment.card.reply"), e -> openReply());
            reply.setId("comment-reply-" + comment.id());
            small(reply);
            actions.add(reply);
        }
        if (comment.may().edit()) {
            Button edit = new Button(getTranslation("comment.card.edit"), e -> openEdit());
            edit.setId("comment-edit-" + comment.id());
            small(edit);
            actions.add(edit);
        }
        if (comment.may().delete()) {
            Button delete = new Button(getTranslation("comment.card.delete"), e -> Confirmations.confirmThen(
                    getTranslation("comment.card.delete-title"), getTranslation("comment.card.delete-text"),
                    () -> comments.delete(comment.id(), comment.version()), changed));
            delete.setId("comment-delete-" + comment.id());
            small(delete);
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        if (comment.may().resolve()) {
            actions.add(comment.resolved()
                    ? button("comment-reopen", "comment.card.reopen",
                            () -> comments.reopen(comment.id(), comment.version()))
                    : button("comment-resolve", "comment.card.resolve",
                            () -> comments.resolve(comment.id(), comment.version())));
        }
        if (comment.may().moderate()) {
            if (comment.hidden()) {
                actions.add(button("comment-unhide", "comment.card.unhide",
                        () -> comments.unhide(comment.id(), comment.version())));
            } else {
                Button hide = new Button(getTranslation("comment.card.hide"), e -> openHide());
                hide.setId("comment-hide-" + comment.id());
                small(hide);
                actions.add(hide);
            }
        }
    }

    private void openReply() {
        if (getChildren().anyMatch(CommentForm.class::isInstance)) {
            return;
        }
        CommentForm[] form = new CommentForm[1];
        form[0] = new CommentForm(accounts, "comment-reply-form-" + comment.id(), "comment.form.reply",
                text -> CommentActions.run(() -> comments.post(comment.methodId(),
                        CommentDraft.reply(comment.id(), text)), changed));
        form[0].addCancel(() -> remove(form[0]));
        add(form[0]);
        form[0].text.focus();
    }

    private void openEdit() {
        if (getChildren().anyMatch(CommentForm.class::isInstance)) {
            return;
        }
        CommentForm[] form = new CommentForm[1];
        form[0] = new CommentForm(accounts, "comment-edit-form-" + comment.id(), "comment.form.save",
                text -> CommentActions.run(() -> comments.edit(comment.id(), text, comment.version()), changed));
        form[0].text.setValue(Objects.requireNonNullElse(comment.text(), ""));
        form[0].addCancel(() -> remove(form[0]));
        add(form[0]);
        form[0].text.focus();
    }

    private void openHistory() {
        Dialog dialog = new Dialog();
        dialog.setId("comment-history-dialog");
        dialog.setHeaderTitle(getTranslation("comment.card.history-title"));
        dialog.setWidth("min(40rem, 95vw)");
        for (CommentEdit edit : comments.history(comment.id())) {
            Div entry = new Div(new Span(getTranslation("comment.card.history-entry", time(edit.editedAt()),
                    edit.editorName())), new Html(comments.render(edit.previousText())));
            entry.addClassName("comment-history-entry");
            dialog.add(entry);
        }
        dialog.getFooter().add(new Button(getTranslation("comment.form.close"), e -> dialog.close()));
        dialog.open();
    }

    private void openHide() {
        Dialog dialog = new Dialog();
        dialog.setId("comment-hide-dialog");
        dialog.setHeaderTitle(getTranslation("comment.card.hide-title"));
        TextField reason = new TextField(getTranslation("comment.card.hide-reason"));
        reason.setId("comment-hide-reason");
        reason.setMaxLength(CommentService.REASON_MAX);
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        dialog.add(reason);
        Button confirm = new Button(getTranslation("comment.card.hide-confirm"), e -> {
            if (CommentActions.run(() -> comments.hide(comment.id(), reason.getValue(), comment.version()), changed)) {
                dialog.close();
            }
        });
        confirm.setId("comment-hide-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("comment.form.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    private Button button(String idPrefix, String key, Runnable call) {
        Button button = new Button(getTranslation(key), e -> CommentActions.run(call, changed));
        button.setId(idPrefix + "-" + comment.id());
        small(button);
        return button;
    }

    private static void small(Button button) {
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    }

    private static Span mark(String className, String text) {
        Span mark = new Span(text);
        mark.addClassNames("portal-badge", className);
        return mark;
    }

    private static Div placeholder(String text) {
        Div placeholder = new Div(new Span(text));
        placeholder.addClassName("comment-placeholder");
        return placeholder;
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
