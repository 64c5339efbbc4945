package org.methodportal.search.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Readings of Chinese text with its polyphonic characters (多音字: 行 xing/hang, 重 zhong/chong,
 * 会 hui/kuai). A small phrase dictionary ({@code search/pinyin-phrases.txt}) pins the reading of
 * words it knows (银行 → yin hang, 三会一课 → san hui yi ke); any other polyphonic character keeps
 * all its readings, but a value gets at most {@link #MAX_READINGS} readings: the preferred one, then
 * one character changed at a time. So "yinhang" finds 银行 and "yinxing" does not, and the index
 * grows by a few values per title, never by the product of all readings.
 */
public final class PinyinReadings {

    /** Readings indexed per title or tag, the preferred one included. */
    public static final int MAX_READINGS = 4;
    /** Readings considered per character (pinyin4j lists up to five, the rare ones last). */
    static final int MAX_CHARACTER_READINGS = 3;
    private static final String DICTIONARY = "/search/pinyin-phrases.txt";
    private static final HanyuPinyinOutputFormat FORMAT = format();
    private static final Map<String, List<String>> PHRASES = load();
    private static final int LONGEST_PHRASE = PHRASES.keySet().stream().mapToInt(String::length).max().orElse(1);

    private PinyinReadings() {
    }

    /** The preferred syllables of the text (dictionary words, else the first reading); Latin runs in lower case. */
    public static List<String> preferred(String text) {
        return readings(text).getFirst();
    }

    /**
     * The syllable sequences of the text: the preferred one first, then alternatives with one
     * polyphonic character (outside dictionary words) read otherwise, at most {@link #MAX_READINGS}.
     * Empty text gives one empty sequence.
     */
    public static List<List<String>> readings(String text) {
        List<Slot> slots = slots(text);
        List<String> preferred = slots.stream().map(s -> s.readings().getFirst()).toList();
        Set<List<String>> all = new LinkedHashSet<>();
        all.add(preferred);
        for (int i = 0; i < slots.size() && all.size() < MAX_READINGS; i++) {
            List<String> readings = slots.get(i).readings();
            for (int r = 1; r < readings.size() && all.size() < MAX_READINGS; r++) {
                List<String> variant = new ArrayList<>(preferred);
                variant.set(i, readings.get(r));
                all.add(List.copyOf(variant));
            }
        }
        return List.copyOf(all);
    }

    /** All distinct toneless readings of one character, the common one first; empty for a non-Chinese one. */
    static List<String> of(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings == null) {
                return List.of();
            }
            return new LinkedHashSet<>(Arrays.asList(readings)).stream().limit(MAX_CHARACTER_READINGS).toList();
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** One syllable position: a fixed reading (dictionary word, Latin run) or a character's readings. */
    private record Slot(List<String> readings) {
    }

    private static List<Slot> slots(String text) {
        List<Slot> slots = new ArrayList<>();
        var run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            List<String> readings = of(c);
            if (readings.isEmpty()) {
                if (Character.isLetterOrDigit(c) && c < 0x3000) {
                    run.append(Character.toLowerCase(c));
                } else {
                    flush(run, slots);
                }
                i++;
                continue;
            }
            flush(run, slots);
            List<String> phrase = longestPhrase(text, i);
            if (phrase != null) {
                phrase.forEach(s -> slots.add(new Slot(List.of(s))));
                i += phrase.size();
            } else {
                slots.add(new Slot(readings));
                i++;
            }
        }
        flush(run, slots);
        return slots;
    }

    private static List<String> longestPhrase(String text, int from) {
        for (int length = Math.min(LONGEST_PHRASE, text.length() - from); length >= 2; length--) {
            List<String> syllables = PHRASES.get(text.substring(from, from + length));
            if (syllables != null) {
                return syllables;
            }
        }
        return null;
    }

    private static void flush(StringBuilder run, List<Slot> slots) {
        if (!run.isEmpty()) {
            slots.add(new Slot(List.of(run.toString())));
            run.setLength(0);
        }
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> phrases = new HashMap<>();
        try (InputStream in = PinyinReadings.class.getResourceAsStream(DICTIONARY);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] parts = entry.split("\\s+");
                List<String> syllables = Arrays.stream(parts, 1, parts.length).map(s -> s.toLowerCase(Locale.ROOT)).toList();
                if (syllables.size() != parts[0].length()) {
                    throw new IllegalStateException("pinyin phrase with one syllable per character expected: " + entry);
                }
                phrases.put(parts[0], syllables);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(phrases);
    }

    private static HanyuPinyinOutputFormat format() {
        var format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        return format;
    }
}
