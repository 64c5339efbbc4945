package org.methodportal.comment.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.methodportal.comment.AnchoredText;
import org.methodportal.comment.CommentAnchor;
import org.methodportal.comment.CommentDraft;
import org.methodportal.account.AccountService;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.CommentThread;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.method.ui.MethodPageSection.FieldAnnotations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Section comments beside the fields of the shown revision: a small "评论此部分" button per field
 * and list item, and the threads anchored there (with 已过时, resolve/reopen and suggestions).
 * The threads are loaded once per page; a change reloads the page, since applying a suggestion
 * creates a new revision.
 */
class SectionComments implements FieldAnnotations {

    private final transient CommentService comments;
    private final transient AccountService accounts;
    private final MethodDetail method;
    private final Revision revision;
    private final List<CommentThread> threads;

    SectionComments(CommentService comments, AccountService accounts, MethodDetail method, Revision revision) {
        this.comments = comments;
        this.accounts = accounts;
        this.method = method;
        this.revision = revision;
        this.threads = comments.sectionThreads(method.id(), revision.number());
    }

    @Override
    public void annotate(MethodField field, @Nullable Integer itemIndex, HasComponents target) {
        String key = field.name().toLowerCase(Locale.ROOT) + (itemIndex == null ? "" : "-" + itemIndex);
        Div block = new Div();
        block.addClassName("section-comments");
        block.setId("section-comments-" + key);
        String label = block.getTranslation("comment.section.add");
        Button add = new Button(VaadinIcon.COMMENT_O.create(), e -> openDialog(field, itemIndex));
        add.setId("comment-on-" + key);
        add.addClassName("section-comment-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add.setTooltipText(label);
        add.setAriaLabel(label);
        if (itemIndex == null) {
            add.setText(label);
            block.add(add);
        } else {
            // Beside the item's text, icon only, so that a list stays a list to read.
            add.addThemeVariants(ButtonVariant.LUMO_ICON);
            target.add(add);
        }
        for (CommentThread thread : threads) {
            CommentAnchor anchor = Objects.requireNonNull(thread.root().anchor());
            if (anchor.field() == field && Objects.equals(anchor.itemIndex(), itemIndex)) {
                Div threadBlock = new Div(new CommentCard(comments, accounts, thread.root(), SectionComments::reload));
                threadBlock.addClassNames("comment-thread", "section-comment-thread");
                thread.replies().forEach(r -> threadBlock.add(new CommentCard(comments, accounts, r, SectionComments::reload)));
                block.add(threadBlock);
            }
        }
        target.add(block);
    }

    private void openDialog(MethodField field, @Nullable Integer itemIndex) {
        Dialog dialog = new Dialog();
        dialog.setId("comment-anchor-dialog");
        dialog.setWidth("min(40rem, 95vw)");
        dialog.setHeaderTitle(dialog.getTranslation("comment.section.dialog-title", place(dialog, field, itemIndex)));
        TextArea suggestion = new TextArea(dialog.getTranslation("comment.section.suggestion"));
        suggestion.setId("comment-suggestion");
        suggestion.setWidthFull();
        suggestion.setValue(Objects.requireNonNullElse(AnchoredText.in(revision.content(), field, itemIndex), ""));
        // A published entry changes only through a change request, so suggestions go to drafts and proposals.
        boolean suggestable = !method.status().isPublic();
        String original = suggestion.getValue();
        CommentForm form = new CommentForm(accounts, "comment-anchor-form", "comment.form.submit", text -> {
            String proposed = suggestable && !suggestion.getValue().strip().equals(original.strip())
                    ? suggestion.getValue() : null;
            boolean posted = CommentActions.run(() -> comments.post(method.id(), CommentDraft.anchored(text,
                    revision.number(), field, itemIndex, proposed)), SectionComments::reload);
            if (posted) {
                dialog.close();
            }
            return posted;
        });
        form.addCancel(dialog::close);
        dialog.add(form);
        if (suggestable) {
            form.addComponentAtIndex(1, suggestion);
        }
        dialog.open();
        form.text.focus();
    }

    /** "操作步骤 第 2 条" or "针对问题": where an anchor points, in the reader's language. */
    static String place(Component c, MethodField field, @Nullable Integer itemIndex) {
        String name = c.getTranslation(field.key());
        return itemIndex == null ? name : c.getTranslation("comment.section.item", name, itemIndex + 1);
    }

    private static void reload() {
        UI.getCurrent().getPage().reload();
    }
}
