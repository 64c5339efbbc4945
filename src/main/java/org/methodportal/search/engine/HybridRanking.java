package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private HybridRanking() {
    }

    /** A method of the fused ranking with its fused score. */
    public record Fused(long id, double score) {
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
