package org.methodportal.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.diff.FieldDiff;
import org.methodportal.method.MethodContent;
import org.methodportal.method.diff.MethodDiff;
import org.methodportal.method.MethodField;
import org.methodportal.method.Revision;
import org.methodportal.shared.PortalException;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * The rules of bringing a change request onto its method's newest published revision: a
 * three-way merge of base (the published revision the request was written against), theirs (the
 * published revision now) and mine (the request), field by field and, for measures and steps,
 * item run by item run. What only one side changed is taken from that side; what both changed to
 * the same value is taken once; what both changed differently is a {@link MergeConflict} for the
 * author. Tags are a set: additions of both sides are kept, a removal by either side wins over
 * the other side leaving the tag alone. Nothing either side wrote is dropped without a conflict.
 */
public final class RebasePolicy {

    private RebasePolicy() {
    }

    /** The merge of the three contents; {@link Outcome#clean()} when no conflict needs the author. */
    public static Outcome merge(MethodContent base, MethodContent theirs, MethodContent mine) {
        var merger = new Merger();
        merger.text(MethodField.TITLE, base.title(), theirs.title(), mine.title());
        merger.text(MethodField.SUMMARY, base.summary(), theirs.summary(), mine.summary());
        merger.text(MethodField.CATEGORY, base.category().chineseName(), theirs.category().chineseName(),
                mine.category().chineseName());
        merger.text(MethodField.PROBLEM, base.problem(), theirs.problem(), mine.problem());
        merger.text(MethodField.CONCEPT, base.concept(), theirs.concept(), mine.concept());
        merger.items(MethodField.MEASURES, base.measures(), theirs.measures(), mine.measures());
        merger.items(MethodField.STEPS, base.steps(), theirs.steps(), mine.steps());
        merger.text(MethodField.OUTCOMES, base.outcomes(), theirs.outcomes(), mine.outcomes());
        merger.text(MethodField.APPLICABILITY, base.applicability(), theirs.applicability(), mine.applicability());
        merger.parts.put(MethodField.TAGS, List.of(new Fixed(tags(base.tags(), theirs.tags(), mine.tags()))));
        merger.text(MethodField.BODY, base.body(), theirs.body(), mine.body());
        List<MethodField> published = MethodDiff.between(base, theirs).fields().stream()
                .filter(FieldDiff::changed).map(FieldDiff::field).toList();
        return new Outcome(merger.parts, merger.conflicts, published);
    }

    /**
     * Per field, the published version whose change {@code mine} would undo: the request holds a
     * value the method had before version N (the last one published with it), and every version
     * since N has another. {@code published} lists the published revisions, oldest first; fields
     * the request leaves as published now are never named.
     */
    public static Map<MethodField, Integer> undone(List<Revision> published, MethodContent mine) {
        Map<MethodField, Integer> undone = new EnumMap<>(MethodField.class);
        if (published.isEmpty()) {
            return undone;
        }
        for (MethodField field : MethodField.values()) {
            Object wanted = value(field, mine);
            if (Objects.equals(wanted, value(field, published.getLast().content()))) {
                continue;
            }
            for (int i = published.size() - 2; i >= 0; i--) {
                if (Objects.equals(wanted, value(field, published.get(i).content()))) {
                    undone.put(field, published.get(i + 1).number());
                    break;
                }
            }
        }
        return undone;
    }

    /**
     * Per list field (measures, steps), the items of the published text now that {@code mine} drops
     * or rewrites although a later published version introduced them, each with that version: the
     * first of the unbroken run of published versions holding the item, when it is not the first
     * published version. Fields that {@link #undone} names as a whole are left out.
     */
    public static Map<MethodField, Map<String, Integer>> undoneItems(List<Revision> published, MethodContent mine) {
        Map<MethodField, Map<String, Integer>> undone = new EnumMap<>(MethodField.class);
        if (published.isEmpty()) {
            return undone;
        }
        Map<MethodField, Integer> wholeFields = undone(published, mine);
        for (MethodField field : List.of(MethodField.MEASURES, MethodField.STEPS)) {
            if (wholeFields.containsKey(field)) {
                continue;
            }
            List<String> kept = items(field, mine);
            Map<String, Integer> items = new java.util.LinkedHashMap<>();
            for (String item : items(field, published.getLast().content())) {
                if (kept.contains(item)) {
                    continue;
                }
                int first = published.size() - 1;
                while (first > 0 && items(field, published.get(first - 1).content()).contains(item)) {
                    first--;
                }
                if (first > 0) {
                    items.put(item, published.get(first).number());
                }
            }
            if (!items.isEmpty()) {
                undone.put(field, items);
            }
        }
        return undone;
    }

    private static List<String> items(MethodField field, MethodContent c) {
        return field == MethodField.MEASURES ? c.measures() : c.steps();
    }

