package org.methodportal.recheck;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;

/** Which published methods a reviewer sets due at once: a category or a tag (exactly one of them). */
public record RecheckScope(@Nullable Category category, @Nullable String tag) {
}
