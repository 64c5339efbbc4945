package org.methodportal.ui;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.methodportal.shared.PageRequest;

import com.vaadin.flow.component.grid.Grid;
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

    static PageRequest toPageRequest(Query<?, ?> query) {
        List<QuerySortOrder> orders = query.getSortOrders();
        String sortKey = orders.isEmpty() ? null : orders.getFirst().getSorted();
        boolean ascending = orders.isEmpty() || orders.getFirst().getDirection() == SortDirection.ASCENDING;
        return new PageRequest(query.getOffset(), query.getLimit(), sortKey, ascending);
    }
}
