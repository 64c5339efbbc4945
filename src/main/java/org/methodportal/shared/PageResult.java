package org.methodportal.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a server-side paged list. {@code page} is zero-based. */
public record PageResult<T>(List<T> content, long total, int page, int size) {

    public PageResult {
        content = List.copyOf(content);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), total, page, size);
    }
}
