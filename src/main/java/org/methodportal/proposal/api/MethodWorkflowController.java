package org.methodportal.proposal.api;

import java.net.URI;
import java.util.List;

import org.methodportal.method.MethodDetail;
import org.methodportal.method.api.MethodJson.MethodListItem;
import org.methodportal.method.api.MethodJson.MethodResponse;
import org.methodportal.method.api.MethodJson.ProposalRequest;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Workflow on published methods: change requests (修改提案), archive and restore. A change request is
 * a proposal of its own; save, submit and withdraw it under {@code /api/v1/proposals/{id}}.
 */
@RestController
@RequestMapping("/api/v1/methods/{id}")
@Tag(name = "methods")
class MethodWorkflowController {

    private final ProposalService proposals;

    MethodWorkflowController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @PostMapping("/proposals")
    @Operation(summary = "Propose a change to a published method (secretaries or its owner); the public page keeps "
            + "the published revision until the change request is approved")
    @ApiResponse(responseCode = "201", description = "The new change request, with Location and ETag \"1\"",
            useReturnTypeSchema = true)
    ResponseEntity<MethodResponse> proposeChange(@PathVariable long id, @RequestBody ProposalRequest body) {
        MethodDetail created = proposals.proposeChange(id, body.toContent(), body.changeNote());
        return ResponseEntity.created(URI.create("/api/v1/methods/" + created.id()))
                .eTag(ETags.of(created.latestRevision())).body(MethodResponse.of(created));
    }

    @GetMapping("/proposals")
    @Operation(summary = "Change requests of a method that the caller may see; open ones unless all=true")
    List<MethodListItem> changeRequests(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all) {
        return proposals.changeRequests(id, all).stream().map(MethodListItem::of).toList();
    }

    @PostMapping("/archive")
    @Operation(summary = "Archive a published method (reviewers of its department, administrators)")
    MethodResponse archive(@PathVariable long id) {
        return MethodResponse.of(proposals.archive(id));
    }

    @PostMapping("/restore")
    @Operation(summary = "Restore an archived method to published")
    MethodResponse restore(@PathVariable long id) {
        return MethodResponse.of(proposals.restore(id));
    }
}
