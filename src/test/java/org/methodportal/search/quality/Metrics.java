package org.methodportal.search.quality;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Ranking metrics over the external ids a search returned, in order. */
final class Metrics {

    static final int CUTOFF = 10;
    /** The first hit counts for MRR from this grade on: highly relevant or the entry asked for. */
    static final int MRR_GRADE = 2;

    private Metrics() {
    }

    /** nDCG@10 with gain 2^grade − 1 and log2 discount; the ideal ranking is the judged grades sorted. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(CUTOFF, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(CUTOFF, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** 1 / rank of the first hit graded {@value #MRR_GRADE} or more within the cutoff, else 0. */
    static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < Math.min(CUTOFF, ranked.size()); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) >= MRR_GRADE) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
