package org.methodportal.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.methodportal.shared.ListTotal;
import org.methodportal.shared.PageRequest;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;

/** Binds a grid to a service that pages and sorts in SQL, so it stays fast with any number of rows. */
public final class Grids {

    private Grids() {
    }

    /**
     * Lazy items: each fetch becomes one page query, each count one count query. Column sort keys
     * (set with {@code setSortProperty}) are passed through as the page's sort key.
     */
    public static <T> void bindLazy(Grid<T> grid, Function<PageRequest, List<T>> fetch, ToLongFunction<Void> count) {
        grid.setItems(query -> fetch.apply(toPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, count.applyAsLong(null)));
    }

    /**
     * Lazy items of a list that is counted only up to a cap ({@link ListTotal}). Returns what sizes
     * the grid to a new total, to be called whenever the filter changes (a new sort keeps it): an
     * exact total sizes it; beyond the cap it grows as it is scrolled, fetching pages until one comes
     * back short, so that nothing counts the whole list.
     */
    public static <T> Consumer<ListTotal> bindLazyCapped(Grid<T> grid, Function<PageRequest, List<T>> fetch) {
        GridLazyDataView<T> view = grid.setItems(query -> fetch.apply(toPageRequest(query)).stream());
        return total -> {
            if (total.exact()) {
                int size = (int) total.value();
                view.setItemCountCallback(query -> size);
            } else {
                view.setItemCountUnknown();
                view.setItemCountEstimate((int) total.value() + 1);
            }
        };
    }

    static PageRequest toPageRequest(Query<?, ?> query) {
        List<QuerySortOrder> orders = query.getSortOrders();
        String sortKey = orders.isEmpty() ? null : orders.getFirst().getSorted();
        boolean ascending = orders.isEmpty() || orders.getFirst().getDirection() == SortDirection.ASCENDING;
        return new PageRequest(query.getOffset(), query.getLimit(), sortKey, ascending);
    }
}
