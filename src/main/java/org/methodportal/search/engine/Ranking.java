package org.methodportal.search.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How every adapter scores a planned query, in one place so that Lucene and Elasticsearch rank
 * alike; the judged query set (SearchQualityTest, docs/search-quality.md) measures the effect of
 * any change here on both.
 *
 * <p>A text is matched three ways per field: as an exact phrase of bigrams, as scattered bigrams
 * and as smartcn words. The best field decides (dis_max) and the others add a little, so a title
 * match outranks the same words repeated in long texts.
 */
public final class Ranking {

    /** Field weights: title ≫ tags, summary ≫ problem, concept ≫ measures, steps, outcomes ≫ the rest. */
    public static final Map<String, Float> WEIGHTS = IndexDocument.WEIGHTS;
    /** Phrase matches count this much more than the same bigrams scattered: "三会一课" as written beats 三会 … 一课. */
    public static final float PHRASE_FACTOR = 3f;
    /** Whole smartcn words add meaning to bigrams (入职 as a word, not 职人 across two words), but less. */
    public static final float WORDS_FACTOR = 0.5f;
    /** Share of the non-best fields in the dis_max of a text. */
    public static final float TIE_BREAKER = 0.2f;
    /** Glossary alternatives (standard ↔ variants) count slightly less than what was typed. */
    public static final float ALTERNATIVE_FACTOR = 0.8f;
    /** Pinyin is kept for titles and tags only, so a pinyin phrase match weighs like a title match. */
    public static final float PINYIN_BOOST = WEIGHTS.get("title");
    /** Initials are ambiguous ("ldys" may spell several titles), so they weigh a little less than full pinyin. */
    public static final float INITIALS_BOOST = PINYIN_BOOST * 0.8f;
    /**
     * Hits of the cheap first stage (the combined fields {@code all} and {@code all.bi}) scored
     * again by the rich per-field query and ordered by it; pages beyond keep the first stage's order.
     */
    public static final int RESCORED = 300;
    /** How much a bigram in the title counts in the first stage beside the same bigram anywhere. */
    public static final float FIRST_STAGE_TITLE_BOOST = 2f;
    /**
     * The share of the first stage's score in a rescored hit's score: the rich score orders, the
     * cheap one only breaks its ties (and keeps a hit the rich query does not match at the end).
     */
    public static final float FIRST_STAGE_SHARE = 1e-4f;
    /**
     * The bigrams of a text that must occur somewhere in a document: all of one or two, all but one
     * of up to four, then six in ten (Elasticsearch syntax; {@link #requiredBigrams} in numbers).
     */
    public static final String REQUIRED_BIGRAMS = "2<-1 4<-40%";
    /** Relaxed to {@link #HALF}: all of one or two, all but one of up to four, then half. */
    public static final String HALF_BIGRAMS = "2<-1 4<-50%";
    /** Levels of {@link QueryText#relaxation}: most terms, half of them, any one. */
    public static final int STRICT = 0;
    public static final int HALF = 1;
    public static final int ANY = 2;
    /**
     * A search finding fewer documents than this is run again relaxed when its text names at
     * least {@link #RELAX_MIN_WORDS} words, or is a question or sentence (question or function
     * words left out): a described problem seldom has most of its words in one entry
     * ("群众反映办事难怎么改进"), while a short name or a typo is left as it is (a correction is
     * offered instead).
     */
    public static final int RELAX_BELOW = 3;
    public static final int RELAX_MIN_WORDS = 3;

    /** The analyzer of the word fields in both adapters (the smartcn analyzer of Elasticsearch is this one). */
    private static final Analyzer WORDS = new SmartChineseAnalyzer(true);

    private Ranking() {
    }

    /**
     * The words of several characters in a text, by smartcn: "新入职人员培养" → [入职, 人员, 培养].
     * When there are two or more, a document with all of them (most, beyond four) matches even
     * without most of the bigrams: a described need seldom has its bigrams in one document, but
     * its words are there. Single characters are left to the bigrams ("三审三核" is not 三 + 审).
     */
    public static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream stream = WORDS.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1) {
                    words.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.size() < 2 ? List.of() : new ArrayList<>(words);
    }

    /** Of {@link #words} this many must occur: all of up to four, then three in four; half (at least two); any. */
    public static int requiredWords(int words, int relaxation) {
        return switch (relaxation) {
            case ANY -> 1;
            case HALF -> Math.min(words, Math.max(2, (words + 1) / 2));
            default -> words <= 4 ? words : words - words / 4;
        };
    }

    /** {@link #REQUIRED_BIGRAMS}, {@link #HALF_BIGRAMS} or one, for a text of this many distinct bigrams. */
    public static int requiredBigrams(int distinct, int relaxation) {
        if (relaxation == ANY) {
            return Math.min(1, distinct);
        }
        if (distinct <= 2) {
            return distinct;
        }
        if (distinct <= 4) {
            return distinct - 1;
        }
        return (int) Math.ceil(distinct * (relaxation == HALF ? 0.5 : 0.6));
    }

    /** The Elasticsearch minimum_should_match of the bigrams at a level of relaxation. */
    public static String requiredBigramsSyntax(int relaxation) {
        return switch (relaxation) {
            case ANY -> "1";
            case HALF -> HALF_BIGRAMS;
            default -> REQUIRED_BIGRAMS;
        };
    }
}
