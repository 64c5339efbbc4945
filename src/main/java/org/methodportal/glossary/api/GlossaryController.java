package org.methodportal.glossary.api;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.glossary.Finding;
import org.methodportal.glossary.GlossaryImportReport;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.LetterCount;
import org.methodportal.glossary.StandardTerm;
import org.methodportal.glossary.TermChange;
import org.methodportal.glossary.TermForm;
import org.methodportal.shared.ETags;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The glossary: everyone signed in reads and checks; administrators and reviewers write. */
@RestController
@RequestMapping("/api/v1/glossary")
@Tag(name = "glossary", description = "术语表: standard terms (标准术语), their variants (地方话) and the normalisation check")
class GlossaryController {

    static final String JSON_LINES = "application/x-ndjson";

    private final GlossaryService glossary;

    GlossaryController(GlossaryService glossary) {
        this.glossary = glossary;
    }

    @GetMapping
    @Operation(summary = "Terms in pinyin order; q matches term, variants, pinyin (full or initials), tags and "
            + "definition; letter limits to one index letter (A–Z or #)")
    PageResult<StandardTerm> list(@RequestParam(required = false) @Nullable String q,
                                  @RequestParam(required = false) @Nullable String letter,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return glossary.search(q, letter, PageRequest.ofPage(page, size, "standard", true));
    }

    @GetMapping("/index")
    @Operation(summary = "The A–Z index: each pinyin initial letter that has terms, with the number of terms")
    List<LetterCount> index() {
        return glossary.index();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One term; the ETag is its version")
    ResponseEntity<StandardTerm> get(@PathVariable long id) {
        StandardTerm term = glossary.get(id);
        return ResponseEntity.ok().eTag(ETags.of(term.version())).body(term);
    }

    @PostMapping
    @Operation(summary = "Adds a term (administrators and reviewers)")
    ResponseEntity<StandardTerm> create(@RequestBody TermRequest request) {
        StandardTerm term = glossary.create(request.form());
        return ResponseEntity.created(URI.create("/api/v1/glossary/" + term.id()))
                .eTag(ETags.of(term.version())).body(term);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rewrites a term (administrators and reviewers); the version read goes in If-Match or "
            + "the body's version, and a stale one is refused with 409")
    ResponseEntity<StandardTerm> update(@PathVariable long id, @RequestBody TermRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                        @Nullable String ifMatch) {
        StandardTerm term = glossary.update(id, ETags.expectedVersion(ifMatch, request.version()), request.form());
        return ResponseEntity.ok().eTag(ETags.of(term.version())).body(term);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deletes a term (administrators and reviewers); the version in If-Match or ?version=")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        glossary.delete(id, ETags.expectedVersion(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/import", consumes = {JSON_LINES, "application/jsonl", "text/plain",
            "application/octet-stream"})
    @Operation(summary = "Imports JSON lines of {standard, variants[], definition} (optionally category, tags); "
            + "administrators and reviewers. Importing the same file twice changes nothing; a bad line aborts all")
    GlossaryImportReport importLines(InputStream body) {
        return glossary.importLines(body);
    }

    @GetMapping("/export")
    @Operation(summary = "The whole glossary as JSON lines in the import format")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("glossary.jsonl").build().toString())
                .body(glossary.exportLines().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/check")
    @Operation(summary = "The variants (地方话) in a text, or in the text fields of a draft or method the caller "
            + "may see (draftId or methodId; unseen = 404), with offsets, the standard term and its definition; "
            + "longest match first. For a method, kept=true marks the wordings its author chose to keep")
    List<Finding> check(@RequestBody CheckRequest request) {
        Long methodId = request.methodId() != null ? request.methodId() : request.draftId();
        if (methodId != null) {
            return glossary.checkMethod(methodId);
        }
        if (request.text() == null) {
            throw PortalException.invalid("glossary.check-empty");
        }
        return glossary.check(request.text());
    }

    record TermRequest(String standard, @Nullable List<String> variants, String definition,
                       @Nullable String category, @Nullable List<String> tags, @Nullable Integer version) {

        TermForm form() {
            return new TermForm(standard == null ? "" : standard, variants == null ? List.of() : variants,
                    definition == null ? "" : definition, category, tags == null ? List.of() : tags);
        }
    }

    @GetMapping("/methods/{methodId}/kept")
    @Operation(summary = "The local wordings the author of a draft or change request chose to keep (忽略)")
    List<String> kept(@PathVariable long methodId) {
        return glossary.keptVariants(methodId);
    }

    @PostMapping("/methods/{methodId}/kept")
    @Operation(summary = "Keeps a local wording in a draft or change request the caller may edit (忽略); "
            + "the assistant stops offering it there")
    ResponseEntity<Void> keep(@PathVariable long methodId, @RequestBody KeepRequest request) {
        glossary.keepVariant(methodId, request.variant() == null ? "" : request.variant());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/methods/{methodId}/kept")
    @Operation(summary = "Offers a kept wording again (the variant in ?variant=)")
    ResponseEntity<Void> release(@PathVariable long methodId, @RequestParam String variant) {
        glossary.releaseVariant(methodId, variant);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The changes of a term, newest first, each with the term as it stood after it")
    List<TermChange> history(@PathVariable long id) {
        return glossary.history(id);
    }

    record CheckRequest(@Nullable String text, @Nullable Long methodId, @Nullable Long draftId) {
    }

    record KeepRequest(@Nullable String variant) {
    }
}
