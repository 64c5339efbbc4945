package org.methodportal.importexport.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.methodportal.importexport.DocumentFormat;
import org.methodportal.importexport.MethodFile;
import org.methodportal.importexport.MethodFileService;
import org.methodportal.importexport.WordDraft;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.api.MethodJson;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchSort;
import org.methodportal.shared.AttachmentResponse;
import org.methodportal.shared.PortalException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Methods as PDF and Word documents, and a method drafted in Word as a new draft. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "documents", description = "文档: a method, a category or a search result as PDF or Word; Word as a draft")
class MethodFileController {

    /** Documents of the API are in Chinese, the portal's working language. */
    private static final Locale API_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MethodFileService files;

    MethodFileController(MethodFileService files) {
        this.files = files;
    }

    @GetMapping("/methods/{id}/pdf")
    @Operation(summary = "The method as the caller sees it as a PDF: every field in domain order, provenance, the "
            + "review record (rubric averages, each round's decision) and adoption; Chinese font embedded")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return download(files.method(id, DocumentFormat.PDF, API_LOCALE));
    }

    @GetMapping("/methods/{id}/docx")
    @Operation(summary = "The method as a Word file (.docx) in the template POST /proposals/word reads back")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return download(files.method(id, DocumentFormat.WORD, API_LOCALE));
    }

    @GetMapping("/categories/{category}/{format:pdf|docx}")
    @Operation(summary = "The published methods of a category (Chinese name or enum), by title, the first "
            + MethodFileService.COLLECTION_MAX + ", as one document with a table of contents")
    ResponseEntity<byte[]> category(@PathVariable String category, @PathVariable String format) {
        Category chosen = Category.fromName(category)
                .orElseThrow(() -> PortalException.invalid("method.category-unknown", category));
        return download(files.category(chosen, format(format), API_LOCALE));
    }

    @GetMapping("/search/{format:pdf|docx}")
    @Operation(summary = "The hits of a search (the parameters of GET /search) in their order, the first "
            + MethodFileService.COLLECTION_MAX + ", as one document with a table of contents")
    ResponseEntity<byte[]> searchResult(@PathVariable String format, @RequestParam(defaultValue = "") String q,
                                        @RequestParam(required = false) @Nullable String category,
                                        @RequestParam(required = false) @Nullable Long department,
                                        @RequestParam(required = false) @Nullable MethodStatus status,
                                        @RequestParam(required = false) @Nullable String tag,
                                        @RequestParam(required = false) @Nullable Integer year,
                                        @RequestParam(defaultValue = "false") boolean adopted) {
        Category chosen = category == null || category.isBlank() ? null : Category.fromName(category)
                .orElseThrow(() -> PortalException.invalid("method.category-unknown", category));
        var request = new SearchRequest(q, chosen, department, status, tag, year, SearchSort.RELEVANCE, 0,
                MethodFileService.COLLECTION_MAX, adopted);
        return download(files.searchResult(request, format(format), API_LOCALE));
    }

    @PostMapping(value = "/proposals/word", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A method drafted in Word (.docx in the common template: 标题, 针对问题, 工作理念, 主要措施, "
            + "操作步骤, 工作成效, 适用范围) as a new draft of the caller. dryRun=true only reads it (200, nothing "
            + "saved); otherwise 201 with the draft. unmapped lists what was not taken into a field; category (name "
            + "or enum) is needed when the file names none. Too large, unreadable or empty files: 422, nothing saved")
    ResponseEntity<WordImportResponse> importWord(@RequestPart("file") MultipartFile file,
                                                  @RequestParam(required = false) @Nullable String category,
                                                  @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        if (file.getSize() > files.wordMaxSize()) {
            throw PortalException.invalid("document.word-too-large", name(file), files.wordMaxSize() / 1024 / 1024);
        }
        WordDraft draft = files.readWord(name(file), file.getBytes());
        Category chosen = category == null || category.isBlank() ? null : Category.fromName(category)
                .orElseThrow(() -> PortalException.invalid("method.category-unknown", category));
        if (dryRun) {
            return ResponseEntity.ok(new WordImportResponse(null, DraftFields.of(draft), draft.unmapped(),
                    draft.images()));
        }
        var created = files.createDraft(draft, chosen);
        return ResponseEntity.status(HttpStatus.CREATED).body(new WordImportResponse(
                MethodJson.MethodResponse.of(created), DraftFields.of(draft), draft.unmapped(), draft.images()));
    }

    private static String name(MultipartFile file) {
        return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.docx"
                : file.getOriginalFilename();
    }

    private static DocumentFormat format(String format) {
        return "docx".equals(format) ? DocumentFormat.WORD : DocumentFormat.PDF;
    }

    private static ResponseEntity<byte[]> download(MethodFile file) {
        return AttachmentResponse.of(file.fileName(), MediaType.parseMediaType(file.contentType()), file.content());
    }

    /** The draft made (null on a dry run), the fields read, and what was not taken. */
    record WordImportResponse(MethodJson.@Nullable MethodResponse method, DraftFields fields, List<String> unmapped,
                              int images) {
    }

    /** The fields as the corpus format names them; category as its Chinese name, null when the file names none. */
    record DraftFields(String title, @Nullable String summary, @Nullable String category, String problem,
                       @Nullable String concept, List<String> measures, List<String> steps, @Nullable String outcomes,
                       @Nullable String applicability, List<String> tags, @Nullable String body) {
        static DraftFields of(WordDraft d) {
            return new DraftFields(d.title(), d.summary(), d.category() == null ? null : d.category().chineseName(),
                    d.problem(), d.concept(), d.measures(), d.steps(), d.outcomes(), d.applicability(), d.tags(),
                    d.body());
        }
    }
}
