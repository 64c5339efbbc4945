package org.methodportal.review.ui;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.methodportal.glossary.Finding;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.shared.PortalException;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * On the review form: how many local wordings (地方话) the proposal still holds against the
 * current glossary, field by field; those the author deliberately kept (忽略) are listed and
 * counted apart, so the reviewer can judge them. The imported raw practice is not the proposal's
 * text and is left out.
 */
class NormalisationStatus extends Div {

    private static final Pattern ITEM = Pattern.compile("(\\w+)\\[(\\d+)]");

    final Paragraph headline = new Paragraph();

    NormalisationStatus(GlossaryService glossary, long methodId) {
        setId("review-normalisation");
        addClassName("review-normalisation");
        List<Finding> findings;
        try {
            findings = glossary.checkMethod(methodId).stream().filter(f -> !"rawPractice".equals(f.field())).toList();
        } catch (PortalException e) {
            findings = List.of();
        }
        long open = findings.stream().filter(f -> !f.kept()).count();
        long kept = findings.size() - open;
        headline.setId("review-normalisation-count");
        String count = open == 0 && kept == 0 ? getTranslation("review.normalisation.none")
                : open == 0 ? getTranslation("review.normalisation.clean")
                : getTranslation("review.normalisation.open", open);
        headline.setText(count + (kept == 0 ? "" : getTranslation("review.normalisation.kept-count", kept)));
        headline.addClassName(open == 0 ? "review-normalisation-clean" : "review-normalisation-open");
        add(new H3(getTranslation("review.normalisation.title")), headline);
        if (findings.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("review-normalisation-list");
        for (Finding f : findings) {
            Span field = new Span(fieldLabel(Objects.toString(f.field(), "")));
            field.addClassName("normalisation-field");
            Span variant = new Span(f.variant());
            variant.addClassNames("portal-badge", "glossary-variant");
            Span standard = new Span(f.standard());
            standard.addClassNames("portal-badge", "glossary-category");
            ListItem item = new ListItem(field, variant, new Span(" → "), standard);
            if (f.kept()) {
                Span note = new Span(getTranslation("review.normalisation.kept"));
                note.addClassName("review-normalisation-kept");
                item.add(note);
            }
            list.add(item);
        }
        add(list);
    }

    /** "measures[1]" → "主要措施 2", "problem" → "针对问题". */
    private String fieldLabel(String field) {
        Matcher item = ITEM.matcher(field);
        if (item.matches()) {
            return getTranslation("method.field." + item.group(1)) + " " + (Integer.parseInt(item.group(2)) + 1);
        }
        return getTranslation("method.field." + field);
    }
}
