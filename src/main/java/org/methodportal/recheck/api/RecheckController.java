package org.methodportal.recheck.api;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.recheck.RecheckDue;
import org.methodportal.recheck.RecheckScope;
import org.methodportal.recheck.RecheckService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Review-by dates (内容复核): whoever may see a published method sees its date; reviewers (of the
 * method's department) and administrators list the due ones, confirm one and set many due at once.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "recheck", description = "内容复核: review-by dates of published methods")
class RecheckController {

    private final RecheckService rechecks;

    RecheckController(RecheckService rechecks) {
        this.rechecks = rechecks;
    }

    @GetMapping("/methods/{id}/recheck")
    @Operation(summary = "The method's review-by date (dueOn), why it was set due early and its last confirmation; "
            + "404 recheck.none when it has none (not published)")
    RecheckDue get(@PathVariable long id) {
        return rechecks.of(id).orElseThrow(() -> PortalException.notFound("recheck.none", id));
    }

    @PostMapping("/methods/{id}/recheck")
    @Operation(summary = "Confirm a published method as still valid after review (reviewers of its department, admin): "
            + "the next review-by date counts from today. Body: {\"note\": \"…\"} (optional, at most 500 characters)")
    RecheckDue confirm(@PathVariable long id, @RequestBody(required = false) @Nullable Confirmation body) {
        return rechecks.confirm(id, body == null ? null : body.note());
    }

    @GetMapping("/rechecks")
    @Operation(summary = "Published methods of the caller's departments (all, for admin) due for review, the longest "
            + "overdue first (reviewers, admin)")
    PageResult<RecheckDue> due(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return rechecks.due(PageRequest.ofPage(page, size, "dueOn", true));
    }

    @GetMapping("/rechecks/settable")
    @Operation(summary = "How many published methods of a category (Chinese name or enum) or tag in the caller's "
            + "departments a set-due would set due today")
    Count settable(@RequestParam(required = false) @Nullable String category,
                   @RequestParam(required = false) @Nullable String tag) {
        return new Count(rechecks.countSettable(new RecheckScope(category(category), tag)));
    }

    @PostMapping("/rechecks/set-due")
    @Operation(summary = "Set every published method of a category or a tag (one of the two) in the caller's "
            + "departments due for review today, e.g. after a policy change. Body: {\"category\": \"…\"} or "
            + "{\"tag\": \"…\"}, with \"reason\" (required). Audited; answers how many were set")
    Count setDue(@RequestBody SetDue body) {
        return new Count(rechecks.setDue(new RecheckScope(category(body.category()), body.tag()),
                body.reason() == null ? "" : body.reason()));
    }

    private static @Nullable Category category(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Category.fromName(name).orElseThrow(() -> PortalException.invalid("method.category-unknown", name));
    }

    record Confirmation(@Nullable String note) {
    }

    record SetDue(@Nullable String category, @Nullable String tag, @Nullable String reason) {
    }

    record Count(long methods) {
    }
}
