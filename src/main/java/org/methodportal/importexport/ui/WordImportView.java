package org.methodportal.importexport.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.importexport.MethodFileService;
import org.methodportal.importexport.WordDraft;
import org.methodportal.method.Category;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodContent;
import org.methodportal.method.ui.RevisionContent;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/**
 * A method written in Word becomes a new draft: the file is read, the author sees the fields found
 * and what could not be placed, picks the category when the file names none, and saves. Nothing is
 * stored before that; the draft then opens in the editor.
 */
@Route(WordImportView.ROUTE)
@RolesAllowed({"SECRETARY", "REVIEWER", "ADMIN"})
public class WordImportView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "methods/import-word";
    private static final Logger log = LoggerFactory.getLogger(WordImportView.class);

    final Upload upload = new Upload();
    final Div preview = new Div();
    final Select<Category> category = new Select<>();
    final Div unmapped = new Div();
    final Button save = new Button();
    final Button again = new Button();
    private final transient MethodFileService files;
    private @Nullable WordDraft draft;

    WordImportView(MethodFileService files) {
        this.files = files;
        setId("word-import-view");
        addClassName("portal-page");
        setMaxWidth("72rem");

        upload.setId("word-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.wordMaxSize()));
        upload.setAcceptedFileTypes(".docx", MethodFileService.DOCX);
        upload.setI18n(UploadTexts.of(this, "importexport.word.wrong-type"));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui ->
                ui.access(() -> read(metadata.fileName(), bytes)))));
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("importexport.word.rejected",
                ImportView.sizeLabel(files.wordMaxSize()))));

        preview.setId("word-import-preview");
        preview.addClassNames("portal-card", "word-import-preview");
        preview.setVisible(false);
        category.setId("word-import-category");
        category.setLabel(getTranslation("method.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> getTranslation("method.category." + c.name()));
        category.setPlaceholder(getTranslation("method.editor.category-placeholder"));
        category.setRequiredIndicatorVisible(true);
        unmapped.setId("word-import-unmapped");
        unmapped.addClassName("word-import-unmapped");
        save.setText(getTranslation("importexport.word.save"));
        save.setId("word-import-save");
        save.setIcon(VaadinIcon.CHECK.create());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        again.setText(getTranslation("importexport.word.again"));
        again.setId("word-import-again");
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        again.addClickListener(e -> clear());

        Paragraph hint = new Paragraph(getTranslation("importexport.word.hint",
                ImportView.sizeLabel(files.wordMaxSize())));
        hint.setId("word-import-hint");
        add(new H2(getTranslation("importexport.word.title")), hint, upload, preview);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("importexport.word.title");
    }

    void read(String fileName, byte[] bytes) {
        try {
            show(files.readWord(fileName, bytes));
        } catch (PortalException e) {
            clear();
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void show(WordDraft read) {
        draft = read;
        preview.removeAll();
        category.setValue(read.category());
        category.setInvalid(false);
        H3 title = new H3(read.title());
        title.setId("word-import-title");
        // the preview shows no category (the field above does), so any stands in for a missing one
        MethodContent content = read.content(read.category() != null ? read.category() : Category.values()[0]);
        Div fields = new RevisionContent(content);
        fields.setId("word-import-fields");
        showUnmapped(read);
        HorizontalLayout buttons = new HorizontalLayout(save, again);
        preview.add(new Paragraph(getTranslation("importexport.word.read", read.fileName())), category, title,
                fields, unmapped, buttons);
        preview.setVisible(true);
        upload.setVisible(false);
    }

    private void showUnmapped(WordDraft read) {
        unmapped.removeAll();
        unmapped.add(new H3(getTranslation("importexport.word.unmapped-heading")));
        if (read.unmapped().isEmpty() && read.images() == 0) {
            unmapped.add(new Paragraph(getTranslation("importexport.word.all-mapped")));
            return;
        }
        unmapped.add(new Paragraph(getTranslation("importexport.word.unmapped-hint")));
        UnorderedList list = new UnorderedList();
        List<String> parts = read.unmapped();
        parts.forEach(part -> {
            ListItem item = new ListItem(part);
            item.addClassName("word-import-unmapped-part");
            list.add(item);
        });
        if (read.images() > 0) {
            list.add(new ListItem(getTranslation("importexport.word.images", read.images())));
        }
        unmapped.add(list);
    }

    void save() {
        if (draft == null) {
            return;
        }
        if (category.getValue() == null) {
            category.setInvalid(true);
            category.setErrorMessage(getTranslation("error.document.word-category-missing"));
            category.focus();
            return;
        }
        try {
            MethodDetail created = files.createDraft(draft, category.getValue());
            Notifications.success(getTranslation("importexport.word.saved", created.revision().content().title()));
            UI.getCurrent().navigate("methods/" + created.id() + "/edit");
        } catch (PortalException e) {
            // the file's text stays on the page: the author can fix the file, or save and edit after choosing
            log.info("Word draft {} not saved: {}", draft.fileName(), e.getMessage());
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void clear() {
        draft = null;
        preview.removeAll();
        preview.setVisible(false);
        upload.clearFileList();
        upload.setVisible(true);
    }
}
