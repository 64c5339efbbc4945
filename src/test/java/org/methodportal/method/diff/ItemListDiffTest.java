package org.methodportal.method.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.method.diff.ItemDiff.Change.ADDED;
import static org.methodportal.method.diff.ItemDiff.Change.CHANGED;
import static org.methodportal.method.diff.ItemDiff.Change.KEPT;
import static org.methodportal.method.diff.ItemDiff.Change.MOVED;
import static org.methodportal.method.diff.ItemDiff.Change.REMOVED;
import static org.methodportal.method.diff.Segment.Kind.DELETED;
import static org.methodportal.method.diff.Segment.Kind.EQUAL;
import static org.methodportal.method.diff.Segment.Kind.INSERTED;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class ItemListDiffTest {

    private static final String PLAN = "制定年度学习计划";
    private static final String CHECK = "每月检查学习笔记";
    private static final String REVIEW = "年底开展评议";

    @Test
    void itemInsertedInTheMiddleIsAddedAndLaterItemsMoveDownAsKept() {
        assertThat(ItemListDiff.between(List.of(PLAN, CHECK, REVIEW), List.of(PLAN, "组织专题党课", CHECK, REVIEW)))
                .containsExactly(
                        new ItemDiff(KEPT, 1, 1, List.of(new Segment(EQUAL, PLAN))),
                        new ItemDiff(ADDED, null, 2, List.of(new Segment(INSERTED, "组织专题党课"))),
                        new ItemDiff(KEPT, 2, 3, List.of(new Segment(EQUAL, CHECK))),
                        new ItemDiff(KEPT, 3, 4, List.of(new Segment(EQUAL, REVIEW))));
    }

    @Test
    void deletedItemIsRemovedWhereItStood() {
        assertThat(ItemListDiff.between(List.of(PLAN, CHECK, REVIEW), List.of(PLAN, REVIEW)))
                .containsExactly(
                        new ItemDiff(KEPT, 1, 1, List.of(new Segment(EQUAL, PLAN))),
                        new ItemDiff(REMOVED, 2, null, List.of(new Segment(DELETED, CHECK))),
                        new ItemDiff(KEPT, 3, 2, List.of(new Segment(EQUAL, REVIEW))));
    }

    @Test
    void reorderedItemIsMovedNotRemovedAndAdded() {
        assertThat(ItemListDiff.between(List.of(PLAN, CHECK, REVIEW), List.of(REVIEW, PLAN, CHECK)))
                .containsExactly(
                        new ItemDiff(MOVED, 3, 1, List.of(new Segment(EQUAL, REVIEW))),
                        new ItemDiff(KEPT, 1, 2, List.of(new Segment(EQUAL, PLAN))),
                        new ItemDiff(KEPT, 2, 3, List.of(new Segment(EQUAL, CHECK))));
    }

    @Test
    void editedItemIsPairedAsChangedWithItsOwnInlineDiff() {
        assertThat(ItemListDiff.between(List.of(PLAN, "党员骨干分三道关口审核项目"), List.of(PLAN, "党员骨干分四道关口审核项目")))
                .containsExactly(
                        new ItemDiff(KEPT, 1, 1, List.of(new Segment(EQUAL, PLAN))),
                        new ItemDiff(CHANGED, 2, 2, List.of(new Segment(EQUAL, "党员骨干分"), new Segment(DELETED, "三"),
                                new Segment(INSERTED, "四"), new Segment(EQUAL, "道关口审核项目"))));
    }

    @Test
    void editedItemThatAlsoMovedIsChangedWithBothPositions() {
        List<ItemDiff> items = ItemListDiff.between(List.of(PLAN, CHECK, REVIEW), List.of("每两月检查学习笔记", PLAN, REVIEW));

        assertThat(items).extracting(ItemDiff::change, ItemDiff::fromPosition, ItemDiff::toPosition)
                .containsExactly(
                        tuple(CHANGED, 2, 1),
                        tuple(KEPT, 1, 2),
                        tuple(KEPT, 3, 3));
    }

    @Test
    void replacementWithLittleInCommonIsRemovedPlusAdded() {
        assertThat(ItemListDiff.between(List.of("每月开会"), List.of("建立台账制度")))
                .containsExactly(
                        new ItemDiff(REMOVED, 1, null, List.of(new Segment(DELETED, "每月开会"))),
                        new ItemDiff(ADDED, null, 1, List.of(new Segment(INSERTED, "建立台账制度"))));
    }

    @Test
    void emptyListsHaveNoItems() {
        assertThat(ItemListDiff.between(List.of(), List.of())).isEmpty();
        assertThat(ItemListDiff.between(List.of(), List.of(PLAN)))
                .containsExactly(new ItemDiff(ADDED, null, 1, List.of(new Segment(INSERTED, PLAN))));
    }

    @Test
    void everyCorpusPairRebuildsBothListsFromThePositions() throws IOException {
        List<List<String>> measures = Corpus.lists("measures");
        List<List<String>> steps = Corpus.lists("steps");

        for (int i = 0; i < measures.size(); i++) {
            List<String> from = measures.get(i);
            List<List<String>> targets = List.of(measures.get((i + 1) % measures.size()), steps.get(i),
                    reordered(from), from);
            for (List<String> to : targets) {
                List<ItemDiff> items = ItemListDiff.between(from, to);

                assertThat(side(items, ItemDiff::fromPosition, Corpus::older)).isEqualTo(from);
                assertThat(side(items, ItemDiff::toPosition, Corpus::newer)).isEqualTo(to);
            }
        }
    }

    /** Last item first, the second item edited, one item added: the usual mix of a revision. */
    private static List<String> reordered(List<String> items) {
        List<String> changed = new ArrayList<>(items);
        if (changed.size() > 1) {
            changed.addFirst(changed.removeLast());
            changed.set(1, changed.get(1) + "，并定期通报");
        }
        changed.add("建立工作台账");
        return changed;
    }

    private static List<String> side(List<ItemDiff> items, Function<ItemDiff, Integer> position,
                                     Function<List<Segment>, String> text) {
        return items.stream()
                .filter(item -> position.apply(item) != null)
                .sorted(Comparator.comparing(item -> Objects.requireNonNull(position.apply(item))))
                .map(item -> text.apply(item.segments()))
                .toList();
    }
}
