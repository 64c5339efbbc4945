package org.methodportal.search.engine;

/**
 * The rule both adapters apply to find methods like a text being drafted (the duplicate warning):
 * the text's words of two or more characters count, except those in most methods ("工作法",
 * "党支部"), which say nothing about duplicates; a similar method shares all of one or two telling
 * words, two of up to six, then 30%, so one common word alone never makes a method similar.
 */
public final class DraftSimilarity {

    public static final int MIN_WORD_LENGTH = 2;
    private static final double MAX_DOC_SHARE = 0.4;
    private static final double WORD_SHARE = 0.3;

    private DraftSimilarity() {
    }

    /** A word found in more than this many of {@code documents} methods does not tell them apart. */
    public static long maxDocFreq(long documents) {
        return Math.max(1, (long) (documents * MAX_DOC_SHARE));
    }

    /** How many of {@code words} telling words a method must share to be similar. */
    public static int wordsToShare(int words) {
        return words <= 2 ? words : words <= 6 ? 2 : Math.max(2, (int) (words * WORD_SHARE));
    }
}
