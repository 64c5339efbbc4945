package org.methodportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.ListTotal;

import com.vaadin.flow.component.grid.Grid;

class GridsTest {

    @Test
    void anExactTotalSizesTheGridAndACappedOneLetsItGrowAsItIsScrolled() {
        Grid<String> grid = new Grid<>();
        Consumer<ListTotal> sizeTo = Grids.bindLazyCapped(grid, page -> List.of());

        sizeTo.accept(new ListTotal(ListTotal.EXACT_UP_TO, false));
        assertThat(grid.getDataCommunicator().isDefinedSize()).isFalse();
        assertThat(grid.getDataCommunicator().getItemCountEstimate()).isGreaterThan(ListTotal.EXACT_UP_TO);

        sizeTo.accept(new ListTotal(12, true));
        assertThat(grid.getDataCommunicator().isDefinedSize()).isTrue();

        sizeTo.accept(new ListTotal(ListTotal.EXACT_UP_TO, false));
        assertThat(grid.getDataCommunicator().isDefinedSize()).isFalse();
    }
}
