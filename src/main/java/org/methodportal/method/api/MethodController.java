package org.methodportal.method.api;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountRef;
import org.methodportal.account.AccountService;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ProvenanceSource;
import org.methodportal.method.Revision;
import org.methodportal.method.api.MethodJson.DiffResponse;
import org.methodportal.method.api.MethodJson.MethodListItem;
import org.methodportal.method.api.MethodJson.MethodResponse;
import org.methodportal.method.api.MethodJson.RevisionListItem;
import org.methodportal.method.api.MethodJson.RevisionResponse;
import org.methodportal.shared.ETags;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Reading methods and their history. Drafts and unpublished proposals answer 404 to those who may
 * not see them, the same as a method that does not exist.
 */
@RestController
@RequestMapping("/api/v1/methods")
@Tag(name = "methods", description = "工作法; published ones for everyone signed in, unpublished ones for their "
        + "author, reviewers of the origin department and administrators")
class MethodController {

    static final String DEFAULT_SIZE = "20";

    private final MethodService methods;
    private final ProvenanceSource provenance;
    private final AccountService accounts;

    MethodController(MethodService methods, ProvenanceSource provenance, AccountService accounts) {
        this.methods = methods;
        this.provenance = provenance;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Methods the caller may see; category as Chinese name or enum, department as id, "
            + "q matches the title, author is the owner's account id or login (owner: the id only), "
            + "mine=true for the caller's own, adopted=true for those some branch uses now (已被采用). "
            + "Sort by updatedAt (default, newest first), createdAt, title, category, status, department or "
            + "adoptions (branches using it now), e.g. sort=title,asc or sort=adoptions,desc. total is exact up to 2,000; "
            + "beyond, totalExact is false and total says 2,000 (more than that): page on until a page is short")
    PageResult<MethodListItem> list(@RequestParam(required = false) @Nullable MethodStatus status,
                                    @RequestParam(required = false) @Nullable String category,
                                    @RequestParam(required = false) @Nullable Long department,
                                    @RequestParam(required = false) @Nullable String tag,
                                    @RequestParam(required = false) @Nullable Long owner,
                                    @RequestParam(required = false) @Nullable String author,
                                    @RequestParam(defaultValue = "false") boolean mine,
                                    @RequestParam(defaultValue = "false") boolean adopted,
                                    @RequestParam(required = false) @Nullable String q,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = DEFAULT_SIZE) int size,
                                    @RequestParam(required = false) @Nullable String sort) {
        Long ownerId = author == null || author.isBlank() ? owner : authorId(author.strip());
        var filter = new MethodFilter(MethodJson.category(category), department, status, tag, ownerId, mine, q,
                adopted);
        return methods.browse(filter, paging(page, size, sort)).map(MethodListItem::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A method with its published revision, or its latest for those who may see unpublished "
            + "work; the ETag is the number of the revision returned. sources: the methods merged into it (总结提炼) "
            + "that the caller may see; mergedInto: for a merged-away method, the entry it went into")
    ResponseEntity<MethodResponse> get(@PathVariable long id) {
        MethodResponse body = MethodResponse.of(methods.get(id), provenance.provenance(id));
        return ResponseEntity.ok().eTag(ETags.of(body.revision())).body(body);
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The method's history, newest first")
    PageResult<RevisionListItem> revisions(@PathVariable long id) {
        List<RevisionListItem> all = methods.revisions(id).stream().map(RevisionListItem::of).toList();
        return new PageResult<>(all, all.size(), 0, Math.max(all.size(), 1));
    }

    @GetMapping("/{id}/revisions/{number}")
    @Operation(summary = "One revision, read-only; the ETag is its number")
    ResponseEntity<RevisionResponse> revision(@PathVariable long id, @PathVariable int number) {
        Revision revision = methods.revision(id, number);
        return ResponseEntity.ok().eTag(ETags.of(revision.number())).body(RevisionResponse.of(revision));
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "What changed from one revision to another, field by field in domain order: text fields as "
            + "inline segments (EQUAL, INSERTED, DELETED), list fields item by item")
    DiffResponse diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return DiffResponse.of(id, from, to, methods.diff(id, from, to));
    }

    /** An account id, else a login name (logins may consist of digits too); unknown: 422. */
    private Long authorId(String author) {
        var byId = author.chars().allMatch(Character::isDigit) && author.length() < 19
                ? accounts.findRef(Long.parseLong(author)) : Optional.<AccountRef>empty();
        return byId.or(() -> accounts.findRefByLogin(author)).map(AccountRef::id)
                .orElseThrow(() -> PortalException.invalid("method.author-unknown", author));
    }

    /** {@code sort=key[,asc|desc]}; without a direction the default order is newest first. */
    static PageRequest paging(int page, int size, @Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return PageRequest.ofPage(page, size, "updatedAt", false);
        }
        String[] parts = sort.split(",", 2);
        boolean ascending = parts.length == 2 ? !parts[1].strip().equalsIgnoreCase("desc")
                : !parts[0].strip().equals("updatedAt") && !parts[0].strip().equals("createdAt");
        return PageRequest.ofPage(page, size, parts[0].strip(), ascending);
    }
}
