package org.methodportal.importexport.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.methodportal.importexport.ImportExportService;
import org.methodportal.importexport.ImportProgress;
import org.methodportal.importexport.ImportReport;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PortalException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Import of methods from JSON lines (administrators) and export of the methods the caller may see.
 * The body is read and the export written line by line, so large files are never held in memory.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "import-export", description = "导入导出: JSON lines in the corpus format (../corpus/methods.jsonl)")
class ImportExportController {

    /** Messages of the API are in Chinese, the portal's working language. */
    private static final Locale API_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ImportExportService service;
    private final MessageSource messages;

    ImportExportController(ImportExportService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @PostMapping(value = "/import", consumes = {ImportExportService.MEDIA_TYPE, "application/jsonl", "text/plain",
            "application/octet-stream"})
    @Operation(summary = "Imports JSON lines (administrators only); status PUBLISHED (default) or DRAFT. The source "
            + "id becomes the method's externalId; importing the same file again changes nothing. Bad lines are "
            + "skipped and reported with their line number")
    ImportReportResponse importLines(@RequestParam(defaultValue = "PUBLISHED") MethodStatus status,
                                     @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false)
                                     @Nullable Long contentLength,
                                     InputStream body) {
        if (contentLength != null && contentLength > service.maxSize()) {
            throw PortalException.invalid("import.too-large", service.maxSize() / 1024 / 1024);
        }
        ImportReport report = service.importLines(body, status, "api", ImportProgress.NONE);
        return new ImportReportResponse(report.created(), report.updated(), report.unchanged(), report.failed(),
                report.errors().stream().map(e -> new ErrorLine(e.line(), e.code(),
                        messages.getMessage(e.messageKey(), e.args().toArray(), e.code(), API_LOCALE))).toList());
    }

    @GetMapping("/export")
    @Operation(summary = "All methods the caller may see, as JSON lines in the import format (application/x-ndjson); "
            + "each as the caller sees it. Without a source id a method is exported as portal-<id>")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType(ImportExportService.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("methods.jsonl").build().toString());
        service.export(response.getOutputStream());
    }

    /** The result of an import: counts, and each skipped line with its number, code and Chinese message. */
    record ImportReportResponse(int created, int updated, int unchanged, int failed, List<ErrorLine> errors) {
    }

    record ErrorLine(long line, String code, String message) {
    }
}
