package org.methodportal.importexport.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;
import org.methodportal.importexport.ImportExportService;
import org.methodportal.importexport.ImportReport;
import org.methodportal.importexport.ImportReport.ImportError;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import jakarta.annotation.security.RolesAllowed;

/**
 * Import of a JSON lines file (upload, status choice, progress while it runs in the background, then
 * the report with the skipped lines) and the download of all methods as the same format. The page
 * polls the server while an import runs, as the portal does not use server push.
 */
@Route("admin/import")
@Menu(title = "importexport.nav", icon = "vaadin:exchange", order = 95)
@RolesAllowed("ADMIN")
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    static final int POLL_MILLIS = 400;
    private static final long PROGRESS_EVERY_MILLIS = 250;

    final RadioButtonGroup<MethodStatus> status = new RadioButtonGroup<>();
    final Upload upload = new Upload();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div running = new Div();
    final Div report = new Div();
    final Span reportSummary = new Span();
    final Grid<ImportError> errors = new Grid<>(ImportError.class, false);
    private final transient ImportExportService service;

    ImportView(ImportExportService service) {
        this.service = service;
        setId("import-view");
        addClassName("portal-page");
        addClassName("import-page");

        status.setId("import-status");
        status.setLabel(getTranslation("importexport.import.status"));
        status.setItems(MethodStatus.PUBLISHED, MethodStatus.DRAFT);
        status.setItemLabelGenerator(s -> getTranslation("method.status." + s.name()));
        status.setValue(MethodStatus.PUBLISHED);

        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, service.maxSize()));
        upload.setAcceptedFileTypes(".jsonl", ".ndjson", ".json", ".txt");
        upload.setI18n(UploadTexts.of(this, "importexport.upload.wrong-type"));
        upload.setUploadHandler(UploadHandler.toTempFile(this::uploaded));
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("importexport.import.rejected")));

        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        running.add(progressText, progress);
        running.setId("import-running");
        running.addClassName("import-running");
        running.setVisible(false);

        report.setId("import-report");
        report.addClassName("import-report");
        report.setVisible(false);
        reportSummary.setId("import-summary");
        errors.setId("import-errors");
        errors.addColumn(ImportError::line).setHeader(getTranslation("importexport.report.line"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(e -> getTranslation(e.messageKey(), e.args().toArray()))
                .setHeader(getTranslation("importexport.report.reason")).setFlexGrow(1);
        errors.addColumn(ImportError::code).setHeader(getTranslation("importexport.report.code"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.setEmptyStateText(getTranslation("importexport.report.no-errors"));
        errors.setAllRowsVisible(true);
        report.add(new H3(getTranslation("importexport.report.heading")), reportSummary, errors);

        reportSummary.addClassName("import-summary");
        Paragraph hint = hint(getTranslation("importexport.import.hint", sizeLabel(service.maxSize())));
        VerticalLayout importSection = new VerticalLayout(new H3(getTranslation("importexport.import.heading")), hint,
                status, upload, running, report);
        importSection.setId("import-section");
        importSection.addClassNames("portal-card", "import-section");

        Button downloadButton = new Button(getTranslation("importexport.export.download"),
                VaadinIcon.DOWNLOAD.create());
        downloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor download = new Anchor(this::export, AttachmentType.DOWNLOAD, "");
        download.removeAll();
        download.add(downloadButton);
        download.setId("export-download");
        VerticalLayout exportSection = new VerticalLayout(new H3(getTranslation("importexport.export.heading")),
                hint(getTranslation("importexport.export.hint")), download);
        exportSection.setId("export-section");
        exportSection.addClassNames("portal-card", "import-section");

        add(new H2(getTranslation("importexport.title")), importSection, exportSection);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("importexport.title");
    }

    /** Called when the file has arrived: keeps a copy of its own and imports it in the background. */
    private void uploaded(UploadMetadata metadata, File file) throws IOException {
        Path copy = Files.createTempFile("portal-import-", ".jsonl");
        Files.move(file.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
        long size = Math.max(1, Files.size(copy));
        UI ui = UI.getCurrent();
        ui.access(() -> start(ui, copy, size, metadata.fileName()));
    }

    private void start(UI ui, Path file, long size, String fileName) {
        report.setVisible(false);
        running.setVisible(true);
        progress.setValue(0);
        progressText.setText(getTranslation("importexport.import.running", fileName, 0));
        upload.getElement().setEnabled(false);
        status.setEnabled(false);
        ui.setPollInterval(POLL_MILLIS);
        var lastUpdate = new long[] {0};
        try {
            service.importFileInBackground(file, status.getValue(), fileName, (lines, bytes) -> {
                long now = System.currentTimeMillis();
                if (now - lastUpdate[0] >= PROGRESS_EVERY_MILLIS) {
                    lastUpdate[0] = now;
                    inUi(ui, () -> {
                        progress.setValue(Math.min(1.0, (double) bytes / size));
                        progressText.setText(getTranslation("importexport.import.running", fileName, lines));
                    });
                }
            }).whenComplete((result, failure) -> inUi(ui, () -> finish(ui, fileName, result, failure)));
        } catch (PortalException e) {
            finish(ui, fileName, null, e);
        }
    }

    private void finish(UI ui, String fileName, @Nullable ImportReport result, @Nullable Throwable failure) {
        ui.setPollInterval(-1);
        running.setVisible(false);
        upload.getElement().setEnabled(true);
        upload.clearFileList();
        status.setEnabled(true);
        if (failure != null || result == null) {
            Throwable cause = failure == null ? null : failure.getCause() != null ? failure.getCause() : failure;
            Notifications.error(cause instanceof PortalException p ? getTranslation(p.messageKey(), p.args())
                    : getTranslation("importexport.import.failed", fileName));
            return;
        }
        showReport(fileName, result);
    }

    void showReport(String fileName, ImportReport result) {
        reportSummary.setText(getTranslation("importexport.report.summary", fileName, result.created(),
                result.updated(), result.unchanged(), result.failed()));
        errors.setItems(result.errors());
        report.setVisible(true);
        // With failures the report right here says so; a toast would only cover it.
        if (result.failed() == 0) {
            Notifications.success(getTranslation("importexport.import.done", result.total()));
        }
    }

    private void export(DownloadEvent event) throws IOException {
        event.setFileName("methods.jsonl");
        event.setContentType(ImportExportService.MEDIA_TYPE);
        service.export(event.getOutputStream());
    }

    private static void inUi(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException e) {
            log.debug("import finished after its page was closed");
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private static Paragraph hint(String text) {
        Paragraph hint = new Paragraph(text);
        hint.addClassName("import-hint");
        return hint;
    }

    /** A size limit as people write it: whole gigabytes in GB (the default is 1 GB), otherwise megabytes. */
    static String sizeLabel(long bytes) {
        long megabytes = bytes / (1024 * 1024);
        return megabytes >= 1024 && megabytes % 1024 == 0 ? megabytes / 1024 + " GB" : megabytes + " MB";
    }
}
