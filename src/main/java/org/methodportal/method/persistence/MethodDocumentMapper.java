package org.methodportal.method.persistence;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads methods with their shown revision in bulk, for the search index; no visibility filter. */
@Mapper
public interface MethodDocumentMapper {

    List<MethodDocumentRow> findByIds(@Param("ids") List<Long> ids);

    /** Methods with an id above {@code afterId}, in id order (keyset paging). */
    List<MethodDocumentRow> findAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    /** Ids of the methods {@link #findAfter} pages through that changed at or after {@code since}. */
    List<Long> findIdsUpdatedSince(@Param("since") java.time.Instant since);

    /** How many methods {@link #findAfter} pages through (the total of a reindex). */
    long countAll();

    long countAfter(long afterId);

    List<RevisionItemRow> findItems(@Param("revisionIds") List<Long> revisionIds);

    List<RevisionTagRow> findTags(@Param("revisionIds") List<Long> revisionIds);
}
