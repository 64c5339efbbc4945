package org.methodportal.method.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * An inline diff as alternating equal runs and edits (deleted plus inserted text), the shape in
 * which neighbouring changes are merged before it becomes {@link Segment}s.
 */
final class Chunks {

    sealed interface Chunk permits Equal, Edit {
    }

    record Equal(String text) implements Chunk {
    }

    record Edit(String deleted, String inserted) implements Chunk {

        /** In tokens, so a changed English word weighs as much as a changed Han character. */
        int size() {
            return Math.max(InlineDiff.tokenise(deleted).size(), InlineDiff.tokenise(inserted).size());
        }
    }

    private Chunks() {
    }

    static void appendEqual(List<Chunk> chunks, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!chunks.isEmpty() && chunks.getLast() instanceof Equal last) {
            chunks.set(chunks.size() - 1, new Equal(last.text() + text));
        } else {
            chunks.add(new Equal(text));
        }
    }

    static void appendEdit(List<Chunk> chunks, String deleted, String inserted) {
        if (deleted.isEmpty() && inserted.isEmpty()) {
            return;
        }
        if (!chunks.isEmpty() && chunks.getLast() instanceof Edit last) {
            chunks.set(chunks.size() - 1, new Edit(last.deleted() + deleted, last.inserted() + inserted));
        } else {
            chunks.add(new Edit(deleted, inserted));
        }
    }

    /**
     * Folds a short equal run that sits between two larger edits into one edit, as
     * diff-match-patch's semantic clean-up does: a character diff of a rewritten Chinese sentence
     * otherwise keeps stray common characters (的, 了, 和) and reads as alternating fragments.
     * The text of both sides is unchanged.
     */
    static List<Chunk> cleanUp(List<Chunk> raw) {
        List<Chunk> chunks = new ArrayList<>(raw);
        boolean folded = true;
        while (folded) {
            folded = false;
            for (int i = 1; i + 1 < chunks.size(); i++) {
                if (chunks.get(i) instanceof Equal equal && chunks.get(i - 1) instanceof Edit before
                        && chunks.get(i + 1) instanceof Edit after) {
                    int size = InlineDiff.tokenise(equal.text()).size();
                    if (size <= before.size() && size <= after.size()) {
                        Edit merged = new Edit(before.deleted() + equal.text() + after.deleted(),
                                before.inserted() + equal.text() + after.inserted());
                        chunks.subList(i - 1, i + 2).clear();
                        chunks.add(i - 1, merged);
                        folded = true;
                        break;
                    }
                }
            }
        }
        return chunks;
    }

    /** Deleted text before inserted text, so a replaced phrase reads as one strike-through then one insertion. */
    static List<Segment> toSegments(List<Chunk> chunks) {
        List<Segment> segments = new ArrayList<>();
        for (Chunk chunk : chunks) {
            switch (chunk) {
                case Equal equal -> segments.add(new Segment(Segment.Kind.EQUAL, equal.text()));
                case Edit edit -> {
                    if (!edit.deleted().isEmpty()) {
                        segments.add(new Segment(Segment.Kind.DELETED, edit.deleted()));
                    }
                    if (!edit.inserted().isEmpty()) {
                        segments.add(new Segment(Segment.Kind.INSERTED, edit.inserted()));
                    }
                }
            }
        }
        return segments;
    }
}
