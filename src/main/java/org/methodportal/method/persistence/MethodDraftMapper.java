package org.methodportal.method.persistence;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.method.WorkingCopy;

/** Autosaved working copies of open editors (method_draft), overwritten in place. */
@Mapper
public interface MethodDraftMapper {

    /** {@code methodId} null finds the working copy of the author's unsaved new method. */
    Optional<WorkingCopy> find(@Param("methodId") @Nullable Long methodId, @Param("authorId") long authorId);

    int update(@Param("methodId") @Nullable Long methodId, @Param("authorId") long authorId,
               @Param("baseRevision") @Nullable Integer baseRevision, @Param("content") String content,
               @Param("savedAt") Instant savedAt);

    void insert(@Param("methodId") @Nullable Long methodId, @Param("authorId") long authorId,
                @Param("baseRevision") @Nullable Integer baseRevision, @Param("content") String content,
                @Param("savedAt") Instant savedAt);

    int delete(@Param("methodId") @Nullable Long methodId, @Param("authorId") long authorId);
}
