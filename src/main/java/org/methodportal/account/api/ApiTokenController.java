package org.methodportal.account.api;

import java.util.List;
import java.util.Set;

import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.account.ApiTokenSummary;
import org.methodportal.account.NewApiToken;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "me", description = "The signed-in account")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/me/tokens")
    @Operation(summary = "The signed-in account's API tokens (never the tokens themselves)")
    List<ApiTokenSummary> mine() {
        return tokens.mine();
    }

    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token; the response carries it this one time (send it as Authorization: Bearer)."
            + " Needs the password (HTTP Basic), not a token.")
    NewApiToken create(@RequestBody NewToken request) {
        return tokens.create(request.name(), request.scopes() == null ? Set.of() : request.scopes(),
                request.validDays() == null ? 90 : request.validDays());
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the signed-in account's API tokens")
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }

    record NewToken(String name, Set<ApiTokenScope> scopes, Integer validDays) {
    }
}
