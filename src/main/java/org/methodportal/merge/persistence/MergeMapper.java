package org.methodportal.merge.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.methodportal.method.MethodStatus;

/** The sources of merges (总结提炼): which methods a merge proposal folds into its standard entry. */
@Mapper
public interface MergeMapper {

    void insertSource(@Param("mergeId") long mergeId, @Param("sourceId") long sourceId, @Param("order") int order,
                      @Param("previousStatus") MethodStatus previousStatus, @Param("revision") int revision);

    /** The sources of one merge in the order the reviewer chose. */
    List<MergeSourceRow> findSources(long mergeId);

    /**
     * Merges that hold this method as a source and are still open (their proposal is being drafted or
     * reviewed) or applied and not undone: a source is in at most one of them at a time.
     */
    List<MergeSourceRow> findActiveBySource(long sourceId);

    /** The applied, not undone sources whose merge produced this standard entry (provenance), in order. */
    List<MergeSourceRow> findProvenance(long standardId);

    /** Records the status the source had just before it was merged away, and its revision then. */
    int markApplied(@Param("mergeId") long mergeId, @Param("sourceId") long sourceId,
                    @Param("previousStatus") MethodStatus previousStatus, @Param("revision") int revision,
                    @Param("at") Instant at);

    int markUndone(@Param("mergeId") long mergeId, @Param("at") Instant at);
}
