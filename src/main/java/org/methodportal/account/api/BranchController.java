package org.methodportal.account.api;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Branch;
import org.methodportal.account.BranchFilter;
import org.methodportal.account.BranchForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.ETags;
import org.methodportal.shared.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Party branches: any signed-in user reads them; the service lets only administrators change them. */
@RestController
@RequestMapping("/api/v1/branches")
@Tag(name = "branches", description = "党支部; reading for everyone signed in, changes for administrators")
class BranchController {

    private final OrganisationService organisation;

    BranchController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GetMapping
    @Operation(summary = "Branches by name part and/or department; sort by name, departmentName, createdAt or enabled")
    PageResult<Branch> list(@RequestParam(required = false) @Nullable String q,
                            @RequestParam(required = false) @Nullable Long departmentId,
                            @RequestParam(required = false) @Nullable Boolean enabled,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = ApiPaging.DEFAULT_SIZE) int size,
                            @RequestParam(required = false) @Nullable String sort) {
        return organisation.branchPage(new BranchFilter(q, departmentId, enabled),
                ApiPaging.of(page, size, sort, "name"));
    }

    @GetMapping("/{id}")
    ResponseEntity<Branch> get(@PathVariable long id) {
        return withETag(organisation.branch(id));
    }

    @PostMapping
    @Operation(summary = "Create a branch in a department (administrators)")
    @ApiResponse(responseCode = "201", description = "Created, with Location and ETag", useReturnTypeSchema = true)
    ResponseEntity<Branch> create(@Valid @RequestBody BranchRequest body) {
        Branch created = organisation.createBranch(body.toForm());
        return ResponseEntity.created(URI.create("/api/v1/branches/" + created.id()))
                .eTag(ETags.of(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename or move a branch (administrators); needs If-Match or version")
    ResponseEntity<Branch> update(@PathVariable long id,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                  @Valid @RequestBody BranchRequest body) {
        return withETag(organisation.updateBranch(id, body.toForm(), ETags.expectedVersion(ifMatch, body.version())));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a branch (administrators); needs If-Match or version")
    ResponseEntity<Branch> enable(@PathVariable long id,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                  @RequestBody(required = false) @Nullable VersionRequest body) {
        return withETag(organisation.setBranchEnabled(id, true, expectedVersion(ifMatch, body)));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a branch (administrators); needs If-Match or version")
    ResponseEntity<Branch> disable(@PathVariable long id,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                   @RequestBody(required = false) @Nullable VersionRequest body) {
        return withETag(organisation.setBranchEnabled(id, false, expectedVersion(ifMatch, body)));
    }

    private static int expectedVersion(@Nullable String ifMatch, @Nullable VersionRequest body) {
        return ETags.expectedVersion(ifMatch, body == null ? null : body.version());
    }

    private static ResponseEntity<Branch> withETag(Branch branch) {
        return ResponseEntity.ok().eTag(ETags.of(branch.version())).body(branch);
    }

    /** {@code departmentId} is a wrapper so that a missing one is a validation error, not department 0. */
    record BranchRequest(@NotNull Long departmentId, @NotBlank @Size(max = 100) String name,
                         @Nullable Integer version) {

        BranchForm toForm() {
            return new BranchForm(departmentId, name);
        }
    }
}
