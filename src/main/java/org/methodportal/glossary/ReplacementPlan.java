package org.methodportal.glossary;

import java.util.List;

/**
 * What replacing the findings of one text would do, shown before it is done: the text before and
 * after, the findings that would be replaced (offsets into {@code before}) and those left as they
 * are, with the reason. {@code after} equals {@code before} when nothing would be replaced.
 */
public record ReplacementPlan(String before, String after, List<Finding> replaced, List<Skipped> skipped) {

    /** Why a finding is not replaced by a replace-all; the author may still replace it alone. */
    public enum Reason {
        /** Its characters are part of a longer word ("谈心" in "谈谈心"). */
        INSIDE_WORD,
        /** The standard term would stand twice in a row ("导师帮带“导师帮带”"). */
        DOUBLED
    }

    public record Skipped(Finding finding, Reason reason) {
    }

    public ReplacementPlan {
        replaced = List.copyOf(replaced);
        skipped = List.copyOf(skipped);
    }

    public boolean changes() {
        return !replaced.isEmpty();
    }
}
