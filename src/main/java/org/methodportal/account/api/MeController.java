package org.methodportal.account.api;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountService;
import org.methodportal.account.AccountSummary;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "me", description = "The signed-in account")
class MeController {

    private final AccountService accounts;
    private final CurrentUser currentUser;

    MeController(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in account, its organisation and roles")
    Me me() {
        AccountSummary me = accounts.me();
        // The principal holds the effective language (the stored one, or Chinese when none is stored).
        String locale = currentUser.require().locale().toLanguageTag();
        return new Me(me.id(), me.login(), me.displayName(), new Ref(me.departmentId(), me.departmentName()),
                new Ref(me.branchId(), me.branchName()), me.roles(), me.reviewerDepartmentIds(), locale,
                me.lastLoginAt());
    }

    record Me(long id, String login, String displayName, Ref department, Ref branch, Set<Role> roles,
              Set<Long> reviewerDepartmentIds, String locale, @Nullable Instant lastLoginAt) {
    }

    record Ref(long id, String name) {
    }
}
