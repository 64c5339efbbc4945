package org.methodportal.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a server-side paged list. {@code page} is zero-based. {@code totalExact} is false when
 * the list was counted only up to a cap ({@link ListTotal}): there are more than {@code total}.
 */
public record PageResult<T>(List<T> content, long total, int page, int size, boolean totalExact) {

    public PageResult {
        content = List.copyOf(content);
    }

    public PageResult(List<T> content, long total, int page, int size) {
        this(content, total, page, size, true);
    }

    public PageResult(List<T> content, ListTotal total, int page, int size) {
        this(content, total.value(), page, size, total.exact());
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), total, page, size, totalExact);
    }
}
