package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.Role;

/**
 * Filter of the account list. {@code text} matches login, display name or its pinyin (full or
 * initials).
 */
public record AccountFilter(@Nullable String text, @Nullable Long departmentId, @Nullable Long branchId,
                            @Nullable Role role, @Nullable Boolean enabled) {

    public static AccountFilter none() {
        return new AccountFilter(null, null, null, null, null);
    }
}
