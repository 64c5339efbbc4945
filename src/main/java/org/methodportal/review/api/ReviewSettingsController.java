package org.methodportal.review.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.review.QuorumSettings;
import org.methodportal.review.ReviewQuorumService;
import org.methodportal.shared.PortalException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Approvals required before publication: global and per department (administrators change them). */
@RestController
@RequestMapping("/api/v1/review-settings")
@Tag(name = "reviews")
class ReviewSettingsController {

    private final ReviewQuorumService quorum;

    ReviewSettingsController(ReviewQuorumService quorum) {
        this.quorum = quorum;
    }

    @GetMapping
    @Operation(summary = "Approvals required: global (and whether it comes from configuration) and per department")
    QuorumSettings get() {
        return quorum.settings();
    }

    @PutMapping
    @Operation(summary = "Set the global number of approvals required (1-5; administrators)")
    QuorumSettings setGlobal(@RequestBody ApprovalsBody body) {
        quorum.setGlobal(body.required());
        return quorum.settings();
    }

    @PutMapping("/departments/{departmentId}")
    @Operation(summary = "Set (or, with approvalsRequired null, remove) a department's override (administrators)")
    Map<Long, Integer> setForDepartment(@PathVariable long departmentId, @RequestBody ApprovalsBody body) {
        quorum.setForDepartment(departmentId, body.approvalsRequired());
        return quorum.settings().departments();
    }

    record ApprovalsBody(@Nullable Integer approvalsRequired) {

        int required() {
            if (approvalsRequired == null) {
                throw PortalException.invalid("review.quorum-range", ReviewQuorumService.MIN, ReviewQuorumService.MAX);
            }
            return approvalsRequired;
        }
    }
}
