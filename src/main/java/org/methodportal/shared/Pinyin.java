package org.methodportal.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** Pinyin keys for matching Chinese names typed in Latin letters ("zhangsan", "zs"). */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /**
     * "full initials", e.g. 张三 → "zhangsan zs". Non-Chinese characters are kept in lower case in
     * both parts; the first reading of a polyphonic character is used.
     */
    public static String searchKey(String text) {
        var full = new StringBuilder();
        var initials = new StringBuilder();
        for (char c : text.toCharArray()) {
            String syllable = syllable(c);
            if (syllable != null) {
                full.append(syllable);
                initials.append(syllable.charAt(0));
            } else if (Character.isLetterOrDigit(c)) {
                char lower = Character.toLowerCase(c);
                full.append(lower);
                initials.append(lower);
            }
        }
        return full + " " + initials;
    }

    /**
     * The reading of each Chinese character, and each run of Latin letters or digits in lower case,
     * in text order, e.g. "五对接 app" → [wu, dui, jie, app]; other characters are dropped.
     */
    public static List<String> syllables(String text) {
        List<String> syllables = new ArrayList<>();
        var run = new StringBuilder();
        for (char c : text.toCharArray()) {
            String syllable = syllable(c);
            if (syllable == null && Character.isLetterOrDigit(c) && c < 0x3000) {
                run.append(Character.toLowerCase(c));
                continue;
            }
            if (!run.isEmpty()) {
                syllables.add(run.toString());
                run.setLength(0);
            }
            if (syllable != null) {
                syllables.add(syllable);
            }
        }
        if (!run.isEmpty()) {
            syllables.add(run.toString());
        }
        return syllables;
    }

    /** Normalises what a user typed for matching against {@link #searchKey}: lower case, no spaces. */
    public static String normaliseQuery(String query) {
        return query.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static String syllable(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
