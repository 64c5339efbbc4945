package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How both adapters fuse the lexical and the semantic leg of a search, in one place: reciprocal
 * rank fusion (each leg adds 1 / (k + rank) for a method it found), which needs no calibration of
 * BM25 scores against cosines. The lexical leg finds what shares the words (titles, keywords,
 * pinyin, synonyms); the semantic leg finds a description that shares no word with the entry.
 */
public final class HybridRanking {

    /** The usual constant of reciprocal rank fusion: ranks far down still count, the first few most. */
    public static final int RRF_K = 60;
    /** Lexical hits fused; pages beyond these follow the lexical order. */
    public static final int WINDOW = 100;
    /** Methods the semantic leg brings at most. */
    public static final int NEAREST = 50;
    /**
     * The least cosine of a method the semantic leg brings. The model's cosines are compressed
     * (unrelated Chinese texts still score about 0.4), so this floor alone keeps out little; it
     * keeps out input of another topic altogether (docs/search-quality.md).
     */
    public static final float MIN_SIMILARITY = 0.50f;
    /**
     * How far below the nearest method another may be and still come: what counts as close
     * depends on the query (a two-character keyword scores lower against everything than a
     * described problem), so the nearest one sets the bar.
     */
    public static final float WITHIN_BEST = 0.12f;

    private HybridRanking() {
    }

    /** A method of the fused ranking with its fused score. */
    public record Fused(long id, double score) {
    }

    /**
     * The nearest methods worth bringing (best first, as {@link SearchIndex#nearest} returns them
     * at least {@link #MIN_SIMILARITY}): those within {@link #WITHIN_BEST} of the first.
     */
    public static List<VectorHit> close(List<VectorHit> nearest) {
        if (nearest.isEmpty()) {
            return nearest;
        }
        float bar = nearest.getFirst().similarity() - WITHIN_BEST;
        return nearest.stream().filter(h -> h.similarity() >= bar).toList();
    }

    /**
     * The whole order of a hybrid search: the first {@link #WINDOW} lexical hits fused with the
     * nearest methods, then the remaining lexical hits in their order. The ids are whatever
     * identifies a method to the caller, the same in both lists.
     */
    public static List<Fused> order(List<Long> lexical, List<VectorHit> nearest) {
        List<Fused> order = new ArrayList<>(fuse(lexical.subList(0, Math.min(WINDOW, lexical.size())), nearest));
        if (lexical.size() > WINDOW) {
            Set<Long> fused = new HashSet<>();
            order.forEach(f -> fused.add(f.id()));
            for (long id : lexical.subList(WINDOW, lexical.size())) {
                if (fused.add(id)) {
                    order.add(new Fused(id, 0));
                }
            }
        }
        return order;
    }

    /**
     * The fused ranking of the lexical hits (ids, best first) and the nearest methods (best
     * first); a tie goes to the better lexical rank, then to the better semantic rank.
     */
    public static List<Fused> fuse(List<Long> lexical, List<VectorHit> nearest) {
        Map<Long, double[]> scores = new LinkedHashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            scores.computeIfAbsent(lexical.get(i), id -> new double[1])[0] += 1.0 / (RRF_K + i + 1);
        }
        for (int i = 0; i < nearest.size(); i++) {
            scores.computeIfAbsent(nearest.get(i).id(), id -> new double[1])[0] += 1.0 / (RRF_K + i + 1);
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> fused.add(new Fused(id, score[0])));
        // stable sort: equal scores keep the insertion order, lexical hits first
        fused.sort(Comparator.comparingDouble(Fused::score).reversed());
        return fused;
    }
}
