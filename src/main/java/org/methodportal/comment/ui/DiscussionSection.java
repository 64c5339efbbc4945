package org.methodportal.comment.ui;

import java.util.Optional;

import org.methodportal.account.AccountService;
import org.methodportal.comment.CommentService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.method.ui.MethodPageSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Contributes the discussion and the section comments to the method page. */
@Component
@Order(20)
class DiscussionSection implements MethodPageSection {

    private final CommentService comments;
    private final AccountService accounts;

    DiscussionSection(CommentService comments, AccountService accounts) {
        this.comments = comments;
        this.accounts = accounts;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method) {
        return create(method, method.revision());
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method, Revision revision) {
        return Optional.of(new DiscussionPanel(comments, accounts, method, revision));
    }

    @Override
    public Optional<FieldAnnotations> annotations(MethodDetail method, Revision revision) {
        return Optional.of(new SectionComments(comments, accounts, method, revision));
    }
}
