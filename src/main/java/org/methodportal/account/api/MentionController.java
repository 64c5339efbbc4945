package org.methodportal.account.api;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountService;
import org.methodportal.account.MentionCandidate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "@" autocomplete for comment editors: any signed-in user, login, name and branch only. */
@RestController
@Tag(name = "accounts")
class MentionController {

    private final AccountService accounts;

    MentionController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/accounts/mentions")
    @Operation(summary = "Up to 8 enabled accounts whose login, name or its pinyin (full or initials) starts "
            + "with q, then those containing it")
    List<MentionCandidate> mentions(@RequestParam(required = false) @Nullable String q) {
        return accounts.mentionCandidates(q);
    }
}
