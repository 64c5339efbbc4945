package org.methodportal.account.api;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
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
import jakarta.validation.constraints.Size;

/** Departments: any signed-in user reads them; the service lets only administrators change them. */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "departments", description = "部门; reading for everyone signed in, changes for administrators")
class DepartmentController {

    private final OrganisationService organisation;

    DepartmentController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GetMapping
    @Operation(summary = "Departments whose name or code contains q; sort by name, code, createdAt or enabled")
    PageResult<Department> list(@RequestParam(required = false) @Nullable String q,
                                @RequestParam(required = false) @Nullable Boolean enabled,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = ApiPaging.DEFAULT_SIZE) int size,
                                @RequestParam(required = false) @Nullable String sort) {
        return organisation.departmentPage(q, enabled, ApiPaging.of(page, size, sort, "name"));
    }

    @GetMapping("/{id}")
    ResponseEntity<Department> get(@PathVariable long id) {
        return withETag(organisation.department(id));
    }

    @PostMapping
    @Operation(summary = "Create a department (administrators)")
    @ApiResponse(responseCode = "201", description = "Created, with Location and ETag", useReturnTypeSchema = true)
    ResponseEntity<Department> create(@Valid @RequestBody DepartmentRequest body) {
        Department created = organisation.createDepartment(body.toForm());
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id()))
                .eTag(ETags.of(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change name and code of a department (administrators); needs If-Match or version")
    ResponseEntity<Department> update(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                      @Valid @RequestBody DepartmentRequest body) {
        return withETag(organisation.updateDepartment(id, body.toForm(), ETags.expectedVersion(ifMatch, body.version())));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a department (administrators); needs If-Match or version")
    ResponseEntity<Department> enable(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                      @RequestBody(required = false) @Nullable VersionRequest body) {
        return withETag(organisation.setDepartmentEnabled(id, true, expectedVersion(ifMatch, body)));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a department (administrators); needs If-Match or version")
    ResponseEntity<Department> disable(@PathVariable long id,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                       @RequestBody(required = false) @Nullable VersionRequest body) {
        return withETag(organisation.setDepartmentEnabled(id, false, expectedVersion(ifMatch, body)));
    }

    private static int expectedVersion(@Nullable String ifMatch, @Nullable VersionRequest body) {
        return ETags.expectedVersion(ifMatch, body == null ? null : body.version());
    }

    private static ResponseEntity<Department> withETag(Department department) {
        return ResponseEntity.ok().eTag(ETags.of(department.version())).body(department);
    }

    record DepartmentRequest(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 40) String code,
                             @Nullable Integer version) {

        DepartmentForm toForm() {
            return new DepartmentForm(name, code);
        }
    }
}
