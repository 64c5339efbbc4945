package org.methodportal.adoption.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionAttachment;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.adoption.AttachmentFiles;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.adoption.NewAdoptionReport;
import org.methodportal.adoption.NewAttachment;
import org.methodportal.shared.AttachmentResponse;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Adoption (一抓到底). Whoever may see a method sees its adoptions; a secretary adopts for their own
 * branch and reports on it. A method or adoption the caller may not see is 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "adoption", description = "一抓到底: branches adopt published methods and report how they work")
class AdoptionController {

    private final AdoptionService adoptions;

    AdoptionController(AdoptionService adoptions) {
        this.adoptions = adoptions;
    }

    @GetMapping("/methods/{id}/adoptions")
    @Operation(summary = "The method's adoptions, open ones first, newest first")
    PageResult<Adoption> list(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        return adoptions.adoptions(id, PageRequest.ofPage(page, size, "created", false));
    }

    @GetMapping("/methods/{id}/adoptions/summary")
    @Operation(summary = "Branches adopting the method by department, the average latest rating, the newest reports")
    AdoptionSummary summary(@PathVariable long id) {
        return adoptions.summary(id);
    }

    @PostMapping("/methods/{id}/adoptions")
    @Operation(summary = "The caller's branch adopts the published method {startedOn?, plan?} (secretaries); "
            + "409 while the branch has it open already")
    ResponseEntity<Adoption> adopt(@PathVariable long id, @RequestBody NewAdoption request) {
        Adoption adoption = adoptions.adopt(id, request);
        return ResponseEntity.created(URI.create("/api/v1/adoptions/" + adoption.id())).body(adoption);
    }

    @GetMapping("/adoptions/{id}")
    @Operation(summary = "One adoption")
    Adoption get(@PathVariable long id) {
        return adoptions.adoption(id);
    }

    @GetMapping("/adoptions/{id}/reports")
    @Operation(summary = "The adoption's reports, newest first")
    List<AdoptionReport> reports(@PathVariable long id) {
        return adoptions.reports(id);
    }

    @PostMapping("/adoptions/{id}/reports")
    @Operation(summary = "A report {status: TRIAL|EFFECTIVE|UNCLEAR|STOPPED, outcome, rating 1-5, participants?} "
            + "by a secretary of the adopting branch; STOPPED ends the adoption")
    ResponseEntity<AdoptionReport> report(@PathVariable long id, @RequestBody NewAdoptionReport request) {
        AdoptionReport report = adoptions.report(id, request);
        return ResponseEntity.created(URI.create("/api/v1/adoptions/" + id + "/reports")).body(report);
    }

    @PostMapping(value = "/adoptions/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The same report as multipart/form-data: part \"report\" (application/json) and an "
            + "optional part \"file\" (PDF, PNG, JPEG, DOCX/XLSX/PPTX or UTF-8 text, at most "
            + "portal.adoption.attachment-max-size), stored together or not at all")
    ResponseEntity<AdoptionReport> reportWithAttachment(@PathVariable long id,
                                                        @RequestPart("report") NewAdoptionReport request,
                                                        @RequestPart(value = "file", required = false)
                                                        @Nullable MultipartFile file) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        // an HTML form sends an empty, nameless file part when no file was chosen
        NewAttachment attachment = file == null || file.isEmpty() && (name == null || name.isBlank()) ? null
                : new NewAttachment(name, file.getBytes());
        AdoptionReport report = adoptions.report(id, request, attachment);
        return ResponseEntity.created(URI.create("/api/v1/adoptions/" + id + "/reports")).body(report);
    }

    @GetMapping("/adoptions/{id}/reports/{reportId}/attachment")
    @Operation(summary = "The file of a report, as an attachment (Content-Disposition with the UTF-8 file name); "
            + "404 when the report has none or the method is not visible to the caller")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long reportId) {
        AdoptionAttachment file = adoptions.attachment(id, reportId);
        // Served only as a type of the allow-list, never sniffed, never shown inline: the bytes come from users.
        MediaType type = AttachmentFiles.CONTENT_TYPES.contains(file.contentType())
                ? MediaType.parseMediaType(file.contentType()) : MediaType.APPLICATION_OCTET_STREAM;
        return AttachmentResponse.of(file.fileName(), type, file.content());
    }
}
