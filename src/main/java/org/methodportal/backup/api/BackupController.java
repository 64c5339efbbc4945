package org.methodportal.backup.api;

import java.io.IOException;

import org.methodportal.backup.BackupService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** A backup of the running portal for scripts (cron with an API token of scope admin). */
@RestController
@Tag(name = "backup", description = "备份: the whole database as one consistent snapshot (administrators)")
class BackupController {

    static final String MEDIA_TYPE = "application/zip";

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping("/api/v1/admin/backup")
    @Operation(summary = "A backup of the whole database (zip: one JSON-lines file per table and a manifest), taken "
            + "while the portal runs; restore it with `java -jar method-portal.jar restore --from FILE`")
    void backup(HttpServletResponse response) throws IOException {
        // asked first, so that a caller who may not take backups gets the usual refusal, not a zip header
        String fileName = backups.fileName();
        response.setContentType(MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        backups.write(response.getOutputStream());
    }
}
