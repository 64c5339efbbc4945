package org.methodportal.search.engine;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

/**
 * One form of Chinese text for indexing and searching, the same in every adapter: traditional
 * characters as simplified (三會一課 → 三会一课, ICU's Traditional-Simplified transliterator),
 * full-width letters, digits and signs as their ASCII forms (ＯＡ１２３４５＋ → OA12345+, NFKC of those
 * only, so that ①, ² or … and Chinese punctuation stay as written), the ideographic space as a
 * space, and control characters,
 * unpaired surrogates and non-characters as spaces (they are never meant as text, and the highlighter
 * uses some of them as separators). Line breaks and tabs stay.
 */
public final class TextNormalizer {

    private static final String TRANSLITERATOR = "Traditional-Simplified";
    /**
     * The characters the transliterator changes on their own. Its source set also holds most
     * simplified characters (for its context rules), and it handles about 100,000 characters a
     * second; a text without any of these is left as it is, so simplified text costs one scan.
     */
    private static final UnicodeSet TRADITIONAL = traditional();
    /**
     * Full-width signs that may be part of a term (双随机＋信用, ＃, ＠). Full-width punctuation
     * (，：；！？（）) is how Chinese text is written and stays, so snippets read as written.
     */
    private static final String FOLDED_SIGNS = "＋＃＄％＆＊－／＝＠＿～＾｜＜＞．";
    private static final ThreadLocal<Transliterator> SIMPLIFIER = ThreadLocal.withInitial(
            () -> Transliterator.getInstance(TRANSLITERATOR));

    private TextNormalizer() {
    }

    /** The searchable form of a text. */
    public static String normalize(String text) {
        String plain = widthAndControls(text);
        return TRADITIONAL.containsNone(plain) ? plain : SIMPLIFIER.get().transliterate(plain);
    }

    private static String widthAndControls(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(replacement(c));
            }
        }
        return out.toString();
    }

    /** A char outside a surrogate pair as searchable text. */
    private static String replacement(char c) {
        if (c == '\n' || c == '\t') {
            return String.valueOf(c);
        }
        if (c == '\r') {
            return "\n";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029'
                || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF') || c == '\u3000') {
            return " ";
        }
        if (c >= '\uFF01' && c <= '\uFFEE' && (Character.isLetterOrDigit(c) || FOLDED_SIGNS.indexOf(c) >= 0)) {
            return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        }
        return String.valueOf(c);
    }

    private static UnicodeSet traditional() {
        Transliterator simplifier = Transliterator.getInstance(TRANSLITERATOR);
        UnicodeSet changing = new UnicodeSet();
        for (String c : simplifier.getSourceSet()) {
            if (!simplifier.transliterate(c).equals(c)) {
                changing.add(c);
            }
        }
        return changing.freeze();
    }
}
