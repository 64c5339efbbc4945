package org.methodportal.account.api;

import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountFilter;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.AccountSummary;
import org.methodportal.shared.ETags;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Account administration; every operation is for administrators only (enforced by the service). */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "账号; administrators only")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Accounts; q matches login, name or its pinyin. Sort by displayName, login, "
            + "branchName, departmentName, createdAt, lastLoginAt or enabled")
    PageResult<AccountSummary> list(@RequestParam(required = false) @Nullable String q,
                                    @RequestParam(required = false) @Nullable Long departmentId,
                                    @RequestParam(required = false) @Nullable Long branchId,
                                    @RequestParam(required = false) @Nullable Role role,
                                    @RequestParam(required = false) @Nullable Boolean enabled,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = ApiPaging.DEFAULT_SIZE) int size,
                                    @RequestParam(required = false) @Nullable String sort) {
        return accounts.page(new AccountFilter(q, departmentId, branchId, role, enabled),
                ApiPaging.of(page, size, sort, "displayName"));
    }

    @GetMapping("/{id}")
    ResponseEntity<AccountSummary> get(@PathVariable long id) {
        return withETag(accounts.get(id));
    }

    @PostMapping
    @Operation(summary = "Create an account with the initial password the administrator hands over")
    @ApiResponse(responseCode = "201", description = "Created, with Location and ETag", useReturnTypeSchema = true)
    ResponseEntity<AccountSummary> create(@Valid @RequestBody AccountCreateRequest body) {
        AccountSummary created = accounts.create(body.toForm(), body.password());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id()))
                .eTag(ETags.of(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change name, branch, roles and reviewed departments; the login name never changes. "
            + "Needs If-Match or version")
    ResponseEntity<AccountSummary> update(@PathVariable long id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                          @Valid @RequestBody AccountUpdateRequest body) {
        int expected = ETags.expectedVersion(ifMatch, body.version());
        // The form carries the login for the create case; update ignores it, so the stored one is passed.
        AccountForm form = body.toForm(accounts.get(id).login());
        return withETag(accounts.update(id, form, expected));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable an account; needs If-Match or version")
    ResponseEntity<AccountSummary> enable(@PathVariable long id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                          @RequestBody(required = false) @Nullable VersionRequest body) {
        return withETag(accounts.setEnabled(id, true, expectedVersion(ifMatch, body)));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account (not your own); needs If-Match or version")
    ResponseEntity<AccountSummary> disable(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                           @RequestBody(required = false) @Nullable VersionRequest body) {
        return withETag(accounts.setEnabled(id, false, expectedVersion(ifMatch, body)));
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password for someone who forgot theirs")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordRequest body) {
        accounts.resetPassword(id, body.password());
    }

    private static int expectedVersion(@Nullable String ifMatch, @Nullable VersionRequest body) {
        return ETags.expectedVersion(ifMatch, body == null ? null : body.version());
    }

    private static ResponseEntity<AccountSummary> withETag(AccountSummary account) {
        return ResponseEntity.ok().eTag(ETags.of(account.version())).body(account);
    }

    private static Set<Long> orEmpty(@Nullable Set<Long> ids) {
        return ids == null ? Set.of() : ids;
    }

    record AccountCreateRequest(@NotBlank @Size(max = 64) String login, @NotBlank @Size(max = 100) String displayName,
                                @NotNull Long branchId, @NotEmpty Set<Role> roles,
                                @Nullable Set<Long> reviewerDepartmentIds, @NotBlank String password) {

        AccountForm toForm() {
            return new AccountForm(login, displayName, branchId, roles, orEmpty(reviewerDepartmentIds));
        }

        /** Keeps the password out of any log line that prints the request. */
        @Override
        public String toString() {
            return "AccountCreateRequest[login=" + login + "]";
        }
    }

    record AccountUpdateRequest(@NotBlank @Size(max = 100) String displayName, @NotNull Long branchId,
                                @NotEmpty Set<Role> roles, @Nullable Set<Long> reviewerDepartmentIds,
                                @Nullable Integer version) {

        AccountForm toForm(String login) {
            return new AccountForm(login, displayName, branchId, roles, orEmpty(reviewerDepartmentIds));
        }
    }

    record PasswordRequest(@NotBlank String password) {

        /** Keeps the password out of any log line that prints the request. */
        @Override
        public String toString() {
            return "PasswordRequest[***]";
        }
    }
}
