package org.methodportal.account.ui;

import java.util.stream.Stream;

import org.methodportal.account.AccountService;
import org.methodportal.account.MentionCandidate;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * "@" autocomplete for comment editors: type part of a name, its pinyin (full or initials) or a
 * login, pick one of the first eight enabled accounts (prefix matches first), and the field hands
 * {@code "@login "} to its callback (for {@link #insertingInto} the text area gets it) and empties
 * itself for the next mention. Each keystroke is one server-side query, fast with 300,000 accounts
 * (docs/benchmarks.md). Named interface, so that the comment module's form may use it. It sets no
 * id: a page may hold several comment forms, so the caller gives each its own.
 */
@NamedInterface("mention-field")
public class MentionField extends ComboBox<MentionCandidate> {

    private final transient AccountService accounts;

    /** Calls {@code onMention} with "@login " whenever an account is picked. */
    public MentionField(AccountService accounts, SerializableConsumer<String> onMention) {
        this.accounts = accounts;
        setAriaLabel(getTranslation("account.mention.label"));
        setPlaceholder(getTranslation("account.mention.placeholder"));
        setPrefixComponent(new Span("@"));
        setItemLabelGenerator(MentionCandidate::displayName);
        setRenderer(LitRenderer.<MentionCandidate>of("<div>${item.name}<div class=\"portal-picker-secondary\">"
                        + "@${item.login} · ${item.branch}</div></div>")
                .withProperty("name", MentionCandidate::displayName)
                .withProperty("login", MentionCandidate::login)
                .withProperty("branch", MentionCandidate::branchName));
        setClearButtonVisible(true);
        // At most eight candidates: the first page holds them all, later pages are empty.
        setItems(query -> query.getOffset() > 0 ? Stream.empty()
                : this.accounts.mentionCandidates(query.getFilter().orElse(null)).stream().limit(query.getLimit()));
        addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onMention.accept(mention(e.getValue().login()));
                clear();
            }
        });
    }

    /** A field that appends each picked mention to {@code text} and puts the focus back there. */
    public static MentionField insertingInto(AccountService accounts, TextArea text) {
        return new MentionField(accounts, mention -> {
            text.setValue(append(text.getValue(), mention));
            text.focus();
        });
    }

    /** The text a mention inserts: "@login " (the space ends the login for the mention parser). */
    public static String mention(String login) {
        return "@" + login + " ";
    }

    /** {@code text} followed by {@code mention}, with a space between when the text does not end in one. */
    static String append(String text, String mention) {
        return text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)) ? text + mention
                : text + " " + mention;
    }
}
