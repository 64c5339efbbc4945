package org.methodportal.glossary.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.StandardTerm;
import org.methodportal.glossary.TermChange;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The changes of one glossary term, newest first, each with the term as it stood after it. */
class TermHistoryDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    TermHistoryDialog(GlossaryService glossary, StandardTerm term) {
        setId("glossary-history-dialog");
        setHeaderTitle(getTranslation("glossary.history.title", term.standard()));
        setWidth("min(90vw, 40rem)");
        List<TermChange> changes = glossary.history(term.id());
        if (changes.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("glossary.history.none"));
            none.setId("glossary-history-empty");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("glossary-history-list");
            list.addClassName("glossary-history");
            changes.forEach(change -> list.add(item(change)));
            add(list);
        }
        Button close = new Button(getTranslation("glossary.history.close"), e -> close());
        close.setId("glossary-history-close");
        getFooter().add(close);
    }

    private ListItem item(TermChange change) {
        Span when = new Span(TIME.format(change.changedAt().atZone(ZoneId.systemDefault())));
        when.addClassName("glossary-history-when");
        Span what = new Span(getTranslation("glossary.history.action." + change.action(),
                change.changedBy() == null ? getTranslation("glossary.history.system") : change.changedBy()));
        what.addClassName("glossary-history-what");
        Div head = new Div(when, what);
        head.addClassName("glossary-history-head");
        Span term = new Span(change.standard());
        term.addClassName("glossary-term");
        Div variants = new Div(term);
        variants.addClassName("glossary-variants");
        change.variants().forEach(v -> {
            Span chip = new Span(v);
            chip.addClassNames("portal-badge", "glossary-variant");
            variants.add(chip);
        });
        Paragraph definition = new Paragraph(change.definition());
        definition.addClassName("glossary-definition");
        return new ListItem(head, variants, definition);
    }
}
