package org.methodportal.review;

import java.util.EnumMap;
import java.util.Map;

import org.methodportal.shared.PortalException;

/** The six rubric scores of one review, each 1–5. */
public record Scores(int regularity, int pertinence, int operability, int adaptability, int exemplarity,
                     int creativity) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    public static Scores of(Map<Quality, Integer> values) {
        return new Scores(score(values, Quality.REGULARITY), score(values, Quality.PERTINENCE),
                score(values, Quality.OPERABILITY), score(values, Quality.ADAPTABILITY),
                score(values, Quality.EXEMPLARITY), score(values, Quality.CREATIVITY));
    }

    private static int score(Map<Quality, Integer> values, Quality quality) {
        Integer value = values.get(quality);
        return value == null ? 0 : value;
    }

    public int get(Quality quality) {
        return switch (quality) {
            case REGULARITY -> regularity;
            case PERTINENCE -> pertinence;
            case OPERABILITY -> operability;
            case ADAPTABILITY -> adaptability;
            case EXEMPLARITY -> exemplarity;
            case CREATIVITY -> creativity;
        };
    }

    public Map<Quality, Integer> asMap() {
        Map<Quality, Integer> map = new EnumMap<>(Quality.class);
        for (Quality quality : Quality.values()) {
            map.put(quality, get(quality));
        }
        return map;
    }

    /** Every quality must be scored, within 1–5; the first argument names the quality for the form. */
    public void validate() {
        for (Quality quality : Quality.values()) {
            int value = get(quality);
            if (value < MIN || value > MAX) {
                throw PortalException.invalid("review.score-range", quality.jsonName(), MIN, MAX);
            }
        }
    }
}
