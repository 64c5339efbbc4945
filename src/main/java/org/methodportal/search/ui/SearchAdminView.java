package org.methodportal.search.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.BackfillStatus;
import org.methodportal.search.IndexHealth;
import org.methodportal.search.IndexOverview;
import org.methodportal.search.OutboxBacklog;
import org.methodportal.search.ReindexStatus;
import org.methodportal.search.SearchService;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The search index for administrators: which engine serves, how many documents it holds, what the
 * indexing worker still has to do, whether the portal is rebuilding a damaged or missing index by
 * itself (why, and where the damaged one was moved aside), the reindex from the database with
 * its progress, and (semantic leg on) the backfill of embeddings with its progress and rate. The
 * page polls while a reindex or a backfill runs (as the import page does; the portal uses no server
 * push); the old index keeps serving searches until the new one is complete.
 */
@Route("admin/search")
@Menu(title = "search.admin.nav", icon = "vaadin:search", order = 96)
@RolesAllowed("ADMIN")
public class SearchAdminView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    final Span engine = value("search-admin-engine");
    final Span documents = value("search-admin-documents");
    final Span backlog = value("search-admin-backlog");
    final Span lastReindex = value("search-admin-last");
    final Span health = value("search-admin-health");
    final Span setAside = value("search-admin-set-aside");
    final Button reindex = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div running = new Div();
    final VerticalLayout embeddings = new VerticalLayout();
    final Span lastBackfill = value("search-admin-backfill-last");
    final Button backfill = new Button();
    final ProgressBar backfillProgress = new ProgressBar();
    final Span backfillProgressText = new Span();
    final Div backfillRunning = new Div();
    private final transient SearchService search;
    private final transient Clock clock;
    private @Nullable Registration polling;

    SearchAdminView(SearchService search, Clock clock) {
        this.search = search;
        this.clock = clock;
        setId("search-admin-view");
        addClassName("portal-page");

        Div setAsideFact = fact("search.admin.set-aside", setAside);
        setAsideFact.setId("search-admin-set-aside-fact");
        Div facts = new Div(fact("search.admin.health", health), setAsideFact, fact("search.admin.engine", engine),
                fact("search.admin.documents", documents), fact("search.admin.backlog", backlog),
                fact("search.admin.last", lastReindex));
        facts.addClassName("search-admin-facts");
        VerticalLayout state = new VerticalLayout(new H3(getTranslation("search.admin.state")), facts);
        state.setId("search-admin-state");
        state.addClassNames("portal-card", "search-admin-section");

        reindex.setText(getTranslation("search.admin.reindex"));
        reindex.setIcon(VaadinIcon.REFRESH.create());
        reindex.setId("search-reindex");
        reindex.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reindex.addClickListener(e -> confirmReindex());
        progress.setId("search-reindex-progress");
        progressText.setId("search-reindex-progress-text");
        running.add(progressText, progress);
        running.setId("search-reindex-running");
        running.addClassName("search-reindex-running");
        running.setVisible(false);
        VerticalLayout rebuild = new VerticalLayout(new H3(getTranslation("search.admin.reindex-heading")),
                new Paragraph(getTranslation("search.admin.reindex-hint")), reindex, running);
        rebuild.setId("search-admin-reindex");
        rebuild.addClassNames("portal-card", "search-admin-section");

        backfill.setText(getTranslation("search.admin.backfill"));
        backfill.setIcon(VaadinIcon.CALC.create());
        backfill.setId("search-backfill");
        backfill.addClickListener(e -> startBackfill());
        backfillProgress.setId("search-backfill-progress");
        backfillProgressText.setId("search-backfill-progress-text");
        backfillRunning.add(backfillProgressText, backfillProgress);
        backfillRunning.setId("search-backfill-running");
        backfillRunning.addClassName("search-reindex-running");
        backfillRunning.setVisible(false);
        embeddings.add(new H3(getTranslation("search.admin.embeddings-heading")),
                new Paragraph(getTranslation("search.admin.embeddings-hint")),
                fact("search.admin.embeddings", lastBackfill), backfill, backfillRunning);
        embeddings.setId("search-admin-embeddings");
        embeddings.addClassNames("portal-card", "search-admin-section");

        add(new H2(getTranslation("search.admin.title")), state, rebuild, embeddings);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.admin.title");
    }

    private void confirmReindex() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("search-reindex-confirm");
        confirm.setHeader(getTranslation("search.admin.confirm-header"));
        confirm.setText(getTranslation("search.admin.confirm-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.cancel"));
        confirm.setConfirmText(getTranslation("search.admin.reindex"));
        confirm.addConfirmListener(e -> startReindex());
        confirm.open();
    }

    private void startReindex() {
        try {
            search.startReindex();
            Notifications.success(getTranslation("search.admin.started"));
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
        refresh();
    }

    private void startBackfill() {
        try {
            search.startBackfill();
            Notifications.success(getTranslation("search.admin.backfill-started"));
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
        refresh();
    }

    /**
     * Shows the current state; polls while a reindex or a backfill runs (also one started elsewhere),
     * stops when both ended.
     */
    void refresh() {
        IndexOverview overview = search.overview();
        engine.setText(overview.engine());
        documents.setText(overview.documents() == null ? getTranslation("search.admin.unreachable")
                : getTranslation("search.admin.count", overview.documents()));
        backlog.setText(backlogText(overview.backlog()));
        ReindexStatus status = overview.reindex();
        IndexHealth h = overview.health();
        health.setText(healthText(h));
        health.getElement().setAttribute("data-status", h.status().name());
        setAside.setText(h.setAside() == null ? "" : getTranslation("search.admin.set-aside-text", h.setAside()));
        setAside.getParent().ifPresent(fact -> fact.setVisible(h.setAside() != null));
        lastReindex.setText(lastText(status));
        running.setVisible(status.running());
        reindex.setEnabled(!status.running());
        if (status.running()) {
            progress.setIndeterminate(status.total() == 0);
            progress.setValue(status.fraction());
            progressText.setText(getTranslation("search.admin.progress", status.done(), status.total()));
        }
        BackfillStatus b = overview.backfill();
        embeddings.setVisible(b.enabled());
        lastBackfill.setText(backfillText(b));
        backfillRunning.setVisible(b.running());
        backfill.setEnabled(!b.running());
        if (b.running()) {
            backfillProgress.setIndeterminate(b.total() == 0);
            backfillProgress.setValue(b.fraction());
            backfillProgressText.setText(getTranslation("search.admin.backfill-progress", b.done(), b.total(),
                    b.computed(), String.format("%.1f", b.rate(clock.instant()))));
        }
        getUI().ifPresent(ui -> poll(ui, status.running() || b.running()));
    }

    private String backfillText(BackfillStatus b) {
        if (b.startedAt() == null) {
            return getTranslation("search.admin.backfill-none");
        }
        String by = SystemAuthentication.LOGIN.equals(b.startedBy()) ? getTranslation("search.admin.backfill-by-startup")
                : b.startedBy();
        if (b.running()) {
            return getTranslation("search.admin.backfill-running", TIME.format(b.startedAt()), by);
        }
        String duration = seconds(b.duration(clock.instant()));
        if (b.error() != null) {
            return getTranslation("search.admin.backfill-failed", TIME.format(b.startedAt()), duration, by, b.error());
        }
        return getTranslation("search.admin.backfill-done", TIME.format(b.startedAt()), duration, b.done(),
                b.computed(), by);
    }

    private String healthText(IndexHealth h) {
        String cause = h.cause() == null ? "" : getTranslation("search.admin.cause." + h.cause().name());
        String since = h.since() == null ? "" : TIME.format(h.since());
        return switch (h.status()) {
            case SERVING -> h.cause() == null ? getTranslation("search.admin.health-serving")
                    : getTranslation("search.admin.health-repaired", since, cause);
            case REBUILDING -> getTranslation("search.admin.health-rebuilding", since, cause);
            case FAILED -> getTranslation("search.admin.health-failed", cause, String.valueOf(h.error()));
        };
    }

    private String backlogText(OutboxBacklog b) {
        if (b.pending() == 0) {
            return getTranslation("search.admin.backlog-empty");
        }
        Instant oldest = b.oldest() == null ? clock.instant() : b.oldest();
        return getTranslation("search.admin.backlog-pending", b.pending(), b.failed(), TIME.format(oldest),
                minutes(Duration.between(oldest, clock.instant())));
    }

    private String lastText(ReindexStatus s) {
        if (s.startedAt() == null) {
            return getTranslation("search.admin.last-none");
        }
        String by = SystemAuthentication.LOGIN.equals(s.startedBy()) ? getTranslation("search.admin.by-startup")
                : s.startedBy();
        if (s.running()) {
            return getTranslation("search.admin.last-running", TIME.format(s.startedAt()), by);
        }
        String duration = seconds(s.duration(clock.instant()));
        if (s.error() != null) {
            return getTranslation("search.admin.last-failed", TIME.format(s.startedAt()), duration, by, s.error());
        }
        return getTranslation("search.admin.last-done", TIME.format(s.startedAt()), duration, s.done(), by);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }

    private static long minutes(Duration d) {
        return Math.max(0, d.toMinutes());
    }

    private void poll(UI ui, boolean on) {
        if (on && polling == null) {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(e -> refresh());
        } else if (!on && polling != null) {
            ui.setPollInterval(-1);
            polling.remove();
            polling = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    private Div fact(String labelKey, Span valueSpan) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("search-admin-label");
        Div fact = new Div(label, new Text(" "), valueSpan);
        fact.addClassName("search-admin-fact");
        return fact;
    }

    private static Span value(String id) {
        Span span = new Span();
        span.setId(id);
        span.addClassName("search-admin-value");
        return span;
    }
}
