package org.methodportal.backup.ui;

import java.io.IOException;

import org.methodportal.backup.BackupService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;

import jakarta.annotation.security.RolesAllowed;

/**
 * Backups for administrators: a download of the whole database taken while the portal runs, and
 * how to restore one (on the command line, with the portal stopped).
 */
@Route("admin/backup")
@Menu(title = "backup.nav", icon = "vaadin:archive", order = 96)
@RolesAllowed("ADMIN")
public class BackupView extends VerticalLayout implements HasDynamicTitle {

    private final transient BackupService backups;

    BackupView(BackupService backups) {
        this.backups = backups;
        setId("backup-view");
        addClassName("portal-page");

        Button downloadButton = new Button(getTranslation("backup.download"), VaadinIcon.DOWNLOAD.create());
        downloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor download = new Anchor(this::download, AttachmentType.DOWNLOAD, "");
        download.removeAll();
        download.add(downloadButton);
        download.setId("backup-download");
        VerticalLayout take = new VerticalLayout(new H3(getTranslation("backup.take.heading")),
                new Paragraph(getTranslation("backup.take.text")), download);
        take.addClassName("portal-card");

        Pre command = new Pre("java -jar method-portal.jar restore --from method-portal-….zip\n"
                + "java -jar method-portal.jar backup --to method-portal.zip");
        command.setId("backup-restore-command");
        VerticalLayout restore = new VerticalLayout(new H3(getTranslation("backup.restore.heading")),
                new Paragraph(getTranslation("backup.restore.text")), command,
                new Paragraph(getTranslation("backup.restore.postgres")));
        restore.addClassName("portal-card");
        add(new H2(getTranslation("backup.title")), take, restore);
    }

    private void download(DownloadEvent event) throws IOException {
        event.setFileName(backups.fileName());
        event.setContentType("application/zip");
        backups.write(event.getOutputStream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backup.title") + " | " + getTranslation("app.name");
    }
}
