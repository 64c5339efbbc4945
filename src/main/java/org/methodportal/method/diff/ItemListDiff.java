package org.methodportal.method.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * Item-by-item diff of a list field. Items outside the diff's deltas are kept; inside them, a
 * removed and an added item are paired when their text is the same (moved) or shares more than
 * half its characters (changed, with its own inline diff); the rest are plain additions and removals.
 */
final class ItemListDiff {

    /** "More than 50% common characters" makes two items the same item edited. */
    static final double SAME_ITEM_SIMILARITY = 0.5;

    private final List<String> from;
    private final List<String> to;
    private final List<AbstractDelta<String>> deltas;
    /** Index in {@code to} → paired index in {@code from}. */
    private final Map<Integer, Integer> pairs;

    private ItemListDiff(List<String> from, List<String> to) {
        this.from = from;
        this.to = to;
        this.deltas = DiffUtils.diff(from, to).getDeltas();
        this.pairs = pair();
    }

    static List<ItemDiff> between(List<String> from, List<String> to) {
        return new ItemListDiff(from, to).items();
    }

    private List<ItemDiff> items() {
        List<ItemDiff> items = new ArrayList<>();
        int nextFrom = 0;
        int nextTo = 0;
        for (AbstractDelta<String> delta : deltas) {
            kept(items, nextFrom, delta.getSource().getPosition(), nextTo);
            for (int f : sourceIndices(delta)) {
                if (!pairs.containsValue(f)) {
                    items.add(new ItemDiff(ItemDiff.Change.REMOVED, f + 1, null,
                            segment(Segment.Kind.DELETED, from.get(f))));
                }
            }
            for (int t : targetIndices(delta)) {
                items.add(target(t));
            }
            nextFrom = delta.getSource().getPosition() + delta.getSource().size();
            nextTo = delta.getTarget().getPosition() + delta.getTarget().size();
        }
        kept(items, nextFrom, from.size(), nextTo);
        return items;
    }

    /** Adds the unchanged items {@code from[start, end)}, which stand from {@code to[toStart]} on. */
    private void kept(List<ItemDiff> items, int start, int end, int toStart) {
        for (int f = start, t = toStart; f < end; f++, t++) {
            items.add(new ItemDiff(ItemDiff.Change.KEPT, f + 1, t + 1, segment(Segment.Kind.EQUAL, from.get(f))));
        }
    }

    private ItemDiff target(int t) {
        Integer f = pairs.get(t);
        if (f == null) {
            return new ItemDiff(ItemDiff.Change.ADDED, null, t + 1, segment(Segment.Kind.INSERTED, to.get(t)));
        }
        if (from.get(f).equals(to.get(t))) {
            return new ItemDiff(ItemDiff.Change.MOVED, f + 1, t + 1, segment(Segment.Kind.EQUAL, to.get(t)));
        }
        return new ItemDiff(ItemDiff.Change.CHANGED, f + 1, t + 1, InlineDiff.between(from.get(f), to.get(t)));
    }

    /** Identical texts first (moves), then the most similar remaining pairs, each item used once. */
    private Map<Integer, Integer> pair() {
        Set<Integer> removed = new LinkedHashSet<>();
        Set<Integer> added = new LinkedHashSet<>();
        deltas.forEach(d -> {
            removed.addAll(sourceIndices(d));
            added.addAll(targetIndices(d));
        });
        Map<Integer, Integer> result = new HashMap<>();
        for (int t : added) {
            removed.stream().filter(f -> from.get(f).equals(to.get(t))).findFirst().ifPresent(f -> {
                result.put(t, f);
                removed.remove(f);
            });
        }
        added.removeAll(result.keySet());

        record Candidate(int from, int to, double similarity) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int f : removed) {
            for (int t : added) {
                double similarity = InlineDiff.similarity(from.get(f), to.get(t));
                if (similarity > SAME_ITEM_SIMILARITY) {
                    candidates.add(new Candidate(f, t, similarity));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(c -> Math.abs(c.from() - c.to())));
        for (Candidate c : candidates) {
            if (!result.containsKey(c.to()) && removed.remove(c.from())) {
                result.put(c.to(), c.from());
            }
        }
        return result;
    }

    private static List<Integer> sourceIndices(AbstractDelta<String> delta) {
        return range(delta.getSource().getPosition(), delta.getSource().size());
    }

    private static List<Integer> targetIndices(AbstractDelta<String> delta) {
        return range(delta.getTarget().getPosition(), delta.getTarget().size());
    }

    private static List<Integer> range(int start, int size) {
        List<Integer> indices = new ArrayList<>(size);
        for (int i = start; i < start + size; i++) {
            indices.add(i);
        }
        return indices;
    }

    private static List<Segment> segment(Segment.Kind kind, String text) {
        return text.isEmpty() ? List.of() : List.of(new Segment(kind, text));
    }
}
