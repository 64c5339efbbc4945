package org.methodportal.promotion.api;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.promotion.BranchDecision;
import org.methodportal.promotion.Coverage;
import org.methodportal.promotion.Exemplar;
import org.methodportal.promotion.NewPromotion;
import org.methodportal.promotion.PendingBranch;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionDecision;
import org.methodportal.promotion.PromotionService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 推广运用: 典型工作法 and promotions. Reading follows the method's visibility; designating and
 * promoting are for the reviewers of its department and administrators; coverage for them and the
 * promotion's author; deciding for the secretaries of targeted branches.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "promotion", description = "推广运用: 典型工作法, promotions to branches and their coverage")
class PromotionController {

    private final PromotionService promotions;

    PromotionController(PromotionService promotions) {
        this.promotions = promotions;
    }

    @GetMapping("/methods/{id}/exemplar")
    @Operation(summary = "Whether the method is 典型工作法: the reason, who and when; 404 promotion.not-exemplar otherwise")
    Exemplar exemplar(@PathVariable long id) {
        return promotions.exemplar(id).orElseThrow(() -> PortalException.notFound("promotion.not-exemplar", id));
    }

    @PutMapping("/methods/{id}/exemplar")
    @Operation(summary = "Designate a published method 典型工作法 (reviewers of its department, admin). Body: {\"reason\"}")
    Exemplar designate(@PathVariable long id, @RequestBody Reason body) {
        return promotions.designate(id, body.reason() == null ? "" : body.reason());
    }

    @DeleteMapping("/methods/{id}/exemplar")
    @Operation(summary = "Withdraw the designation (reviewers of its department, admin); 204")
    ResponseEntity<Void> withdraw(@PathVariable long id) {
        promotions.withdraw(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/methods/{id}/promotions")
    @Operation(summary = "The method's promotions, newest first")
    List<Promotion> list(@PathVariable long id) {
        return promotions.promotionsOf(id);
    }

    @PostMapping("/methods/{id}/promotions")
    @Operation(summary = "Promote a published method (reviewers of its department to departments they review; admin to "
            + "any, or allBranches). Body: {\"message\", \"departmentIds\": [..], \"allBranches\": false}; 201")
    ResponseEntity<Promotion> start(@PathVariable long id, @RequestBody NewPromotion body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(promotions.start(id, body));
    }

    @GetMapping("/promotions/tasks")
    @Operation(summary = "Promotions waiting for the caller's branch to decide, newest first")
    PageResult<Promotion> tasks(@RequestParam(defaultValue = "20") int size) {
        return promotions.tasks(size);
    }

    @GetMapping("/promotions/{id}")
    @Operation(summary = "A promotion with the departments it targets (empty: all branches) and the caller's branch's decision")
    PromotionView get(@PathVariable long id) {
        return new PromotionView(promotions.promotion(id), promotions.targetDepartments(id),
                promotions.ownDecision(id).orElse(null));
    }

    @GetMapping("/promotions/{id}/coverage")
    @Operation(summary = "Per targeted department and in total: branches targeted, decided, adopting (decided 采用) "
            + "and reported 见效 (reviewers of the method's department, admin, the promotion's author)")
    Coverage coverage(@PathVariable long id) {
        return promotions.coverage(id);
    }

    @GetMapping("/promotions/{id}/pending")
    @Operation(summary = "Targeted branches that have not decided, by department and name (as coverage)")
    PageResult<PendingBranch> pending(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return promotions.pending(id, PageRequest.ofPage(page, size, "name", true));
    }

    @PostMapping("/promotions/{id}/decision")
    @Operation(summary = "The caller's branch decides once (a secretary of a targeted branch): {\"decision\": "
            + "\"ADOPT|DECLINE\", \"reason\"} (required to decline); ADOPT adopts the method for the branch. 409 "
            + "promotion.decided-already")
    BranchDecision decide(@PathVariable long id, @RequestBody Decision body) {
        if (body.decision() == null) {
            throw PortalException.invalid("promotion.decision-required");
        }
        return promotions.decide(id, body.decision(), body.reason());
    }

    record Reason(@Nullable String reason) {
    }

    record Decision(@Nullable PromotionDecision decision, @Nullable String reason) {
    }

    record PromotionView(Promotion promotion, List<String> departments, @Nullable BranchDecision ownDecision) {
    }
}
