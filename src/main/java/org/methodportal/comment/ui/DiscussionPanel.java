package org.methodportal.comment.ui;

import java.util.List;
import java.util.Objects;

import org.methodportal.comment.AnchoredText;
import org.methodportal.comment.CommentAnchor;
import org.methodportal.comment.CommentDraft;
import org.methodportal.account.AccountService;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.CommentThread;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.shared.PageResult;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.PrefilledText;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;

/**
 * The discussion on the method page: a form for a new comment, the page-comment threads newest
 * activity first with their replies, an empty state, and "更多" for the next page of threads. A link
 * with {@code ?prefill=} (e.g. from an adoption report, see {@link PrefilledText}) starts the form
 * with that text; nothing is posted until the reader submits.
 */
class DiscussionPanel extends Section implements AfterNavigationObserver {

    static final int PAGE_SIZE = 10;

    private final transient CommentService comments;
    private final transient AccountService accounts;
    private final long methodId;
    private final Div threads = new Div();
    private final Paragraph count = new Paragraph();
    private final Button more = new Button();
    final CommentForm form;
    private int pagesShown = 1;

    DiscussionPanel(CommentService comments, AccountService accounts, MethodDetail method, Revision revision) {
        this.comments = comments;
        this.accounts = accounts;
        this.methodId = method.id();
        setId("method-discussion");
        addClassNames("method-section", "comment-discussion");
        count.setId("comment-count");
        count.addClassName("comment-count");
        form = new CommentForm(accounts, "comment-form", "comment.form.submit", text -> CommentActions.run(
                () -> comments.post(methodId, CommentDraft.page(text)), () -> {
                    Notifications.success(getTranslation("comment.form.posted"));
                    reload();
                }));
        threads.setId("comment-threads");
        threads.addClassName("comment-threads");
        more.setText(getTranslation("comment.discussion.more"));
        more.setId("comment-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> {
            pagesShown++;
            reload();
        });
        add(new H3(getTranslation("comment.discussion.title")), count, form, threads, more);
        reload();
        addUnplacedSectionComments(revision);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PrefilledText.of(event.getLocation(), CommentService.TEXT_MAX).ifPresent(text -> {
            if (form.text.isEmpty()) {
                form.text.setValue(text);
            }
            getUI().ifPresent(ui -> PrefilledText.forget(ui, event.getLocation()));
        });
    }

    /**
     * Section comments that cannot stand beside a field of this revision (the title, or an item or
     * field the revision no longer has) stay reachable here, with their anchor and 已过时 mark.
     */
    private void addUnplacedSectionComments(Revision revision) {
        List<CommentThread> unplaced = comments.sectionThreads(methodId, revision.number()).stream()
                .filter(t -> {
                    CommentAnchor anchor = Objects.requireNonNull(t.root().anchor());
                    return anchor.field() == MethodField.TITLE
                            || AnchoredText.in(revision.content(), anchor.field(), anchor.itemIndex()) == null;
                })
                .toList();
        if (unplaced.isEmpty()) {
            return;
        }
        Div block = new Div(new H4(getTranslation("comment.discussion.unplaced")));
        block.setId("comment-unplaced");
        block.addClassName("comment-threads");
        for (CommentThread thread : unplaced) {
            Div threadBlock = new Div(new CommentCard(comments, accounts, thread.root(), this::reloadPage));
            threadBlock.addClassNames("comment-thread", "section-comment-thread");
            thread.replies().forEach(r -> threadBlock.add(new CommentCard(comments, accounts, r, this::reloadPage)));
            block.add(threadBlock);
        }
        add(block);
    }

    private void reloadPage() {
        getUI().ifPresent(ui -> ui.getPage().reload());
    }

    /** Shows the first {@code pagesShown} pages again, so a change anywhere keeps the reader's place. */
    private void reload() {
        threads.removeAll();
        PageResult<CommentThread> page = comments.threads(methodId, 0, pagesShown * PAGE_SIZE);
        count.setText(getTranslation("comment.discussion.count", page.total()));
        if (page.content().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("comment.discussion.empty"));
            empty.setId("comment-empty");
            empty.addClassName("comment-empty");
            threads.add(empty);
        }
        for (CommentThread thread : page.content()) {
            Div block = new Div(new CommentCard(comments, accounts, thread.root(), this::reload));
            block.addClassName("comment-thread");
            thread.replies().forEach(reply -> block.add(new CommentCard(comments, accounts, reply, this::reload)));
            threads.add(block);
        }
        more.setVisible(page.total() > page.content().size());
    }
}
