package org.methodportal.review.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.review.Decision;
import org.methodportal.review.Quality;
import org.methodportal.review.QueueEntry;
import org.methodportal.review.ReviewEntry;
import org.methodportal.review.ReviewOutcome;
import org.methodportal.review.ReviewRecordCsv;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reviews (design §5): record one, the reviewer's queue, a method's review record. */
@RestController
@Tag(name = "reviews", description = "审核; reviewers of the proposal's department and administrators")
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/api/v1/proposals/{id}/reviews")
    @Operation(summary = "Review the revision you saw: decision APPROVE, REQUEST_CHANGES or REJECT, the six scores "
            + "1-5 and a comment (required unless approving)")
    @ApiResponse(responseCode = "409", description = "Stale (the proposal moved on), already reviewed this round, "
            + "or a change request that must be rebased; nothing is applied")
    ReviewOutcome review(@PathVariable long id, @RequestBody ReviewBody body) {
        return reviews.review(id, body.toRequest());
    }

    @GetMapping("/api/v1/reviews/queue")
    @Operation(summary = "Proposals waiting for the caller's review, oldest submission first")
    PageResult<QueueEntry> queue(@RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return reviews.queue(PageRequest.ofPage(page, size, "submittedAt", true));
    }

    @GetMapping(value = "/api/v1/methods/{id}/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The review record of a method and its change requests, newest first")
    List<ReviewJson> record(@PathVariable long id) {
        return reviews.record(id).stream().map(ReviewJson::of).toList();
    }

    @GetMapping(value = "/api/v1/methods/{id}/reviews", produces = "text/csv")
    @Operation(summary = "The review record as CSV (UTF-8 with BOM, for spreadsheets)")
    ResponseEntity<byte[]> recordCsv(@PathVariable long id) {
        byte[] csv = ReviewRecordCsv.write(reviews.record(id)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reviews-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    /** A review as clients send it (design §5); scores by their JSON names. */
    record ReviewBody(@Nullable Integer revision, @Nullable Decision decision, @Nullable Map<String, Integer> scores,
                      @Nullable String comment) {

        ReviewRequest toRequest() {
            if (revision == null) {
                throw PortalException.invalid("review.revision-required");
            }
            if (decision == null) {
                throw PortalException.invalid("review.decision-required");
            }
            Map<Quality, Integer> values = new EnumMap<>(Quality.class);
            if (scores != null) {
                for (Quality quality : Quality.values()) {
                    Integer value = scores.get(quality.jsonName());
                    if (value != null) {
                        values.put(quality, value);
                    }
                }
            }
            return new ReviewRequest(revision, decision, Scores.of(values), comment);
        }
    }

    record ReviewJson(long id, long proposalId, int revision, int round, String reviewer, long reviewerId,
                      Decision decision, Map<String, Integer> scores, @Nullable String comment, Instant createdAt) {

        static ReviewJson of(ReviewEntry e) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            e.scores().asMap().forEach((quality, value) -> scores.put(quality.jsonName(), value));
            return new ReviewJson(e.id(), e.methodId(), e.revision(), e.round(), e.reviewerName(), e.reviewerId(),
                    e.decision(), scores, e.comment(), e.createdAt());
        }
    }

}
