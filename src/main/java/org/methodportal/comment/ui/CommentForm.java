package org.methodportal.comment.ui;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.methodportal.account.AccountService;
import org.methodportal.account.MentionCandidate;
import org.methodportal.account.ui.MentionField;
import org.methodportal.comment.CommentService;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A text area with a live character counter against the comment limit and a submit button
 * (Ctrl+Enter submits too). The owner decides what submitting does: {@code onSubmit} returns true
 * when the text was accepted, and only then is the area cleared, so a refused text is never lost.
 * Typing "@" and part of a name, its pinyin (full or initials) or a login offers the accounts in a
 * list under the text (click one, or ↓ then Enter): the typed word becomes {@code @login }. A
 * mention field beside the text does the same for those who prefer to search first.
 */
public class CommentForm extends Div {

    /** An "@" and what follows it up to the caret, not inside a word or an address: a mention being typed. */
    private static final Pattern TYPED_MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([\\p{L}\\p{N}._-]{1,20})$");

    final TextArea text = new TextArea();
    final Span counter = new Span();
    final Button submit = new Button();
    final Popover mentionPopover = new Popover();
    final ListBox<MentionCandidate> mentionList = new ListBox<>();
    private final transient AccountService accounts;
    private final HorizontalLayout footer;
    /** Where the mention being typed starts and ends in the text, while the list offers accounts for it. */
    private int typedFrom = -1;
    private int typedTo = -1;

    CommentForm(AccountService accounts, String id, String submitKey, Predicate<String> onSubmit) {
        setId(id);
        addClassName("comment-form");
        text.addClassName("comment-input");
        text.setWidthFull();
        text.setMaxLength(CommentService.TEXT_MAX);
        text.setPlaceholder(getTranslation("comment.form.placeholder"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(250);
        text.addValueChangeListener(e -> {
            updateCounter();
            if (e.isFromClient()) {
                offerMentionsAtCaret();
            }
        });
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
        this.accounts = accounts;
        inlineMentions(id);
        footer = new HorizontalLayout(mention, counter, submit);
        footer.addClassName("comment-form-footer");
        footer.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(text, footer);
    }

    private void inlineMentions(String id) {
        mentionList.setId(id + "-mention-list");
        mentionList.addClassName("comment-mention-list");
        mentionList.setRenderer(new ComponentRenderer<>(c -> {
            Div name = new Div(c.displayName());
            Div secondary = new Div("@" + c.login() + " · " + c.branchName());
            secondary.addClassName("portal-picker-secondary");
            return new Div(name, secondary);
        }));
        mentionList.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                insertMention(e.getValue());
            }
        });
        mentionPopover.setTarget(text);
        mentionPopover.setOpenOnClick(false);
        mentionPopover.setOpenOnFocus(false);
        mentionPopover.setOpenOnHover(false);
        mentionPopover.setPosition(PopoverPosition.BOTTOM_START);
        mentionPopover.setAriaLabel(getTranslation("account.mention.label"));
        mentionPopover.add(mentionList);
        // ↓ moves from the text into the list, where ↑/↓ choose and Enter picks; Esc closes it.
        text.addKeyDownListener(Key.ARROW_DOWN, e -> {
            if (mentionPopover.isOpened()) {
                mentionList.getElement().executeJs("const item = this.querySelector('vaadin-item'); if (item) item.focus();");
            }
        });
    }

    /** Asks the browser where the caret is, then offers accounts for the mention typed up to it. */
    private void offerMentionsAtCaret() {
        text.getElement().executeJs("return this.inputElement ? this.inputElement.selectionEnd : -1;")
                .then(Integer.class, this::offerMentions);
    }

    void offerMentions(int caret) {
        String value = text.getValue();
        int end = caret < 0 || caret > value.length() ? value.length() : caret;
        Matcher typed = TYPED_MENTION.matcher(value.substring(0, end));
        List<MentionCandidate> candidates = typed.find() ? accounts.mentionCandidates(typed.group(1)) : List.of();
        if (candidates.isEmpty()) {
            typedFrom = -1;
            mentionPopover.close();
            return;
        }
        typedFrom = typed.start();
        typedTo = end;
        mentionList.setItems(candidates);
        mentionPopover.open();
    }

    /** Replaces the mention being typed with "@login " and puts the caret after it, in the text. */
    void insertMention(MentionCandidate candidate) {
        String value = text.getValue();
        mentionPopover.close();
        if (typedFrom < 0 || typedTo > value.length()) {
            return;
        }
        String rest = value.substring(typedTo);
        // "@login " ends with the space that ends the login, unless the text goes on after one already
        String mention = MentionField.mention(candidate.login());
        boolean spaceFollows = !rest.isEmpty() && Character.isWhitespace(rest.charAt(0));
        if (spaceFollows) {
            mention = mention.stripTrailing();
        }
        text.setValue(value.substring(0, typedFrom) + mention + rest);
        // after the space that ends the login, the one written or the one that was there
        int caret = typedFrom + mention.length() + (spaceFollows ? 1 : 0);
        typedFrom = -1;
        text.getElement().executeJs("this.focus(); if (this.inputElement) this.inputElement.setSelectionRange($0, $0);",
                caret);
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
