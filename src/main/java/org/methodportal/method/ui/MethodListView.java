package org.methodportal.method.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountRef;
import org.methodportal.account.AccountService;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.account.ui.AccountPicker;
import org.methodportal.method.Category;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.shared.ListTotal;
import org.methodportal.ui.Grids;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * Browsing methods: a grid paged and sorted in SQL, filtered by category, origin department,
 * status, tag, author, title, "mine" and 已被采用 (some branch uses it now). Which methods appear is decided by the service (drafts
 * only for those who may see them). The filters are kept in the address's query parameters, so a
 * filtered list can be bookmarked and shared.
 */
@Route(MethodListView.ROUTE)
@Menu(title = "method.nav.browse", icon = "vaadin:book", order = 10)
@PermitAll
public class MethodListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "methods";

    final Select<Category> category = new Select<>();
    final ComboBox<Department> department = new ComboBox<>();
    final Select<MethodStatus> status = new Select<>();
    final TextField tag = new TextField();
    final AccountPicker author;
    final TextField text = new TextField();
    final Checkbox mine = new Checkbox();
    final Checkbox adopted = new Checkbox();
    final Grid<MethodSummary> grid = new Grid<>(MethodSummary.class, false);

    private final MethodService methods;
    final Span total = new Span();
    private final Consumer<ListTotal> sizeGrid;
    /** True while the filters are set from the address, which then need not be written back. */
    private boolean restoring;

    MethodListView(MethodService methods, OrganisationService organisation, AccountService accounts) {
        this.methods = methods;
        setId("method-list-view");
        addClassName("portal-page");
        setSizeFull();

        category.setId("filter-category");
        category.setLabel(getTranslation("method.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> c == null ? getTranslation("method.list.any") : MethodLabels.category(this, c));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("method.list.any"));

        department.setId("filter-department");
        department.setLabel(getTranslation("method.list.department"));
        department.setItems(organisation.enabledDepartments());
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        department.setPlaceholder(getTranslation("method.list.any"));

        status.setId("filter-status");
        status.setLabel(getTranslation("method.list.status"));
        status.setItems(MethodStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("method.list.any") : MethodLabels.status(this, s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("method.list.any"));

        tag.setId("filter-tag");
        tag.setLabel(getTranslation("method.list.tag"));
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);

        author = new AccountPicker(accounts);
        author.setId("filter-author");
        author.setLabel(getTranslation("method.list.author"));

        text.setId("filter-text");
        text.setLabel(getTranslation("method.list.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);

        mine.setId("filter-mine");
        mine.setLabel(getTranslation("method.list.mine"));

        adopted.setId("filter-adopted");
        adopted.setLabel(getTranslation("method.list.adopted"));

        grid.setId("grid");
        grid.addColumn(MethodSummary::title).setHeader(getTranslation("method.field.title"))
                .setSortProperty("title").setFlexGrow(3);
        grid.addColumn(m -> MethodLabels.category(this, m.category())).setHeader(getTranslation("method.field.category"))
                .setSortProperty("category").setFlexGrow(2);
        grid.addColumn(m -> getTranslation("method.page.origin-value", m.departmentName(), m.branchName()))
                .setHeader(getTranslation("method.list.department")).setSortProperty("department").setFlexGrow(2);
        grid.addColumn(MethodSummary::ownerName).setHeader(getTranslation("method.list.author")).setFlexGrow(1);
        grid.addComponentColumn(m -> MethodLabels.statusBadge(this, m.status()))
                .setHeader(getTranslation("method.list.status")).setSortProperty("status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.adoptingBranches() == 0 ? "" : String.valueOf(m.adoptingBranches()))
                // wide enough for its header and sort arrow: the counts alone would size it to one digit
                .setHeader(getTranslation("method.list.adoptions")).setSortProperty("adoptions").setWidth("7.5em")
                .setFlexGrow(0).setTooltipGenerator(m -> getTranslation("method.list.adoptions-tooltip",
                        m.adoptingBranches()));
        var updated = grid.addColumn(m -> MethodLabels.time(m.updatedAt()))
                .setHeader(getTranslation("method.list.updated")).setSortProperty("updatedAt").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("method.list.empty"));
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MethodPageView.class,
                MethodPageView.parameters(e.getItem().id()))));
        grid.addClassName("method-grid");
        sizeGrid = Grids.bindLazyCapped(grid, page -> methods.find(filter(), page));
        grid.sort(List.of(new GridSortOrder<>(updated, SortDirection.DESCENDING)));

        category.addValueChangeListener(e -> refresh());
        department.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());
        author.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());
        adopted.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(text, category, department, status, tag, author, mine, adopted);
        filters.setWrap(true);
        filters.addClassName("portal-toolbar");
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        total.setId("method-total");
        total.addClassName("method-total");
        add(new H2(getTranslation("method.list.title")), filters, total, grid);
    }

    MethodFilter filter() {
        Department d = department.getValue();
        AccountRef a = author.getValue();
        return new MethodFilter(category.getValue(), d == null ? null : d.id(), status.getValue(), tag.getValue(),
                a == null ? null : a.id(), mine.getValue(), text.getValue(), adopted.getValue());
    }

    /** Sets the filters from the address ({@code /methods?category=MASS_LINE&author=12}); unknown values are ignored. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            category.setValue(parameter(parameters, "category").flatMap(Category::fromName).orElse(null));
            Long departmentId = parameter(parameters, "department").map(MethodListView::number).orElse(null);
            department.setValue(department.getListDataView().getItems()
                    .filter(d -> departmentId != null && d.id() == departmentId).findFirst().orElse(null));
            status.setValue(parameter(parameters, "status").map(MethodListView::status).orElse(null));
            tag.setValue(parameter(parameters, "tag").orElse(""));
            author.select(parameter(parameters, "author").map(MethodListView::number).orElse(null));
            text.setValue(parameter(parameters, "q").orElse(""));
            mine.setValue(parameter(parameters, "mine").filter("true"::equals).isPresent());
            adopted.setValue(parameter(parameters, "adopted").filter("true"::equals).isPresent());
        } finally {
            restoring = false;
        }
        refresh();
    }

    /** The query parameters of the current filters, in the same names as the REST API's. */
    QueryParameters queryParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        MethodFilter f = filter();
        if (f.text() != null && !f.text().isBlank()) {
            values.put("q", f.text().strip());
        }
        if (f.category() != null) {
            values.put("category", f.category().name());
        }
        if (f.departmentId() != null) {
            values.put("department", f.departmentId().toString());
        }
        if (f.status() != null) {
            values.put("status", f.status().name());
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            values.put("tag", f.tag().strip());
        }
        if (f.ownerId() != null) {
            values.put("author", f.ownerId().toString());
        }
        if (f.mine()) {
            values.put("mine", "true");
        }
        if (f.adopted()) {
            values.put("adopted", "true");
        }
        return QueryParameters.simple(values);
    }

    private void refresh() {
        if (restoring) {
            return;
        }
        ListTotal count = methods.count(filter());
        sizeGrid.accept(count);
        total.setText(getTranslation(count.exact() ? "method.list.total" : "method.list.total-more", count.value()));
        grid.getDataProvider().refreshAll();
        // Replace, not push: the back button should leave the list, not step through every keystroke.
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, queryParameters())));
    }

    private static Optional<String> parameter(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static @Nullable Long number(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable MethodStatus status(String value) {
        try {
            return MethodStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("method.list.title") + " | " + getTranslation("app.name");
    }
}
