package org.methodportal.glossary.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.methodportal.glossary.GlossaryImportReport;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.LetterCount;
import org.methodportal.glossary.StandardTerm;
import org.methodportal.glossary.TermForm;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The glossary page (术语表): search by term, local wording or pinyin, an A–Z index by the pinyin
 * of each term, and a card per term with its local wordings and definition. Administrators and
 * reviewers also create, edit, delete, import and export terms.
 */
@Route("glossary")
@Menu(title = "glossary.nav", icon = "vaadin:open-book", order = 30)
@PermitAll
public class GlossaryView extends VerticalLayout implements HasDynamicTitle {

    private static final String ALL = "";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ#";

    final TextField search = new TextField();
    final HorizontalLayout index = new HorizontalLayout();
    final Span count = new Span();
    final Div cards = new Div();
    final Button create = new Button();
    final Upload upload = new Upload();
    private final transient GlossaryService glossary;
    private final boolean editor;
    private String letter = ALL;

    GlossaryView(GlossaryService glossary, AuthenticationContext authentication) {
        this.glossary = glossary;
        this.editor = authentication.hasAnyRole("ADMIN", "REVIEWER");
        setId("glossary-view");
        addClassNames("portal-page", "glossary-page");

        search.setId("glossary-search");
        search.setPlaceholder(getTranslation("glossary.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        search.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("glossary-toolbar");
        if (editor) {
            create.setText(getTranslation("glossary.new"));
            create.setIcon(VaadinIcon.PLUS.create());
            create.setId("glossary-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(e -> openEditor(null));
            toolbar.add(create, exportLink(), importUpload());
        }

        index.setId("glossary-index");
        index.addClassName("glossary-index");
        index.setSpacing(false);
        count.setId("glossary-count");
        count.addClassName("glossary-count");
        cards.setId("glossary-cards");
        cards.addClassNames("portal-cards", "glossary-cards");

        Paragraph intro = new Paragraph(getTranslation("glossary.intro"));
        intro.addClassName("glossary-intro");
        add(new H2(getTranslation("glossary.title")), intro, toolbar, index, count, cards);
        refresh();
    }

    private void refresh() {
        renderIndex();
        var page = glossary.search(search.getValue(), letter.isEmpty() ? null : letter,
                new PageRequest(0, PageRequest.MAX_LIMIT, "standard", true));
        count.setText(getTranslation("glossary.count", page.total()));
        cards.removeAll();
        if (page.content().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("glossary.empty"));
            empty.setId("glossary-empty");
            cards.add(empty);
        }
        page.content().forEach(term -> cards.add(card(term)));
    }

    private void renderIndex() {
        Map<String, Long> counts = glossary.index().stream()
                .collect(Collectors.toMap(LetterCount::letter, LetterCount::terms));
        index.removeAll();
        index.add(letterButton(ALL, getTranslation("glossary.index.all"), true, ""));
        for (String l : LETTERS.split("")) {
            long terms = counts.getOrDefault(l, 0L);
            index.add(letterButton(l, l, terms > 0, getTranslation("glossary.index.letter", l, terms)));
        }
    }

    private Button letterButton(String value, String label, boolean enabled, String tooltip) {
        Button button = new Button(label, e -> {
            letter = value;
            refresh();
        });
        button.setId("glossary-letter-" + (value.isEmpty() ? "all" : value.equals("#") ? "other" : value));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addThemeVariants(value.equals(letter) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(enabled);
        if (!tooltip.isEmpty()) {
            button.setTooltipText(tooltip);
        }
        return button;
    }

    private Div card(StandardTerm term) {
        Div card = new Div();
        card.addClassNames("portal-card", "glossary-card");
        card.setId("glossary-term-" + term.id());
        H3 title = new H3(term.standard());
        title.addClassName("glossary-term");
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.addClassName("glossary-card-heading");
        if (term.category() != null) {
            Span category = new Span(term.category());
            category.addClassNames("portal-badge", "glossary-category");
            heading.add(category);
        }
        card.add(heading);

        Div variants = new Div();
        variants.addClassName("glossary-variants");
        Span label = new Span(getTranslation("glossary.card.variants"));
        label.addClassName("glossary-label");
        variants.add(label);
        if (term.variants().isEmpty()) {
            Span none = new Span(getTranslation("glossary.card.no-variants"));
            none.addClassName("glossary-none");
            variants.add(none);
        }
        term.variants().forEach(v -> {
            Span chip = new Span(v);
            chip.addClassNames("portal-badge", "glossary-variant");
            variants.add(chip);
        });
        card.add(variants);

        Paragraph definition = new Paragraph(term.definition());
        definition.addClassName("glossary-definition");
        card.add(definition);
        if (!term.tags().isEmpty()) {
            Div tags = new Div();
            tags.addClassName("glossary-tags");
            Span tagLabel = new Span(getTranslation("glossary.card.tags"));
            tagLabel.addClassName("glossary-label");
            tags.add(tagLabel);
            term.tags().forEach(t -> {
                Span chip = new Span(t);
                chip.addClassName("portal-badge");
                tags.add(chip);
            });
            card.add(tags);
        }
        // Everyone may see how a term came to be; only editors change it.
        Button history = new Button(getTranslation("glossary.card.history"), VaadinIcon.CLOCK.create(),
                e -> new TermHistoryDialog(glossary, term).open());
        history.setId("glossary-history-" + term.id());
        history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(history);
        actions.addClassName("glossary-actions");
        card.add(actions);
        if (editor) {
            Button edit = new Button(getTranslation("glossary.card.edit"), VaadinIcon.EDIT.create(),
                    e -> openEditor(term));
            edit.setId("glossary-edit-" + term.id());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button delete = new Button(getTranslation("glossary.card.delete"), VaadinIcon.TRASH.create(),
                    e -> Confirmations.confirmThen(getTranslation("glossary.delete.header"),
                            getTranslation("glossary.delete.text", term.standard()),
                            () -> glossary.delete(term.id(), term.version()), this::refresh));
            delete.setId("glossary-delete-" + term.id());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(edit, delete);
        }
        return card;
    }

    private void openEditor(@Nullable StandardTerm term) {
        Dialog dialog = new Dialog();
        dialog.setId("glossary-editor");
        dialog.setHeaderTitle(getTranslation(term == null ? "glossary.editor.create" : "glossary.editor.edit"));
        TextField standard = new TextField(getTranslation("glossary.editor.standard"));
        standard.setId("glossary-standard");
        standard.setRequired(true);
        standard.setMaxLength(100);
        standard.setWidthFull();
        TextField variants = new TextField(getTranslation("glossary.editor.variants"));
        variants.setId("glossary-variants");
        variants.setHelperText(getTranslation("glossary.editor.variants.hint"));
        variants.setWidthFull();
        TextArea definition = new TextArea(getTranslation("glossary.editor.definition"));
        definition.setId("glossary-definition");
        definition.setRequired(true);
        definition.setWidthFull();
        definition.setMinRows(3);
        TextField category = new TextField(getTranslation("glossary.editor.category"));
        category.setId("glossary-category");
        category.setMaxLength(60);
        category.setWidthFull();
        TextField tags = new TextField(getTranslation("glossary.editor.tags"));
        tags.setId("glossary-tags");
        tags.setHelperText(getTranslation("glossary.editor.tags.hint"));
        tags.setWidthFull();
        if (term != null) {
            standard.setValue(term.standard());
            variants.setValue(String.join("、", term.variants()));
            definition.setValue(term.definition());
            category.setValue(term.category() == null ? "" : term.category());
            tags.setValue(String.join("，", term.tags()));
        }
        Button save = new Button(getTranslation("glossary.editor.save"), e -> {
            var form = new TermForm(standard.getValue(), split(variants.getValue()), definition.getValue(),
                    category.getValue(), split(tags.getValue()));
            try {
                if (term == null) {
                    glossary.create(form);
                } else {
                    glossary.update(term.id(), term.version(), form);
                }
                dialog.close();
                Notifications.success(getTranslation("glossary.editor.saved"));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("glossary-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("glossary.editor.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(standard, variants, definition, category, tags));
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("32rem");
        dialog.open();
        standard.focus();
    }

    private Anchor exportLink() {
        Button button = new Button(getTranslation("glossary.export"), VaadinIcon.DOWNLOAD.create());
        Anchor download = new Anchor(event -> {
            event.setFileName("glossary.jsonl");
            event.setContentType("application/x-ndjson");
            event.getOutputStream().write(glossary.exportLines().getBytes(StandardCharsets.UTF_8));
        }, AttachmentType.DOWNLOAD, "");
        download.removeAll();
        download.add(button);
        download.setId("glossary-export");
        return download;
    }

    private Upload importUpload() {
        upload.setId("glossary-import");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".jsonl", ".ndjson", ".json", ".txt");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("glossary.import.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("glossary.import.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("importexport.upload.too-many"))
                .setFileIsTooBig(getTranslation("importexport.upload.too-big"))
                .setIncorrectFileType(getTranslation("importexport.upload.wrong-type")));
        upload.setI18n(i18n);
        upload.addClassName("glossary-upload");
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            GlossaryImportReport report = null;
            PortalException failure = null;
            try {
                report = glossary.importLines(new ByteArrayInputStream(bytes));
            } catch (PortalException ex) {
                failure = ex;
            }
            GlossaryImportReport done = report;
            PortalException refused = failure;
            ui.access(() -> {
                if (refused != null) {
                    Notifications.error(getTranslation(refused.messageKey(), refused.args()));
                } else if (done != null) {
                    Notifications.success(getTranslation("glossary.import.done", done.created(), done.updated(),
                            done.unchanged()));
                }
                upload.clearFileList();
                refresh();
            });
        }));
        return upload;
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,，、;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("glossary.title") + " | " + getTranslation("app.name");
    }
}
