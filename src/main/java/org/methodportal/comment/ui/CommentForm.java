package org.methodportal.comment.ui;

import java.util.function.Predicate;

import org.methodportal.account.AccountService;
import org.methodportal.account.ui.MentionField;
import org.methodportal.comment.CommentService;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A text area with a live character counter against the comment limit and a submit button
 * (Ctrl+Enter submits too). The owner decides what submitting does: {@code onSubmit} returns true
 * when the text was accepted, and only then is the area cleared, so a refused text is never lost.
 * A mention field beside it inserts {@code @login} for an account found by name, pinyin or login.
 */
public class CommentForm extends Div {

    final TextArea text = new TextArea();
    final Span counter = new Span();
    final Button submit = new Button();
    private final HorizontalLayout footer;

    CommentForm(AccountService accounts, String id, String submitKey, Predicate<String> onSubmit) {
        setId(id);
        addClassName("comment-form");
        text.addClassName("comment-input");
        text.setWidthFull();
        text.setMaxLength(CommentService.TEXT_MAX);
        text.setPlaceholder(getTranslation("comment.form.placeholder"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(250);
        text.addValueChangeListener(e -> updateCounter());
        counter.addClassName("comment-counter");
        updateCounter();
        submit.setText(getTranslation(submitKey));
        submit.addClassName("comment-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        submit.addClickListener(e -> {
            if (onSubmit.test(text.getValue())) {
                text.clear();
            }
        });
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(text);
        // "@" autocomplete: picking an account appends "@login " to the text (notified on posting).
        MentionField mention = MentionField.insertingInto(accounts, text);
        mention.addClassName("comment-mention-field");
        mention.setId(id + "-mention");
        footer = new HorizontalLayout(mention, counter, submit);
        footer.addClassName("comment-form-footer");
        footer.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(text, footer);
    }

    /** The text area of the form, e.g. for a mention autocomplete to attach to. */
    public TextArea textArea() {
        return text;
    }

    void addCancel(Runnable cancel) {
        Button button = new Button(getTranslation("comment.form.cancel"), e -> cancel.run());
        button.addClassName("comment-cancel");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        footer.addComponentAtIndex(2, button);
    }

    private void updateCounter() {
        int length = text.getValue().strip().length();
        counter.setText(getTranslation("comment.form.counter", length, CommentService.TEXT_MAX));
        counter.getElement().getClassList().set("comment-counter-full", length >= CommentService.TEXT_MAX);
    }
}
