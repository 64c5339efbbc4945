package org.methodportal.merge.api;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.merge.MergeDraft;
import org.methodportal.merge.MergeService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.api.MethodJson.MethodResponse;
import org.methodportal.method.api.MethodJson.ProposalRequest;
import org.methodportal.method.api.MethodJson.RevisionRequest;
import org.methodportal.method.api.MethodJson.RevisionResponse;
import org.methodportal.shared.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Merging (总结提炼): a reviewer starts a merge of sources into a new standard draft or into an
 * existing entry (a change request), composes it, and submits it for review by another reviewer.
 * Unmerge is an administrator's undo.
 */
@RestController
@Tag(name = "merges", description = "合并（总结提炼）; reviewers and administrators, unmerge administrators only")
class MergeController {

    private final MergeService merges;

    MergeController(MergeService merges) {
        this.merges = merges;
    }

    /** {@code sourceIds} in the order of the compose page; {@code targetMethodId} for a merge into an existing entry. */
    record StartRequest(@Nullable List<Long> sourceIds, @Nullable Long targetMethodId) {
    }

    /** The merge proposal with the texts of its sources and, for a change-request merge, of its target. */
    record MergeResponse(MethodResponse merge, List<RevisionResponse> sources, @Nullable RevisionResponse target) {

        static MergeResponse of(MergeDraft draft) {
            return new MergeResponse(MethodResponse.of(draft.merge()),
                    draft.sources().stream().map(s -> RevisionResponse.of(s.revision())).toList(),
                    draft.target() == null ? null : RevisionResponse.of(draft.target().revision()));
        }
    }

    record UnmergeRequest(@Nullable String reason) {
    }

    @PostMapping("/api/v1/merges")
    @Operation(summary = "Start a merge: a new standard draft from two or more sources, or with targetMethodId a "
            + "change request on that published entry from one or more sources (problem codes merge.too-few-sources, "
            + "merge.source-not-found, merge.not-reviewer, merge.source-in-merge, merge.source-merged)")
    @ApiResponse(responseCode = "201", description = "The merge draft, with Location and ETag \"1\"",
            useReturnTypeSchema = true)
    ResponseEntity<MethodResponse> start(@RequestBody StartRequest body) {
        MethodDetail merge = merges.start(body.sourceIds() == null ? List.of() : body.sourceIds(),
                body.targetMethodId());
        return ResponseEntity.created(URI.create("/api/v1/merges/" + merge.id()))
                .eTag(ETags.of(merge.latestRevision())).body(MethodResponse.of(merge, merges.provenance(merge.id())));
    }

    @GetMapping("/api/v1/merges/{id}")
    @Operation(summary = "A merge draft with its sources side by side; the ETag is the draft's latest revision")
    ResponseEntity<MergeResponse> get(@PathVariable long id) {
        MergeResponse body = MergeResponse.of(merges.draft(id));
        return ResponseEntity.ok().eTag(ETags.of(body.merge().latestRevision())).body(body);
    }

    @PutMapping("/api/v1/merges/{id}")
    @Operation(summary = "Save the composed text as a new revision (the merge's owner); needs If-Match or baseRevision")
    ResponseEntity<MethodResponse> compose(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                           @RequestBody ProposalRequest body) {
        int base = ETags.expectedVersion(ifMatch, body.baseRevision());
        MethodDetail saved = merges.compose(id, body.toContent(), base, body.changeNote());
        return ResponseEntity.ok().eTag(ETags.of(saved.latestRevision())).body(MethodResponse.of(saved));
    }

    @PostMapping("/api/v1/merges/{id}/submit")
    @Operation(summary = "Submit the merge for review; another reviewer approves it (needs If-Match or revision)")
    ResponseEntity<MethodResponse> submit(@PathVariable long id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                          @RequestBody(required = false) @Nullable RevisionRequest body) {
        int revision = ETags.expectedVersion(ifMatch, body == null ? null : body.revision());
        MethodDetail submitted = merges.submit(id, revision);
        return ResponseEntity.ok().eTag(ETags.of(submitted.latestRevision())).body(MethodResponse.of(submitted));
    }

    @PostMapping("/api/v1/methods/{id}/unmerge")
    @Operation(summary = "Undo the merges into this entry (administrators, with a reason): sources back to their "
            + "previous status, an entry created by the merge archived")
    MethodResponse unmerge(@PathVariable long id, @RequestBody(required = false) @Nullable UnmergeRequest body) {
        MethodDetail method = merges.unmerge(id, body == null ? null : body.reason());
        return MethodResponse.of(method, merges.provenance(id));
    }
}
