package org.methodportal.comment.ui;

import java.util.Optional;

import org.methodportal.comment.CommentService;
import org.methodportal.method.MethodView;
import org.methodportal.method.Revision;
import org.methodportal.method.ui.MethodPageSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Contributes the discussion and the section comments to the method page (issue 6). */
@Component
@Order(20)
class DiscussionSection implements MethodPageSection {

    private final CommentService comments;

    DiscussionSection(CommentService comments) {
        this.comments = comments;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodView method) {
        return create(method, method.revision());
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodView method, Revision revision) {
        return Optional.of(new DiscussionPanel(comments, method, revision));
    }

    @Override
    public Optional<FieldAnnotations> annotations(MethodView method, Revision revision) {
        return Optional.of(new SectionComments(comments, method, revision));
    }
}
