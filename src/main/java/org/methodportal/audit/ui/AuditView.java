package org.methodportal.audit.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.shared.PageRequest;
import org.methodportal.ui.DatePickers;
import org.methodportal.ui.Grids;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The audit trail, newest first, filtered by actor, action prefix, object and date range. */
@Route("admin/audit")
@Menu(title = "audit.nav", icon = "vaadin:clipboard-text", order = 99)
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    final TextField actor = textFilter("filter", "audit.filter.actor");
    final TextField action = textFilter("action-filter", "audit.filter.action");
    final TextField objectId = textFilter("object-filter", "audit.filter.object");
    final DatePicker from = DatePickers.create("audit.filter.from");
    final DatePicker to = DatePickers.create("audit.filter.to");
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);

    AuditView(AuditService audit) {
        setId("audit-view");
        addClassName("portal-page");
        setSizeFull();

        action.setPlaceholder(getTranslation("audit.filter.action-hint"));
        objectId.setPlaceholder(getTranslation("audit.filter.object-hint"));
        from.setId("from-filter");
        to.setId("to-filter");
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            grid.getDataProvider().refreshAll();
        });
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("grid");
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("audit.column.time"))
                .setSortProperty("occurredAt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> orEmpty(e.actor())).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(this::actionLabel).setHeader(getTranslation("audit.column.action")).setAutoWidth(true);
        grid.addColumn(e -> Stream.of(e.objectType(), e.objectId()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "))).setHeader(getTranslation("audit.column.object")).setAutoWidth(true);
        grid.addColumn(e -> orEmpty(e.detail())).setHeader(getTranslation("audit.column.detail"))
                .setTooltipGenerator(e -> orEmpty(e.detail())).setFlexGrow(3);
        grid.addColumn(e -> orEmpty(e.clientAddress())).setHeader(getTranslation("audit.column.address"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.empty"));
        grid.setSizeFull();
        // Newest first unless the administrator sorts by time explicitly.
        Grids.bindLazy(grid, page -> audit.find(currentFilter(), page.sortKey() == null
                        ? new PageRequest(page.offset(), page.limit(), null, false) : page),
                ignored -> audit.count(currentFilter()));

        HorizontalLayout toolbar = new HorizontalLayout(actor, action, objectId, from, to);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("portal-toolbar");
        add(new H2(getTranslation("audit.nav")), toolbar, grid);
    }

    private TextField textFilter(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        return field;
    }

    /** Dates are whole days in the server's zone; "to" includes its day, so the bound is the next midnight. */
    private AuditFilter currentFilter() {
        return new AuditFilter(actor.getValue(), action.getValue(), objectId.getValue(), startOf(from.getValue()),
                to.getValue() == null ? null : startOf(to.getValue().plusDays(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.nav") + " | " + getTranslation("app.name");
    }

    /** "新建账号 (account.created)": readable, and still the code the action filter matches. */
    private String actionLabel(AuditEntry entry) {
        String key = "audit.action." + entry.action();
        String label = getTranslation(key);
        return label.contains(key) ? entry.action() : label + " (" + entry.action() + ")";
    }
}
