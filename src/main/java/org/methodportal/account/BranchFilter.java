package org.methodportal.account;

import org.jspecify.annotations.Nullable;

/** Filter of the branch list: name part and/or department. */
public record BranchFilter(@Nullable String text, @Nullable Long departmentId, @Nullable Boolean enabled) {

    public static BranchFilter none() {
        return new BranchFilter(null, null, null);
    }
}