    private static @Nullable Object value(MethodField field, MethodContent c) {
        return switch (field) {
            case TITLE -> c.title();
            case SUMMARY -> c.summary();
            case CATEGORY -> c.category();
            case PROBLEM -> c.problem();
            case CONCEPT -> c.concept();
            case MEASURES -> c.measures();
            case STEPS -> c.steps();
            case OUTCOMES -> c.outcomes();
            case APPLICABILITY -> c.applicability();
            // A set: the same tags in another order undo nothing.
            case TAGS -> Set.copyOf(c.tags());
            case BODY -> c.body();
        };
    }

    /**
     * The result of a merge: its conflicts, the fields the newer published revision changed, and the
     * merged content once every conflict has a resolution.
     */
    public static final class Outcome {

        private final Map<MethodField, List<Part>> parts;
        private final List<MergeConflict> conflicts;
        private final List<MethodField> publishedChanges;

        private Outcome(Map<MethodField, List<Part>> parts, List<MergeConflict> conflicts,
                        List<MethodField> publishedChanges) {
            this.parts = parts;
            this.conflicts = List.copyOf(conflicts);
            this.publishedChanges = List.copyOf(publishedChanges);
        }

        public List<MergeConflict> conflicts() {
            return conflicts;
        }

        public boolean clean() {
            return conflicts.isEmpty();
        }

        /** Fields in which the published revision now differs from the request's base. */
        public List<MethodField> publishedChanges() {
            return publishedChanges;
        }

        /** The merged content of a merge without conflicts. */
        public MethodContent merged() {
            return resolve(List.of());
        }

        /**
         * The merged content with each conflict replaced by the side or text its resolution names;
         * refused (nothing guessed) when a conflict has no resolution or a resolution no conflict.
         */
        public MethodContent resolve(List<ConflictResolution> resolutions) {
            Map<Integer, List<String>> chosen = new java.util.HashMap<>();
            for (ConflictResolution resolution : resolutions) {
                if (resolution.conflict() < 0 || resolution.conflict() >= conflicts.size()) {
                    throw PortalException.invalid("proposal.rebase-unknown-conflict", resolution.conflict() + 1);
                }
                chosen.put(resolution.conflict(), values(conflicts.get(resolution.conflict()), resolution));
            }
            for (MergeConflict conflict : conflicts) {
                if (!chosen.containsKey(conflict.index())) {
                    throw PortalException.invalid("proposal.rebase-unresolved", conflict.index() + 1);
                }
            }
            String categoryName = text(MethodField.CATEGORY, chosen);
            Category category = Category.fromName(Objects.requireNonNullElse(categoryName, ""))
                    .orElseThrow(() -> PortalException.invalid("method.category-required"));
            return new MethodContent(Objects.requireNonNullElse(text(MethodField.TITLE, chosen), ""),
                    text(MethodField.SUMMARY, chosen), category,
                    Objects.requireNonNullElse(text(MethodField.PROBLEM, chosen), ""),
                    text(MethodField.CONCEPT, chosen), list(MethodField.MEASURES, chosen),
                    list(MethodField.STEPS, chosen), text(MethodField.OUTCOMES, chosen),
                    text(MethodField.APPLICABILITY, chosen), list(MethodField.TAGS, chosen),
                    text(MethodField.BODY, chosen));
        }

        private static List<String> values(MergeConflict conflict, ConflictResolution resolution) {
            return switch (resolution.choice()) {
                case BASE -> conflict.base();
                case THEIRS -> conflict.theirs();
                case MINE -> conflict.mine();
                case EDITED -> {
                    List<String> edited = Objects.requireNonNullElse(resolution.values(), List.<String>of());
                    // A text field takes its edited text as one value, however the client split it.
                    yield conflict.items() || edited.size() <= 1 ? edited : List.of(String.join("\n", edited));
                }
            };
        }

        private List<String> list(MethodField field, Map<Integer, List<String>> chosen) {
            List<String> values = new ArrayList<>();
            for (Part part : parts.get(field)) {
                switch (part) {
                    case Fixed fixed -> values.addAll(fixed.values());
                    case Open open -> values.addAll(chosen.get(open.conflict()));
                }
            }
            return values;
        }

