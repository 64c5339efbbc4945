package org.methodportal.comment.ui;

import org.methodportal.comment.CommentDraft;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.CommentThread;
import org.methodportal.method.MethodView;
import org.methodportal.shared.PageResult;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/**
 * The discussion on the method page: a form for a new comment, the page-comment threads newest
 * activity first with their replies, an empty state, and "更多" for the next page of threads.
 */
class DiscussionPanel extends Section {

    static final int PAGE_SIZE = 10;

    private final transient CommentService comments;
    private final long methodId;
    private final Div threads = new Div();
    private final Paragraph count = new Paragraph();
    private final Button more = new Button();
    private int pagesShown = 1;

    DiscussionPanel(CommentService comments, MethodView method) {
        this.comments = comments;
        this.methodId = method.id();
        setId("method-discussion");
        addClassNames("method-section", "comment-discussion");
        count.setId("comment-count");
        count.addClassName("comment-count");
        CommentForm form = new CommentForm("comment-form", "comment.form.submit", text -> CommentActions.run(
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
            Div block = new Div(new CommentCard(comments, thread.root(), this::reload));
            block.addClassName("comment-thread");
            thread.replies().forEach(reply -> block.add(new CommentCard(comments, reply, this::reload)));
            threads.add(block);
        }
        more.setVisible(page.total() > page.content().size());
    }
}
