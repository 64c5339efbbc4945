package org.methodportal.review.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.methodportal.review.QueueEntry;
import org.methodportal.review.ReviewService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** A reviewer's home page lists the proposals waiting for their review, oldest first, with how long they waited. */
@Component
@Order(20)
class ReviewsHomeBlock implements HomeBlock {

    private final ReviewService reviews;
    private final Clock clock;

    ReviewsHomeBlock(ReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        if (!user.hasRole(Role.REVIEWER)) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        PageResult<QueueEntry> waiting = reviews.queue(new PageRequest(0, HomeSection.ITEMS, "submittedAt", true));
        List<Span> items = waiting.content().stream().map(e -> new Span(new Anchor("reviews/" + e.methodId(), e.title()),
                new Span(" · " + e.departmentName() + " · " + ui.getTranslation("home.reviews.waited",
                        ReviewQueueView.waiting(ui, Duration.between(e.submittedAt(), clock.instant())))))).toList();
        return Optional.of(new HomeSection("home-reviews", ui.getTranslation("home.reviews.title", waiting.total()),
                items, ui.getTranslation("home.reviews.empty"), "reviews", ui.getTranslation("home.reviews.more")));
    }
}
