package org.methodportal.recheck;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.methodportal.method.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.recheck.*}: how long after publication (or a confirmation) a method is due for
 * review, by default and per category (e.g. {@code after-by-category.URGENT_TASKS: P6M}).
 */
@ConfigurationProperties("portal.recheck")
public record RecheckProperties(@DefaultValue("P1Y") Period after, Map<Category, Period> afterByCategory) {

    public RecheckProperties {
        afterByCategory = afterByCategory == null ? Map.of() : Map.copyOf(afterByCategory);
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("portal.recheck.after must be positive, not " + after);
        }
        afterByCategory.forEach((category, period) -> {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("portal.recheck.after-by-category." + category + " must be positive");
            }
        });
    }

    /** The review-by date of a method of this category published or confirmed on {@code day}. */
    public LocalDate dueOn(Category category, LocalDate day) {
        return day.plus(afterByCategory.getOrDefault(category, after));
    }
}
