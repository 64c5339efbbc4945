package org.methodportal.proposal.api;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.api.MethodJson.MethodResponse;
import org.methodportal.method.api.MethodJson.ProposalRequest;
import org.methodportal.method.api.MethodJson.RevisionRequest;
import org.methodportal.proposal.ConflictResolution;
import org.methodportal.proposal.MergeConflict;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.RebasePlan;
import org.methodportal.shared.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Drafting: a new draft, and saves that each create an immutable revision. A save names the
 * revision it is based on ({@code If-Match: "<n>"} or {@code baseRevision}); if someone saved in
 * between, it gets 409 with code {@code method.stale} and nothing is written.
 */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "proposals", description = "起草工作法; secretaries, reviewers and administrators")
class ProposalController {

    private final MethodService methods;
    private final ProposalService proposals;

    ProposalController(MethodService methods, ProposalService proposals) {
        this.methods = methods;
        this.proposals = proposals;
    }

    @PostMapping
    @Operation(summary = "Create a draft with its first revision; origin defaults to the caller's branch")
    @ApiResponse(responseCode = "201", description = "Created, with Location and ETag \"1\"", useReturnTypeSchema = true)
    ResponseEntity<MethodResponse> create(@RequestBody ProposalRequest body) {
        MethodDetail created = methods.createDraft(body.toContent(), body.departmentId(), body.branchId(),
                body.changeNote());
        return ResponseEntity.created(URI.create("/api/v1/methods/" + created.id()))
                .eTag(ETags.of(created.latestRevision())).body(MethodResponse.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a new revision of a draft (owner or administrator); needs If-Match or baseRevision")
    @ApiResponse(responseCode = "409", description = "Stale: the draft has a newer revision (code method.stale)")
    ResponseEntity<MethodResponse> save(@PathVariable long id,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                        @RequestBody ProposalRequest body) {
        int base = ETags.expectedVersion(ifMatch, body.baseRevision());
        MethodDetail saved = methods.saveRevision(id, body.toContent(), base, body.changeNote());
        return ResponseEntity.ok().eTag(ETags.of(saved.latestRevision())).body(MethodResponse.of(saved));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft or change request for review (author); needs If-Match or revision, the revision seen")
    @ApiResponse(responseCode = "409", description = "Not in a submittable status, stale, or a change request to rebase")
    ResponseEntity<MethodResponse> submit(@PathVariable long id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                          @RequestBody(required = false) @Nullable RevisionRequest body) {
        int revision = ETags.expectedVersion(ifMatch, body == null ? null : body.revision());
        MethodDetail submitted = proposals.submit(id, revision);
        return ResponseEntity.ok().eTag(ETags.of(submitted.latestRevision())).body(MethodResponse.of(submitted));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a proposal from review back to draft (author)")
    MethodResponse withdraw(@PathVariable long id) {
        return MethodResponse.of(proposals.withdraw(id));
    }

    @GetMapping("/{id}/rebase")
    @Operation(summary = "What updating a change request onto the current published revision would merge (author)")
    RebasePlanResponse rebasePlan(@PathVariable long id) {
        return RebasePlanResponse.of(proposals.rebasePlan(id));
    }

    @PostMapping("/{id}/rebase")
    @Operation(summary = "Update a change request onto the method's current published revision by a three-way merge "
            + "(author); a request in review goes back to draft")
    @ApiResponse(responseCode = "409", description = "Both sides changed the same content (code "
            + "proposal.rebase-conflicts, with requestRevision, currentRevision and conflicts); nothing is written")
    MethodResponse rebase(@PathVariable long id) {
        return MethodResponse.of(proposals.rebase(id));
    }

    @PostMapping("/{id}/rebase/resolutions")
    @Operation(summary = "Update a change request with a resolution for every conflict of the plan it names (author)")
    @ApiResponse(responseCode = "409", description = "The plan is outdated (code proposal.rebase-stale)")
    @ApiResponse(responseCode = "422", description = "A conflict without resolution, or an invalid merged text")
    MethodResponse resolve(@PathVariable long id, @RequestBody ResolutionsRequest body) {
        return MethodResponse.of(proposals.rebase(id, body.requestRevision(), body.currentRevision(),
                body.resolutions() == null ? List.of() : body.resolutions()));
    }

    /** The author's answers to the conflicts of the plan of these revisions. */
    record ResolutionsRequest(int requestRevision, int currentRevision, @Nullable List<ConflictResolution> resolutions) {
    }

    /** A rebase plan: the revisions merged, the fields the newer publication changed, the conflicts. */
    record RebasePlanResponse(int requestRevision, int baseRevision, int currentRevision, boolean clean,
                              List<MethodField> publishedChanges, List<MergeConflict> conflicts) {

        static RebasePlanResponse of(RebasePlan plan) {
            return new RebasePlanResponse(plan.requestRevision(), plan.baseRevision(), plan.currentRevision(),
                    plan.clean(), plan.publishedChanges(), plan.conflicts());
        }
    }
}
