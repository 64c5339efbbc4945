package org.methodportal.comment.api;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.comment.CommentDraft;
import org.methodportal.comment.CommentEdit;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.CommentThread;
import org.methodportal.comment.VisibleComment;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodDetail;
import org.methodportal.shared.ETags;
import org.methodportal.shared.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Discussion on methods. Whoever may see a method reads and writes its comments; a method or
 * comment the caller may not see is 404. Changes to a comment carry the version read (If-Match,
 * {@code ?version=} or the body's {@code version}); a stale one is refused with 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "comments", description = "讨论: threads, replies, section comments, suggested edits, moderation")
class CommentController {

    private final CommentService comments;

    CommentController(CommentService comments) {
        this.comments = comments;
    }

    /** A new comment; field names a MethodField (PROBLEM, STEPS, ...), itemIndex is zero-based. */
    record CommentRequest(@Nullable String text, @Nullable Long parentId, @Nullable Integer revisionNumber,
                          @Nullable MethodField field, @Nullable Integer itemIndex, @Nullable String suggestion) {

        CommentDraft draft() {
            return new CommentDraft(text == null ? "" : text, parentId, revisionNumber, field, itemIndex, suggestion);
        }
    }

    record EditRequest(@Nullable String text, @Nullable Integer version) {
    }

    record VersionRequest(@Nullable Integer version) {
    }

    record HideRequest(@Nullable String reason, @Nullable Integer version) {
    }

    record AppliedSuggestion(long methodId, int revisionNumber, @Nullable String changeNote, VisibleComment comment) {
    }

    @GetMapping("/methods/{id}/comments")
    @Operation(summary = "Threads of a method, newest activity first; anchored=false (default) page comments, "
            + "true section comments, all both")
    PageResult<CommentThread> threads(@PathVariable long id, @RequestParam(defaultValue = "false") String anchored,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        Boolean which = "all".equalsIgnoreCase(anchored) ? null : Boolean.valueOf(anchored);
        return comments.threads(id, which, page, size);
    }

    @GetMapping("/methods/{id}/comments/unresolved")
    @Operation(summary = "Section comments of a method that are not resolved, oldest first")
    List<VisibleComment> unresolved(@PathVariable long id) {
        return comments.unresolved(id);
    }

    @PostMapping("/methods/{id}/comments")
    @Operation(summary = "Posts a comment {text}, a reply {text, parentId} or a section comment {text, "
            + "revisionNumber, field, itemIndex?, suggestion?}")
    ResponseEntity<VisibleComment> post(@PathVariable long id, @RequestBody CommentRequest request) {
        VisibleComment comment = comments.post(id, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/comments/" + comment.id()))
                .eTag(ETags.of(comment.version())).body(comment);
    }

    @GetMapping("/comments/{id}")
    @Operation(summary = "One comment; the ETag is its version")
    ResponseEntity<VisibleComment> get(@PathVariable long id) {
        return withETag(comments.comment(id));
    }

    @GetMapping("/comments/{id}/history")
    @Operation(summary = "Earlier texts of an edited comment (its author and moderators)")
    List<CommentEdit> history(@PathVariable long id) {
        return comments.history(id);
    }

    @PatchMapping("/comments/{id}")
    @Operation(summary = "Edits the caller's own comment {text, version}; the old text is kept in the history")
    ResponseEntity<VisibleComment> edit(@PathVariable long id, @RequestBody EditRequest request,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                     @Nullable String ifMatch) {
        return withETag(comments.edit(id, request.text() == null ? "" : request.text(),
                ETags.expectedVersion(ifMatch, request.version())));
    }

    @DeleteMapping("/comments/{id}")
    @Operation(summary = "Deletes the caller's own comment (a placeholder stays where it has replies)")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        comments.delete(id, ETags.expectedVersion(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/comments/{id}/hide")
    @Operation(summary = "Hides a comment with a reason {reason, version} (reviewers of the department, admins)")
    ResponseEntity<VisibleComment> hide(@PathVariable long id, @RequestBody HideRequest request,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                     @Nullable String ifMatch) {
        return withETag(comments.hide(id, request.reason() == null ? "" : request.reason(),
                ETags.expectedVersion(ifMatch, request.version())));
    }

    @PostMapping("/comments/{id}/{action:unhide|resolve|reopen|dismiss}")
    @Operation(summary = "unhide: shows a hidden comment again (reviewers of the department, admins); resolve / "
            + "reopen: a section comment's thread; dismiss: the draft's author dismisses a suggested edit")
    ResponseEntity<VisibleComment> act(@PathVariable long id, @PathVariable String action,
                                    @RequestBody(required = false) @Nullable VersionRequest request,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                    @Nullable String ifMatch) {
        int version = version(ifMatch, request);
        return withETag(switch (action) {
            case "unhide" -> comments.unhide(id, version);
            case "resolve" -> comments.resolve(id, version);
            case "reopen" -> comments.reopen(id, version);
            default -> comments.dismissSuggestion(id, version);
        });
    }

    @PostMapping("/comments/{id}/apply")
    @Operation(summary = "The draft's author applies a suggested edit: a new revision crediting the suggester; "
            + "409 comment.suggestion-outdated when the section changed since")
    AppliedSuggestion apply(@PathVariable long id, @RequestBody(required = false) @Nullable VersionRequest request,
                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        MethodDetail method = comments.applySuggestion(id, version(ifMatch, request));
        return new AppliedSuggestion(method.id(), method.revision().number(), method.revision().changeNote(),
                comments.comment(id));
    }

    private static int version(@Nullable String ifMatch, @Nullable VersionRequest request) {
        return ETags.expectedVersion(ifMatch, request == null ? null : request.version());
    }

    private static ResponseEntity<VisibleComment> withETag(VisibleComment comment) {
        return ResponseEntity.ok().eTag(ETags.of(comment.version())).body(comment);
    }
}
