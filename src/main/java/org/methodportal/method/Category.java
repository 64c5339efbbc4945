package org.methodportal.method;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six categories of work methods (domain.md): the six questions on the cover of the source
 * book. {@code chineseName} is what the corpus format and the API carry.
 */
public enum Category {
    BUSINESS_PROBLEMS("破解业务难题"),
    URGENT_TASKS("完成急难险重任务"),
    MASS_LINE("践行群众路线"),
    TEAM_BUILDING("带好队伍"),
    COHESION("凝心聚力"),
    PARTY_BUILDING("发挥党建优势");

    private final String chineseName;

    Category(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The category with this Chinese name (as in the corpus), or with this enum name. */
    public static Optional<Category> fromName(String name) {
        String trimmed = name.strip();
        return Arrays.stream(values())
                .filter(c -> c.chineseName.equals(trimmed) || c.name().equalsIgnoreCase(trimmed))
                .findFirst();
    }
}
