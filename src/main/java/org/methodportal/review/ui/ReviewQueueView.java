package org.methodportal.review.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.methodportal.review.QueueEntry;
import org.methodportal.review.ReviewService;
import org.methodportal.shared.PageRequest;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The reviewer's queue: proposals of their departments waiting for their review, oldest first,
 * with the waiting time, round and approvals so far. A row opens the review form.
 */
@Route("reviews")
@Menu(title = "review.nav.queue", icon = "vaadin:clipboard-check", order = 20)
@RolesAllowed({"REVIEWER", "ADMIN"})
public class ReviewQueueView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    final Grid<QueueEntry> grid = new Grid<>(QueueEntry.class, false);

    ReviewQueueView(ReviewService reviews, Clock clock) {
        setId("review-queue-view");
        addClassName("portal-page");
        setSizeFull();
        long total = reviews.queue(PageRequest.ofPage(0, 1, "submittedAt", true)).total();
        Paragraph summary = new Paragraph(total == 0 ? getTranslation("review.queue.empty")
                : getTranslation("review.queue.summary", total));
        summary.setId("review-queue-summary");

        grid.setId("review-queue");
        // Titles wrap rather than being cut: the queue has eight narrow columns beside the title.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(QueueEntry::title).setHeader(getTranslation("method.field.title")).setFlexGrow(4)
                .setWidth("16em")
                .setTooltipGenerator(QueueEntry::title);
        grid.addColumn(e -> getTranslation(e.changeOfMethodId() == null ? "review.queue.kind-new"
                : "review.queue.kind-change")).setHeader(getTranslation("review.queue.kind")).setAutoWidth(true);
        grid.addColumn(QueueEntry::departmentName).setHeader(getTranslation("method.list.department"))
                .setAutoWidth(true);
        grid.addColumn(QueueEntry::ownerName).setHeader(getTranslation("method.page.owner")).setAutoWidth(true);
        grid.addColumn(e -> TIME.format(e.submittedAt())).setHeader(getTranslation("review.queue.submitted"))
                .setAutoWidth(true);
        grid.addColumn(e -> waiting(this, Duration.between(e.submittedAt(), clock.instant())))
                .setHeader(getTranslation("review.queue.waiting")).setAutoWidth(true);
        grid.addColumn(QueueEntry::round).setHeader(getTranslation("review.queue.round")).setAutoWidth(true);
        grid.addColumn(QueueEntry::approvals).setHeader(getTranslation("review.queue.approvals")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setHeader(getTranslation("review.queue.state")).setAutoWidth(true);
        grid.setItems(query -> reviews.queue(new PageRequest(query.getOffset(),
                query.getLimit(), "submittedAt", true)).content().stream());
        // An outdated change request cannot be approved: its page (with the banner), not a form to fill in vain.
        grid.addItemClickListener(e -> UI.getCurrent().navigate((e.getItem().baseOutdated() ? "methods/" : "reviews/")
                + e.getItem().methodId()));
        grid.setEmptyStateText(getTranslation("review.queue.empty"));
        add(new H2(getTranslation("review.nav.queue")), summary, grid);
    }

    private Span state(QueueEntry entry) {
        Span state = new Span(entry.baseOutdated() ? getTranslation("review.queue.outdated") : "");
        if (entry.baseOutdated()) {
            state.addClassNames("portal-badge", "portal-badge-outdated");
        }
        return state;
    }

    /** How long an entry has waited, in the largest unit it has reached: minutes, hours or days. */
    static String waiting(Component labels, Duration waited) {
        if (waited.toDays() > 0) {
            return labels.getTranslation("review.queue.days", waited.toDays());
        }
        if (waited.toHours() > 0) {
            return labels.getTranslation("review.queue.hours", waited.toHours());
        }
        return waited.toMinutes() > 0 ? labels.getTranslation("review.queue.minutes", waited.toMinutes())
                : labels.getTranslation("review.queue.just-now");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.nav.queue") + " | " + getTranslation("app.name");
    }
}
