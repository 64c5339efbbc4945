package org.methodportal.method.ui;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MarkdownRenderer;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;
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

    private final MethodPageSection.FieldAnnotations annotations;

    public RevisionContent(MethodContent c) {
        this(c, MethodPageSection.FieldAnnotations.NONE);
    }

    /** The fields with what other modules add beside each field and list item (e.g. section comments). */
    public RevisionContent(MethodContent c, MethodPageSection.FieldAnnotations annotations) {
        this.annotations = annotations;
        addClassName("method-content");
        if (c.summary() != null && !c.summary().isBlank()) {
            Paragraph summary = new Paragraph(c.summary());
            summary.addClassName("method-summary");
            summary.setId("method-summary");
            add(summary);
            annotations.annotate(MethodField.SUMMARY, null, this);
        }
        addText(MethodField.PROBLEM, c.problem());
        addText(MethodField.CONCEPT, c.concept());
        addList(MethodField.MEASURES, c.measures());
        addList(MethodField.STEPS, c.steps());
        addText(MethodField.OUTCOMES, c.outcomes());
        addText(MethodField.APPLICABILITY, c.applicability());
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
            Section body = section("body", "method.field.body", new Html(MarkdownRenderer.render(c.body())));
            annotations.annotate(MethodField.BODY, null, body);
            add(body);
        }
    }

    private void addText(MethodField field, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            Paragraph p = new Paragraph(text);
            p.addClassName("method-text");
            Section section = section(id(field), field.key(), p);
            annotations.annotate(field, null, section);
            add(section);
        }
    }

    private void addList(MethodField field, List<String> items) {
        if (!items.isEmpty()) {
            OrderedList list = new OrderedList();
            for (int i = 0; i < items.size(); i++) {
                ListItem item = new ListItem(items.get(i));
                annotations.annotate(field, i, item);
                list.add(item);
            }
            add(section(id(field), field.key(), list));
        }
    }

    private static String id(MethodField field) {
        return field.name().toLowerCase(Locale.ROOT);
    }

    /** A titled section with the id {@code method-<id>}, as print styles and tests expect. */
    public static Section section(String id, String labelKey, Component... content) {
        Section section = new Section();
        section.add(new H3(section.getTranslation(labelKey)));
        section.add(content);
        section.setId("method-" + id);
        section.addClassName("method-section");
        return section;
    }
}
