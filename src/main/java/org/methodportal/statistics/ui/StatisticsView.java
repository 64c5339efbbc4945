package org.methodportal.statistics.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.Category;
import org.methodportal.shared.PortalException;
import org.methodportal.statistics.Figure;
import org.methodportal.statistics.Statistics;
import org.methodportal.statistics.StatisticsCsv;
import org.methodportal.statistics.StatisticsFilter;
import org.methodportal.statistics.StatisticsFilter.Period;
import org.methodportal.statistics.StatisticsService;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.PermitAll;

/**
 * 统计: the filter (kept in the URL query, so a link reproduces the view), the summary for everyone
 * and, for reviewers and administrators, every figure; each as a chart, its table and a CSV download.
 */
@Route(StatisticsView.ROUTE)
@PermitAll
@Menu(title = "statistics.nav", icon = "vaadin:chart", order = 40)
public class StatisticsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "statistics";

    private final StatisticsService statistics;

    final ComboBox<Department> department = new ComboBox<>();
    final ComboBox<Category> category = new ComboBox<>();
    final Select<Period> period = new Select<>();
    final TextField from = new TextField();
    final TextField to = new TextField();
    final Button apply = new Button();
    final Div content = new Div();

    StatisticsView(StatisticsService statistics, OrganisationService organisation) {
        this.statistics = statistics;
        setId("statistics-view");
        addClassName("portal-page");

        department.setId("statistics-department");
        department.setLabel(getTranslation("statistics.filter.department"));
        department.setPlaceholder(getTranslation("statistics.filter.department-all"));
        department.setItems(organisation.enabledDepartments());
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        category.setId("statistics-category");
        category.setLabel(getTranslation("statistics.filter.category"));
        category.setPlaceholder(getTranslation("statistics.filter.category-all"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> getTranslation("method.category." + c.name()));
        category.setClearButtonVisible(true);
        period.setId("statistics-period");
        period.setLabel(getTranslation("statistics.filter.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("statistics.period." + p.param()));
        period.addValueChangeListener(e -> showMonths());
        for (TextField month : List.of(from, to)) {
            month.setPlaceholder(getTranslation("statistics.filter.month-placeholder"));
            month.setWidth("9em");
        }
        from.setId("statistics-from");
        from.setLabel(getTranslation("statistics.filter.from"));
        to.setId("statistics-to");
        to.setLabel(getTranslation("statistics.filter.to"));
        apply.setId("statistics-apply");
        apply.setText(getTranslation("statistics.filter.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> applyFilter());
        HorizontalLayout filters = new HorizontalLayout(department, category, period, from, to, apply);
        filters.addClassName("statistics-filters");
        content.setId("statistics-content");
        content.setWidthFull();
        add(new H2(getTranslation("statistics.title")), filters, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        StatisticsFilter filter;
        try {
            filter = StatisticsFilter.parse(first(query, "department"), first(query, "category"), first(query, "from"),
                    first(query, "to"), first(query, "period"));
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            filter = StatisticsFilter.DEFAULT;
        }
        show(filter);
    }

    private void show(StatisticsFilter filter) {
        Long departmentId = filter.departmentId();
        department.setValue(departmentId == null ? null : department.getListDataView().getItems()
                .filter(d -> d.id() == departmentId).findFirst().orElse(null));
        category.setValue(filter.category());
        period.setValue(filter.period());
        from.setValue(filter.from() == null ? "" : filter.from().toString());
        to.setValue(filter.to() == null ? "" : filter.to().toString());
        showMonths();
        content.removeAll();
        Statistics figures;
        try {
            figures = statistics.dashboard(filter);
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return;
        }
        // The summary carries no months: over all time it can only say up to when, not from when.
        Paragraph range = new Paragraph(filter.period() == StatisticsFilter.Period.ALL && figures.detail() == null
                ? getTranslation("statistics.range-all", figures.lastMonth().toString())
                : getTranslation("statistics.range", figures.firstMonth().toString(), figures.lastMonth().toString()));
        range.setId("statistics-range");
        content.add(range);
        content.add(new H3(getTranslation("statistics.summary.title")));
        Paragraph published = new Paragraph(getTranslation("statistics.summary.published", figures.summary().published()));
        published.setId("statistics-published");
        content.add(published);
        Paragraph scope = new Paragraph(getTranslation(switch (figures.scope()) {
            case ALL -> departmentId != null ? "statistics.scope.department" : "statistics.scope.all";
            case REVIEWED_DEPARTMENTS -> departmentId != null ? "statistics.scope.department" : "statistics.scope.reviewed";
            case SUMMARY -> departmentId != null && statistics.seesDetail(null) ? "statistics.summary-only.department"
                    : "statistics.summary-only.member";
        }));
        scope.setId("statistics-scope");
        content.add(scope);
        for (Figure figure : Figure.values()) {
            figure.table(figures).ifPresent(table -> content.add(section(table)));
        }
    }

    private Div section(Figure.Table table) {
        String path = table.figure().path();
        String title = getTranslation("statistics.figure." + path);
        Div section = new Div(new H3(title));
        section.setId("statistics-" + path);
        section.addClassName("statistics-figure");
        if (isEmpty(table)) {
            Paragraph empty = new Paragraph(getTranslation("statistics.empty"));
            empty.setId("statistics-" + path + "-empty");
            section.add(empty);
            return section;
        }
        List<String> charts = FigureCharts.of(table, title, (column, value) -> text(table.columns().get(column), value),
                this::getTranslation);
        charts.forEach(svg -> section.add(new Svg(svg)));
        section.add(table(table));
        // The file is made now, from what this reader may see; the download request only streams it.
        byte[] csv = StatisticsCsv.write(table).getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(csv), "statistics-" + path + ".csv", "text/csv;charset=UTF-8", csv.length)),
                getTranslation("statistics.download-csv"));
        download.setId("statistics-" + path + "-csv");
        section.add(new Div(download));
        return section;
    }

    private NativeTable table(Figure.Table table) {
        NativeTableRow header = new NativeTableRow();
        table.columns().forEach(c -> header.add(new NativeTableHeaderCell(getTranslation("statistics.column." + c.name()))));
        NativeTableHeader head = new NativeTableHeader();
        head.add(header);
        NativeTableBody body = new NativeTableBody();
        for (List<@Nullable Object> row : table.rows()) {
            NativeTableRow tr = new NativeTableRow();
            int idColumn = columnIndex(table, "methodId");
            for (int i = 0; i < row.size(); i++) {
                Figure.Column column = table.columns().get(i);
                NativeTableCell cell = new NativeTableCell();
                if ("title".equals(column.name()) && idColumn >= 0 && row.get(idColumn) != null) {
                    // a method named in a table opens at its page (its route is the method module's address)
                    cell.add(new Anchor("methods/" + row.get(idColumn), text(column, row.get(i))));
                } else {
                    cell.setText(text(column, row.get(i)));
                }
                if (column.kind() == Figure.Kind.NUMBER) {
                    cell.addClassName("number");
                }
                tr.add(cell);
            }
            body.add(tr);
        }
        NativeTable html = new NativeTable();
        html.setId("statistics-" + table.figure().path() + "-table");
        html.addClassName("statistics-table");
        html.add(head, body);
        return html;
    }

    private static int columnIndex(Figure.Table table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A cell as the reader sees it: categories and statuses translated, no value as a dash. */
    String text(Figure.Column column, @Nullable Object value) {
        if (value == null) {
            return "—";
        }
        return switch (column.kind()) {
            case CATEGORY -> getTranslation("method.category." + value);
            case STATUS -> getTranslation("method.status." + value);
            case NUMBER -> value instanceof Double d ? new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(d) : value.toString();
            default -> value.toString();
        };
    }

    /** No rows, or only months without anything in them. */
    private static boolean isEmpty(Figure.Table table) {
        return table.rows().stream().allMatch(row -> row.stream().skip(1)
                .allMatch(v -> v == null || v instanceof Number n && n.doubleValue() == 0))
                && table.columns().getFirst().kind() == Figure.Kind.MONTH
                || table.rows().isEmpty();
    }

    private void showMonths() {
        boolean custom = period.getValue() == Period.CUSTOM;
        from.setVisible(custom);
        to.setVisible(custom);
    }

    private void applyFilter() {
        StatisticsFilter filter;
        try {
            Department chosen = department.getValue();
            Category cat = category.getValue();
            Period chosenPeriod = Objects.requireNonNullElse(period.getValue(), StatisticsFilter.DEFAULT.period());
            filter = StatisticsFilter.parse(chosen == null ? null : String.valueOf(chosen.id()),
                    cat == null ? null : cat.name(), chosenPeriod == Period.CUSTOM ? from.getValue() : null,
                    chosenPeriod == Period.CUSTOM ? to.getValue() : null,
                    chosenPeriod == Period.CUSTOM ? null : chosenPeriod.param());
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return;
        }
        UI.getCurrent().navigate(StatisticsView.class, QueryParameters.simple(filter.toQuery()));
    }

    private static @Nullable String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statistics.title") + " | " + getTranslation("app.name");
    }
}
