package org.methodportal.review;

/**
 * The six qualities of the review rubric (domain.md), each scored 1–5. The JSON names follow
 * design §5; the Chinese names and meanings come from the bundles ({@code review.quality.<json>}).
 */
public enum Quality {
    REGULARITY("regularity"),
    PERTINENCE("pertinence"),
    OPERABILITY("operability"),
    ADAPTABILITY("adaptability"),
    EXEMPLARITY("exemplarity"),
    CREATIVITY("creativity");

    private final String jsonName;

    Quality(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public String nameKey() {
        return "review.quality." + jsonName;
    }

    public String meaningKey() {
        return "review.quality." + jsonName + ".meaning";
    }
}