        private @Nullable String text(MethodField field, Map<Integer, List<String>> chosen) {
            List<String> values = list(field, chosen);
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    // ---- the rules

    /** A run of the merged field: values decided by the rules, or a conflict left to the author. */
    private sealed interface Part {
    }

    private record Fixed(List<String> values) implements Part {
    }

    private record Open(int conflict) implements Part {
    }

    /** One side's edit of a list: base items {@code [start, end)} replaced by {@code replacement}. */
    private record Edit(int start, int end, List<String> replacement, boolean theirs) {

        boolean empty() {
            return start == end;
        }

        /**
         * Whether two edits of different sides touch the same base items, or insert at the same
         * place (whose order nobody chose). An insertion at the border of the other side's edit does
         * not: it stays before or after it.
         */
        boolean overlaps(Edit other) {
            if (empty() && other.empty()) {
                return start == other.start;
            }
            if (empty()) {
                return other.start < start && start < other.end;
            }
            if (other.empty()) {
                return other.overlaps(this);
            }
            return start < other.end && other.start < end;
        }
    }

    private static final class Merger {

        final Map<MethodField, List<Part>> parts = new EnumMap<>(MethodField.class);
        final List<MergeConflict> conflicts = new ArrayList<>();

        void text(MethodField field, @Nullable String base, @Nullable String theirs, @Nullable String mine) {
            if (Objects.equals(theirs, mine) || Objects.equals(base, mine)) {
                parts.put(field, List.of(new Fixed(optional(theirs))));
            } else if (Objects.equals(base, theirs)) {
                parts.put(field, List.of(new Fixed(optional(mine))));
            } else {
                parts.put(field, List.of(conflict(field, null, optional(base), optional(theirs), optional(mine))));
            }
        }

        void items(MethodField field, List<String> base, List<String> theirs, List<String> mine) {
            List<Edit> edits = new ArrayList<>(edits(base, theirs, true));
            edits.addAll(edits(base, mine, false));
            edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
            List<Part> merged = new ArrayList<>();
            int position = 0;
            int next = 0;
            int i = 0;
            while (i < edits.size()) {
                List<Edit> hunk = new ArrayList<>(List.of(edits.get(i++)));
                while (i < edits.size() && overlapsAny(edits.get(i), hunk)) {
                    hunk.add(edits.get(i++));
                }
                int start = hunk.stream().mapToInt(Edit::start).min().orElseThrow();
                int end = hunk.stream().mapToInt(Edit::end).max().orElseThrow();
                List<String> unchanged = base.subList(next, start);
                merged.add(new Fixed(unchanged));
                position += unchanged.size();
                List<String> ours = apply(base, start, end, hunk, false);
                List<String> other = apply(base, start, end, hunk, true);
                boolean theirsChanged = hunk.stream().anyMatch(Edit::theirs);
                boolean mineChanged = hunk.stream().anyMatch(e -> !e.theirs());
                if (!mineChanged || ours.equals(other)) {
                    merged.add(new Fixed(other));
                    position += other.size();
                } else if (!theirsChanged) {
                    merged.add(new Fixed(ours));
                    position += ours.size();
                } else {
                    merged.add(conflict(field, position + 1, base.subList(start, end), other, ours));
                    position += ours.size();
                }
                next = end;
            }
            merged.add(new Fixed(base.subList(next, base.size())));
            parts.put(field, merged);
        }

        private Open conflict(MethodField field, @Nullable Integer position, List<String> base, List<String> theirs,
                              List<String> mine) {
            int index = conflicts.size();
            conflicts.add(new MergeConflict(index, field, position, base, theirs, mine));
            return new Open(index);
        }

        private static boolean overlapsAny(Edit edit, List<Edit> hunk) {
            return hunk.stream().anyMatch(h -> h.theirs() != edit.theirs() && h.overlaps(edit));
        }

        /** One side's text of base items {@code [start, end)}: base with that side's edits of the run applied. */
        private static List<String> apply(List<String> base, int start, int end, List<Edit> hunk, boolean theirs) {
            List<String> result = new ArrayList<>();
            int next = start;
            for (Edit edit : hunk) {
                if (edit.theirs() == theirs) {
                    result.addAll(base.subList(next, edit.start()));
                    result.addAll(edit.replacement());
                    next = edit.end();
                }
            }
            result.addAll(base.subList(next, end));
            return result;
        }

        private static List<Edit> edits(List<String> base, List<String> side, boolean theirs) {
            List<Edit> edits = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils.diff(base, side).getDeltas()) {
                int start = delta.getSource().getPosition();
                edits.add(new Edit(start, start + delta.getSource().size(), List.copyOf(delta.getTarget().getLines()),
                        theirs));
            }
            return edits;
        }

        private static List<String> optional(@Nullable String value) {
            return value == null ? List.of() : List.of(value);
        }
    }

    /** Tags kept by both sides, then the additions of the request, then those of the published revision. */
    private static List<String> tags(List<String> base, List<String> theirs, List<String> mine) {
        Set<String> removed = new LinkedHashSet<>(base);
        removed.removeIf(tag -> theirs.contains(tag) && mine.contains(tag));
        Set<String> merged = new LinkedHashSet<>(mine);
        merged.addAll(theirs);
        merged.removeAll(removed);
        return List.copyOf(merged);
    }
}
