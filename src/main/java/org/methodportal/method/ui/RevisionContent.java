package org.methodportal.method.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MarkdownRenderer;
import org.methodportal.method.MethodContent;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

/**
 * The fields of a revision as sections in domain order (summary, problem, concept, measures,
 * steps, outcomes, applicability, tags, sanitised Markdown body); used by the method page and the
 * review form.
 */
@NamedInterface("revision-content")
public class RevisionContent extends Div {

    public RevisionContent(MethodContent c) {
        addClassName("method-content");
        if (c.summary() != null && !c.summary().isBlank()) {
            Paragraph summary = new Paragraph(c.summary());
            summary.addClassName("method-summary");
            summary.setId("method-summary");
            add(summary);
        }
        addText("problem", "method.field.problem", c.problem());
        addText("concept", "method.field.concept", c.concept());
        addList("measures", "method.field.measures", c.measures());
        addList("steps", "method.field.steps", c.steps());
        addText("outcomes", "method.field.outcomes", c.outcomes());
        addText("applicability", "method.field.applicability", c.applicability());
        if (!c.tags().isEmpty()) {
            Div tags = new Div();
            tags.addClassName("method-tags");
            c.tags().forEach(t -> {
                Span tag = new Span(t);
                tag.addClassNames("portal-badge", "method-tag");
                tags.add(tag);
            });
            add(section("tags", "method.field.tags", tags));
        }
        if (c.body() != null && !c.body().isBlank()) {
            add(section("body", "method.field.body", new Html(MarkdownRenderer.render(c.body()))));
        }
    }

    private void addText(String id, String labelKey, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            Paragraph p = new Paragraph(text);
            p.addClassName("method-text");
            add(section(id, labelKey, p));
        }
    }

    private void addList(String id, String labelKey, List<String> items) {
        if (!items.isEmpty()) {
            OrderedList list = new OrderedList();
            items.forEach(item -> list.add(new ListItem(item)));
            add(section(id, labelKey, list));
        }
    }

    /** A titled section with the id {@code method-<id>}, as print styles and tests expect. */
    static Section section(String id, String labelKey, Component... content) {
        Section section = new Section();
        section.add(new H3(section.getTranslation(labelKey)));
        section.add(content);
        section.setId("method-" + id);
        section.addClassName("method-section");
        return section;
    }
}
