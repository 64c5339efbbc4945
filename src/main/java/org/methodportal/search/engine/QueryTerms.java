package org.methodportal.search.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The terms of what a member typed, so that any input answers within a fixed query size: input is
 * cut at {@value #MAX_LENGTH} characters, question and function words never count toward what a
 * document must contain, and a text too long for the budget is reduced to its most informative words.
 */
public final class QueryTerms {

    /** Longer input is cut here; a search box is for a question or a problem, not for a document. */
    public static final int MAX_LENGTH = 200;
    /**
     * The budget of one search in query terms: per text reading the distinct bigrams and words that
     * must match, the bigrams and words scored, and its phrase. Each unit becomes one clause per
     * text field (11) in the adapters, so 64 units stay well under Lucene's limit of 1024 clauses.
     */
    public static final int BUDGET = 64;
    /** The part of the budget the typed text may take; the rest is for glossary alternatives. */
    static final int TEXT_BUDGET = 40;

    /**
     * Words that ask or bind but say nothing of the subject, as smartcn segments them. Single
     * characters are listed only when they never begin a term of the corpus on their own (会, 过,
     * 上, 一 are not: 三会一课, 过预算, 上堤).
     */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "怎么", "怎样", "如何", "为什么", "为何", "什么", "哪些", "哪个", "哪里", "怎么办", "怎么样", "怎么做", "怎么搞",
            "咋", "咋办", "咋整", "啥", "多少", "是否", "有没有", "是不是", "能不能", "可不可以", "请问", "请教",
            "吗", "呢", "吧", "啊", "呀", "嘛", "么", "哦",
            "的", "地", "得", "了", "着", "是", "有", "在", "和", "与", "及", "或", "或者", "把", "被", "让", "给", "对",
            "都", "也", "还", "就", "又", "很", "太", "才", "要", "想", "能", "可以", "应该", "需要",
            "我", "你", "他", "她", "它", "我们", "你们", "他们", "大家", "咱们", "自己",
            "这", "那", "这个", "那个", "这些", "那些", "这样", "那样", "一个", "一些", "一下", "一点",
            "好的", "办法", "做法", "方法", "经验", "有效");

    private static final Analyzer WORDS = new SmartChineseAnalyzer(true);

    private QueryTerms() {
    }

    /** The first {@value #MAX_LENGTH} characters (code points) of the text. */
    public static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH));
    }

    /**
     * The text with question and function words and the single characters left between them
     * blanked: "新来的同志不熟悉业务怎么带" → "新来 同志不熟悉业务". The text itself when nothing
     * would be left ("怎么办" asks for 怎么办).
     */
    public static String required(String text) {
        char[] chars = text.toCharArray();
        boolean any = false;
        for (Token token : tokens(text)) {
            if (FUNCTION_WORDS.contains(token.term())) {
                java.util.Arrays.fill(chars, token.start(), token.end(), ' ');
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        String without = new String(chars);
        String core = blankSingleCharacters(without);
        if (hasTerm(core)) {
            return core.strip();
        }
        return hasTerm(without) ? without.strip() : text;
    }

    /** Han characters standing alone between blanks (带 in "… 业务 带") match no bigram of the index. */
    private static String blankSingleCharacters(String text) {
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < chars.length) {
            if (!isHan(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && isHan(chars[i])) {
                i++;
            }
            if (i - start == 1) {
                chars[start] = ' ';
            }
        }
        return new String(chars);
    }

    private static boolean hasTerm(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * The size of a text reading in budget units: distinct bigrams and words it requires, bigrams
     * and smartcn tokens it scores, and its phrase. An estimate from character runs, kept a little
     * above what the adapters build.
     */
    public static int cost(QueryText text) {
        return bigrams(text.required(), true) + words(text.required()) + 1 + bigrams(text.text(), false)
                + tokens(text.text()).size();
    }

    /** The size of several readings together. */
    public static int cost(Collection<QueryText> texts) {
        return texts.stream().mapToInt(QueryTerms::cost).sum();
    }

    /**
     * A text too long for {@link #TEXT_BUDGET}: its words of two or more characters that are not
     * function words, the rarest in the index first (by document frequency: the most informative by
     * IDF), as many as fit, in the order typed and separated by spaces. Words the index does not
     * hold at all come last (they cannot match), before them those in the most documents.
     */
    public static String informative(String text, Function<Collection<String>, Map<String, Long>> documentFrequencies) {
        Set<String> candidates = new LinkedHashSet<>();
        for (Token token : tokens(required(text))) {
            if (token.term().codePointCount(0, token.term().length()) > 1 && !FUNCTION_WORDS.contains(token.term())) {
                candidates.add(token.term());
            }
        }
        Map<String, Long> frequencies = candidates.isEmpty() ? Map.of() : documentFrequencies.apply(candidates);
        List<String> byInformation = new ArrayList<>(candidates);
        byInformation.sort(Comparator.comparingLong((String w) -> {
            long df = frequencies.getOrDefault(w, -1L);
            return df <= 0 ? Long.MAX_VALUE : df;
        }));
        List<String> chosen = new ArrayList<>();
        for (String word : byInformation) {
            chosen.add(word);
            if (cost(QueryText.of(inTypedOrder(chosen, candidates))) > TEXT_BUDGET) {
                chosen.removeLast();
            }
        }
        return inTypedOrder(chosen, candidates);
    }

    private static String inTypedOrder(List<String> chosen, Set<String> typed) {
        return String.join(" ", typed.stream().filter(chosen::contains).toList());
    }

    private static int bigrams(String text, boolean distinct) {
        Collection<String> grams = distinct ? new LinkedHashSet<>() : new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int start = i;
            if (isCjk(c)) {
                while (i < text.length() && isCjk(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                String run = text.substring(start, i);
                int n = run.codePointCount(0, run.length());
                if (n == 1) {
                    grams.add(run);
                }
                for (int k = 0; k + 1 < n; k++) {
                    int from = run.offsetByCodePoints(0, k);
                    grams.add(run.substring(from, run.offsetByCodePoints(from, 2)));
                }
            } else if (Character.isLetterOrDigit(c)) {
                while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))
                        && !isCjk(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                grams.add(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            } else {
                // symbols such as emoji may be tokens of their own
                if (Character.getType(c) == Character.OTHER_SYMBOL) {
                    grams.add(new String(Character.toChars(c)));
                }
                i += Character.charCount(c);
            }
        }
        return grams.size();
    }

    private static int words(String text) {
        return (int) tokens(text).stream().map(Token::term).filter(t -> t.length() > 1).distinct().count();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private record Token(String term, int start, int end) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = WORDS.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
