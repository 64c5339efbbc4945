package org.methodportal.search.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRebuildingException;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchResult;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.SearchService;
import org.methodportal.search.SearchSort;
import org.methodportal.search.SearchUnavailableException;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * Search results: highlighted snippets, facets as filter chips, total, paging, an empty state with
 * hints, a clear "search unavailable" state, and while the portal rebuilds a damaged or missing
 * index a "rebuilding" state with its progress that turns into the results when it completes
 * (the page polls meanwhile). The URL holds the whole search
 * ({@code /search?q=…&category=…&page=…}), so results can be bookmarked and shared.
 */
@Route("search")
@PermitAll
public class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 10;
    static final int REBUILDING_POLL_MILLIS = 2000;
    static final List<String> FILTERS = List.of("category", "department", "status", "tag", "year");
    /** Fields shown as snippets under a hit, in domain order. */
    static final List<String> SNIPPET_FIELDS = List.of("summary", "tags", "problem", "concept", "measures", "steps",
            "outcomes", "applicability", "body", "rawPractice");

    private final transient SearchService search;
    /** Hits a search's facets are counted over at most, named in the note of approximate facets. */
    private final int facetSample;
    final TextField query = new TextField();
    final Span total = new Span();
    final Div filters = new Div();
    final Div facets = new Div();
    final Div results = new Div();
    final HorizontalLayout paging = new HorizontalLayout();
    final RadioButtonGroup<SearchSort> sort = new RadioButtonGroup<>();
    final Checkbox adopted = new Checkbox();
    private Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private @Nullable Registration polling;

    /** Hits a reviewer picked for a merge (总结提炼), kept while paging and refining the search. */
    private final LinkedHashSet<Long> mergeSelection = new LinkedHashSet<>();
    private final boolean mayMerge;
    final Button mergeSelected = new Button();
    final HorizontalLayout resultActions = new HorizontalLayout();
    private final transient List<SearchResultAction> resultActionSources;

    SearchView(SearchService search, AuthenticationContext authentication, SearchProperties properties,
               ObjectProvider<SearchResultAction> actions) {
        this.search = search;
        this.resultActionSources = actions.orderedStream().toList();
        this.facetSample = properties.facetSample();
        this.mayMerge = authentication.hasAnyRole("REVIEWER", "ADMIN");
        addClassName("search-page");
        setWidthFull();
        setMaxWidth("1100px");
        query.setId("search-query");
        query.setPlaceholder(getTranslation("search.view.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setWidthFull();
        query.addKeyPressListener(Key.ENTER, e -> navigate(with("q", query.getValue().strip(), true)));
        sort.setId("search-sort");
        sort.setItems(SearchSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("search.view.sort." + s.name().toLowerCase(java.util.Locale.ROOT)));
        sort.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                navigate(with("sort", sortParameter(e.getValue()), true));
            }
        });
        adopted.setId("search-adopted");
        adopted.setLabel(getTranslation("search.view.adopted"));
        adopted.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                navigate(with("adopted", e.getValue() ? "true" : null, true));
            }
        });
        total.setId("search-total");
        total.addClassName("search-total");
        filters.setId("search-filters");
        filters.addClassName("search-chips");
        facets.setId("search-facets");
        facets.addClassName("search-facets");
        results.setId("search-results");
        results.addClassName("search-results");
        paging.setId("search-paging");
        paging.setAlignItems(FlexComponent.Alignment.CENTER);
        // The merge page belongs to the method module; its route is its public address.
        mergeSelected.setId("search-merge-selected");
        mergeSelected.setIcon(VaadinIcon.COMPRESS_SQUARE.create());
        mergeSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        mergeSelected.addClickListener(e -> UI.getCurrent().navigate("merge", QueryParameters.simple(Map.of("sources",
                String.join(",", mergeSelection.stream().map(String::valueOf).toList())))));
        updateMergeButton();
        HorizontalLayout order = new HorizontalLayout(adopted, sort);
        order.setAlignItems(FlexComponent.Alignment.CENTER);
        resultActions.setId("search-result-actions");
        resultActions.setSpacing(false);
        resultActions.addClassName("search-result-actions");
        HorizontalLayout counted = new HorizontalLayout(total, resultActions);
        counted.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout bar = new HorizontalLayout(counted, mergeSelected, order);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(new H2(getTranslation("search.view.title")), query, bar, filters, facets, results, paging);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        parameters = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> {
            if (!v.isEmpty() && !v.getFirst().isBlank()) {
                parameters.put(k, v.getFirst());
            }
        });
        query.setValue(parameters.getOrDefault("q", ""));
        sort.setValue(sortOf(parameters.get("sort")));
        adopted.setValue("true".equals(parameters.get("adopted")));
        refresh();
    }

    @Override
    public String getPageTitle() {
        String q = parameters.getOrDefault("q", "");
        return q.isEmpty() ? getTranslation("search.view.title") : getTranslation("search.view.title-with", q);
    }

    private void refresh() {
        filters.removeAll();
        facets.removeAll();
        results.removeAll();
        paging.removeAll();
        resultActions.removeAll();
        total.setText("");
        SearchRequest request = request();
        if (request == null) {
            showEmpty();
            return;
        }
        SearchResult result;
        try {
            result = search.search(request);
        } catch (SearchRebuildingException e) {
            showRebuilding(e);
            pollWhileRebuilding(true);
            return;
        } catch (SearchUnavailableException e) {
            pollWhileRebuilding(false);
            showUnavailable();
            return;
        }
        pollWhileRebuilding(false);
        remember(result);
        total.setText(getTranslation("search.view.total", result.total()));
        showFilters();
        showFacets(result);
        if (result.truncated()) {
            showTruncated();
        }
        if (result.hits().isEmpty()) {
            showEmpty();
            if (result.didYouMean() != null) {
                showDidYouMean(result.didYouMean());
            }
            return;
        }
        result.hits().forEach(hit -> results.add(hitCard(hit)));
        resultActionSources.forEach(action -> action.create(request).ifPresent(resultActions::add));
        // the words found nothing, the hits are only near in meaning: a mistyped name's correction comes first
        if (result.didYouMean() != null) {
            showDidYouMean(result.didYouMean());
        }
        showPaging(result);
    }

    /** The request from the URL; null when a parameter is malformed (treated as no results). */
    private @Nullable SearchRequest request() {
        try {
            Category category = parameters.containsKey("category") ? Category.valueOf(parameters.get("category")) : null;
            MethodStatus status = parameters.containsKey("status") ? MethodStatus.valueOf(parameters.get("status")) : null;
            Long department = parameters.containsKey("department") ? Long.valueOf(parameters.get("department")) : null;
            Integer year = parameters.containsKey("year") ? Integer.valueOf(parameters.get("year")) : null;
            int page = parameters.containsKey("page") ? Integer.parseInt(parameters.get("page")) : 0;
            return new SearchRequest(parameters.getOrDefault("q", ""), category, department, status,
                    parameters.get("tag"), year, sort.getValue(), page, PAGE_SIZE, adopted.getValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The order in the address: none for relevance, "newest", "adopted" (most adopted first). */
    private static @Nullable String sortParameter(SearchSort order) {
        return switch (order) {
            case RELEVANCE -> null;
            case NEWEST -> "newest";
            case MOST_ADOPTED -> "adopted";
        };
    }

    private static SearchSort sortOf(@Nullable String parameter) {
        return switch (parameter == null ? "" : parameter) {
            case "newest" -> SearchSort.NEWEST;
            case "adopted" -> SearchSort.MOST_ADOPTED;
            default -> SearchSort.RELEVANCE;
        };
    }

    private void remember(SearchResult result) {
        result.facets().forEach((facet, values) -> values.forEach(v -> labels.put(facet + ":" + v.value(),
                facetLabel(facet, v))));
    }

    private String facetLabel(String facet, FacetCount value) {
        return switch (facet) {
            case "category" -> getTranslation("method.category." + value.value());
            case "status" -> getTranslation("method.status." + value.value());
            default -> value.label();
        };
    }

    private void showFilters() {
        for (String filter : FILTERS) {
            String value = parameters.get(filter);
            if (value != null) {
                String label = labels.getOrDefault(filter + ":" + value, value);
                Button chip = new Button(getTranslation("search.view.filter-chip", getTranslation("search.facet." + filter), label),
                        VaadinIcon.CLOSE_SMALL.create(), e -> navigate(with(filter, null, true)));
                chip.setIconAfterText(true);
                chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                chip.setId("filter-" + filter);
                chip.setAriaLabel(getTranslation("search.view.remove-filter", label));
                filters.add(chip);
            }
        }
        filters.setVisible(filters.getComponentCount() > 0);
    }

    /**
     * The facets as filter chips; when the search matched more hits than its facets are counted
     * over, each sampled count reads 约 N and a note says what it counts (the status facet counts
     * every hit).
     */
    private void showFacets(SearchResult result) {
        String approximateNote = getTranslation("search.facet.approximate-note", facetSample);
        for (String facet : FILTERS) {
            List<FacetCount> values = result.facets().getOrDefault(facet, List.of());
            if (values.isEmpty() || parameters.containsKey(facet)) {
                continue;
            }
            Div row = new Div();
            row.addClassName("search-facet");
            row.setId("facet-" + facet);
            Span name = new Span(getTranslation("search.facet." + facet));
            name.addClassName("search-facet-name");
            row.add(name);
            boolean approximate = result.facetsApproximate() && !facet.equals("status");
            values.stream().limit(facet.equals("tag") ? 12 : 20).forEach(value -> {
                String count = approximate ? getTranslation("search.facet.approximate", value.count())
                        : String.valueOf(value.count());
                Button chip = new Button(facetLabel(facet, value) + " (" + count + ")",
                        e -> navigate(with(facet, value.value(), true)));
                if (approximate) {
                    chip.setTooltipText(approximateNote);
                }
                chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
                chip.addClassName("search-chip");
                chip.getElement().setAttribute("data-value", value.value());
                row.add(chip);
            });
            facets.add(row);
        }
        if (result.facetsApproximate() && facets.getComponentCount() > 0) {
            Span note = new Span(approximateNote);
            note.setId("search-facets-approximate");
            note.addClassName("search-facets-note");
            facets.add(note);
        }
    }

    private Div hitCard(SearchHit hit) {
        Div card = new Div();
        card.addClassName("search-hit");
        card.getElement().setAttribute("data-id", String.valueOf(hit.id()));
        Anchor title = new Anchor("methods/" + hit.id());
        title.addClassName("search-hit-title");
        List<String> titleFragments = hit.highlights().get("title");
        if (titleFragments != null && !titleFragments.isEmpty()) {
            title.add(Highlights.render(titleFragments.getFirst()));
        } else {
            title.setText(hit.title());
        }
        Span meta = new Span(getTranslation("method.category." + hit.category().name()) + " · " + hit.department()
                + " · " + getTranslation("method.status." + hit.status().name()));
        meta.addClassName("search-hit-meta");
        card.add(title, meta);
        if (mayMerge) {
            Checkbox pick = new Checkbox(getTranslation("search.merge.add"), mergeSelection.contains(hit.id()));
            pick.setId("search-merge-" + hit.id());
            pick.addClassName("search-merge-pick");
            pick.addValueChangeListener(e -> {
                if (e.getValue()) {
                    mergeSelection.add(hit.id());
                } else {
                    mergeSelection.remove(hit.id());
                }
                updateMergeButton();
            });
            card.add(pick);
        }
        for (String field : SNIPPET_FIELDS) {
            List<String> fragments = hit.highlights().get(field);
            if (fragments == null) {
                continue;
            }
            for (String fragment : fragments) {
                Div snippet = new Div();
                snippet.addClassName("search-snippet");
                Span label = new Span(getTranslation("search.field." + field));
                label.addClassName("search-snippet-label");
                snippet.add(label, Highlights.render(fragment));
                card.add(snippet);
            }
        }
        return card;
    }

    private void updateMergeButton() {
        mergeSelected.setText(getTranslation("search.merge.selected", mergeSelection.size()));
        mergeSelected.setVisible(mayMerge && !mergeSelection.isEmpty());
    }

    private void showPaging(SearchResult result) {
        long pages = Math.max(1, (result.total() + result.size() - 1) / result.size());
        if (pages <= 1) {
            return;
        }
        Button previous = new Button(getTranslation("search.view.previous"),
                e -> navigate(with("page", String.valueOf(result.page() - 1), false)));
        previous.setId("search-previous");
        previous.setEnabled(result.page() > 0);
        Button next = new Button(getTranslation("search.view.next"),
                e -> navigate(with("page", String.valueOf(result.page() + 1), false)));
        next.setId("search-next");
        next.setEnabled(result.page() + 1 < pages);
        Span position = new Span(getTranslation("search.view.page", result.page() + 1, pages));
        position.setId("search-page");
        paging.add(previous, position, next);
    }

    private void showEmpty() {
        Div empty = new Div();
        empty.setId("search-empty");
        empty.addClassName("search-empty");
        String q = parameters.getOrDefault("q", "");
        empty.add(new Paragraph(q.isEmpty() ? getTranslation("search.empty.no-query")
                : getTranslation("search.empty.title", q)));
        UnorderedList hints = new UnorderedList();
        for (String hint : List.of("shorter", "pinyin", "synonym", "filters")) {
            hints.add(new ListItem(getTranslation("search.empty.hint." + hint)));
        }
        empty.add(hints);
        results.add(empty);
    }

    /** "您是不是要找：五对接" above the hints, a link to the same search with the corrected text. */
    private void showDidYouMean(String correction) {
        Map<String, String> next = with("q", correction, true);
        Map<String, List<String>> query = new LinkedHashMap<>();
        next.forEach((k, v) -> query.put(k, List.of(v)));
        Anchor link = new Anchor("search?" + new QueryParameters(query).getQueryString(), correction);
        link.setId("search-did-you-mean");
        link.addClassName("search-did-you-mean");
        Paragraph line = new Paragraph(getTranslation("search.empty.did-you-mean"));
        line.add(link);
        results.addComponentAsFirst(line);
    }

    /** Only the start of a very long text was searched: say so above the results. */
    private void showTruncated() {
        Paragraph note = new Paragraph(getTranslation("search.view.truncated", SearchResult.MAX_TEXT_LENGTH));
        note.setId("search-truncated");
        note.addClassName("search-truncated");
        results.add(note);
    }

    private void showUnavailable() {
        Div unavailable = new Div();
        unavailable.setId("search-unavailable");
        unavailable.addClassName("search-empty");
        unavailable.add(new Paragraph(getTranslation("search.unavailable.title")),
                new Paragraph(getTranslation("search.unavailable.text")));
        results.add(unavailable);
    }

    /** 正在重建索引 with the progress, instead of an empty result the incomplete index would give. */
    private void showRebuilding(SearchRebuildingException e) {
        Div rebuilding = new Div();
        rebuilding.setId("search-rebuilding");
        rebuilding.addClassName("search-empty");
        rebuilding.add(new Paragraph(getTranslation("search.rebuilding.title")),
                new Paragraph(getTranslation("search.rebuilding.text")));
        if (e.total() > 0) {
            Paragraph progress = new Paragraph(getTranslation("search.rebuilding.progress", e.done(), e.total()));
            progress.setId("search-rebuilding-progress");
            rebuilding.add(progress);
        }
        results.add(rebuilding);
    }

    private void pollWhileRebuilding(boolean on) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        if (on && polling == null) {
            ui.setPollInterval(REBUILDING_POLL_MILLIS);
            polling = ui.addPollListener(e -> refresh());
        } else if (!on && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
            event.getUI().setPollInterval(-1);
        }
    }

    /** The current parameters with one changed (null removes it); a new filter starts again at page 1. */
    private Map<String, String> with(String key, @Nullable String value, boolean firstPage) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        if (value == null || value.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        if (firstPage) {
            next.remove("page");
        }
        return next;
    }

    private void navigate(Map<String, String> next) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        next.forEach((k, v) -> query.put(k, new ArrayList<>(List.of(v))));
        UI.getCurrent().navigate("search", new QueryParameters(query));
    }
}
