package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Reads what a user typed in Latin letters as pinyin: "wuduijie", "wu dui jie" and "wu对接" all
 * read as [wu, dui, jie]; "wdj" as the initials "w d j".
 */
public final class PinyinReader {

    private static final int MAX_SYLLABLE = 6;
    private static final int MAX_INITIALS = 12;

    private PinyinReader() {
    }

    /**
     * The syllables of the input when it contains Latin letters and all its Latin runs split into
     * valid syllables (Chinese characters contribute their readings); otherwise empty.
     */
    public static List<String> syllables(String input) {
        String text = input.toLowerCase(Locale.ROOT);
        if (!hasLatinLetter(text)) {
            return List.of();
        }
        List<String> syllables = new ArrayList<>();
        var letters = new StringBuilder();
        var chinese = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                appendReadings(chinese, syllables);
                letters.append(c);
            } else if (Character.isWhitespace(c) || c == '\'') {
                // "wu dui jie" and "xi'an": separators between syllables the user typed
                appendReadings(chinese, syllables);
                if (!letters.isEmpty() && !appendSegmented(letters, syllables)) {
                    return List.of();
                }
            } else {
                if (!letters.isEmpty() && !appendSegmented(letters, syllables)) {
                    return List.of();
                }
                chinese.append(c);
            }
        }
        appendReadings(chinese, syllables);
        if (!letters.isEmpty() && !appendSegmented(letters, syllables)) {
            return List.of();
        }
        return syllables;
    }

    /** "w d j" for a short input of Latin letters only (spaces ignored), else null. */
    public static @Nullable String initials(String input) {
        String compact = input.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (compact.length() < 2 || compact.length() > MAX_INITIALS || !compact.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return null;
        }
        return String.join(" ", compact.chars().mapToObj(c -> String.valueOf((char) c)).toList());
    }

    /** The compact pinyin key of the input for prefix matching: "五对j" → "wuduij". */
    public static String key(String input) {
        return String.join("", PinyinReadings.preferred(input));
    }

    /**
     * Chinese characters between Latin letters contribute their preferred reading, read as a run so
     * that dictionary words keep theirs ("银行ye" → yin hang ye), as the index's first reading does.
     */
    private static void appendReadings(StringBuilder chinese, List<String> out) {
        if (!chinese.isEmpty()) {
            out.addAll(PinyinReadings.preferred(chinese.toString()));
            chinese.setLength(0);
        }
    }

    private static boolean appendSegmented(StringBuilder letters, List<String> out) {
        List<String> split = segment(letters.toString());
        letters.setLength(0);
        if (split == null) {
            return false;
        }
        out.addAll(split);
        return true;
    }

    /** Fewest valid syllables that spell the letters, or null when none do. */
    static @Nullable List<String> segment(String letters) {
        int n = letters.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int len = 1; len <= Math.min(MAX_SYLLABLE, end); len++) {
                int start = end - len;
                if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end]
                        && Inventory.SYLLABLES.contains(letters.substring(start, end))) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            parts.add(letters.substring(from[end], end));
        }
        Collections.reverse(parts);
        return parts;
    }

    private static boolean hasLatinLetter(String text) {
        return text.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    /** Every toneless reading of the common CJK block, built once on first use. */
    private static final class Inventory {

        static final Set<String> SYLLABLES = build();

        private static Set<String> build() {
            var format = new HanyuPinyinOutputFormat();
            format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
            format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
            format.setVCharType(HanyuPinyinVCharType.WITH_V);
            Set<String> syllables = new HashSet<>();
            try {
                for (char c = '\u4e00'; c <= '\u9fa5'; c++) {
                    String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
                    if (readings != null) {
                        Collections.addAll(syllables, readings);
                    }
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            return Set.copyOf(syllables);
        }
    }
}
