package org.methodportal.recheck.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.recheck.RecheckDue;

@Mapper
public interface RecheckMapper {

    void deleteDue(@Param("methodIds") Collection<Long> methodIds);

    /**
     * Review-by dates for the published ones of these methods: {@code dueByCategory} for their
     * category, else {@code defaultDue}.
     */
    void insertDue(@Param("methodIds") Collection<Long> methodIds, @Param("dueByCategory") Map<Category, LocalDate> dueByCategory,
                   @Param("defaultDue") LocalDate defaultDue, @Param("at") Instant at);

    Optional<RecheckDue> findByMethod(@Param("methodId") long methodId);

    /**
     * Published methods due on or before {@code day}, the longest overdue first; of the given
     * departments, or of all when {@code departmentIds} is null.
     */
    List<RecheckDue> findDue(@Param("day") LocalDate day, @Param("departmentIds") @Nullable Collection<Long> departmentIds,
                             @Param("offset") int offset, @Param("limit") int limit);

    long countDue(@Param("day") LocalDate day, @Param("departmentIds") @Nullable Collection<Long> departmentIds);

    /** A confirmation: the next review-by date, who and when; an early setting's reason is cleared. */
    int confirm(@Param("methodId") long methodId, @Param("dueOn") LocalDate dueOn, @Param("by") long by,
                @Param("at") Instant at, @Param("note") @Nullable String note);

    /** Published methods of the category or tag (and departments, null: all) not due by {@code day} yet. */
    long countSettable(@Param("category") @Nullable Category category, @Param("tag") @Nullable String tag,
                       @Param("departmentIds") @Nullable Collection<Long> departmentIds, @Param("day") LocalDate day);

    /** Sets those methods due on {@code day}, with the reason; returns how many. */
    int setDue(@Param("category") @Nullable Category category, @Param("tag") @Nullable String tag,
               @Param("departmentIds") @Nullable Collection<Long> departmentIds, @Param("day") LocalDate day,
               @Param("reason") String reason, @Param("by") long by, @Param("at") Instant at);
}
