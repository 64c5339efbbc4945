package org.methodportal.promotion.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.promotion.BranchDecision;
import org.methodportal.promotion.Coverage;
import org.methodportal.promotion.Exemplar;
import org.methodportal.promotion.PendingBranch;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionDecision;

@Mapper
public interface PromotionMapper {

    // ---- 典型工作法

    void deleteExemplar(@Param("methodId") long methodId);

    void insertExemplar(@Param("methodId") long methodId, @Param("reason") String reason, @Param("by") long by,
                        @Param("at") Instant at);

    Optional<Exemplar> findExemplar(@Param("methodId") long methodId);

    /** Published exemplars, the most recently designated first. */
    List<Exemplar> findExemplars(@Param("limit") int limit);

    // ---- promotions

    void insert(@Param("methodId") long methodId, @Param("message") @Nullable String message,
                @Param("allBranches") boolean allBranches, @Param("by") long by, @Param("at") Instant at,
                @Param("key") PromotionKey key);

    void insertDepartments(@Param("promotionId") long promotionId, @Param("departmentIds") Collection<Long> departmentIds);

    Optional<Promotion> findById(@Param("id") long id);

    /** The method's promotions, newest first. */
    List<Promotion> findByMethod(@Param("methodId") long methodId);

    /** Promotions of published methods, newest first. */
    List<Promotion> findRecent(@Param("limit") int limit);

    /** Names of the departments a promotion targets (empty when it targets all branches). */
    List<String> findDepartmentNames(@Param("promotionId") long promotionId);

    /** Enabled branches of these departments, or of all when {@code allBranches}. */
    long countBranches(@Param("allBranches") boolean allBranches,
                       @Param("departmentIds") @Nullable Collection<Long> departmentIds);

    /** Whether the promotion targets this branch (enabled, of a targeted department or all). */
    boolean targets(@Param("promotionId") long promotionId, @Param("branchId") long branchId);

    /** Coverage per targeted department (departments without enabled branches left out), by name. */
    List<Coverage.Row> coverage(@Param("promotionId") long promotionId, @Param("methodId") long methodId);

    /** Targeted branches that have not decided, by department and name. */
    List<PendingBranch> findPending(@Param("promotionId") long promotionId, @Param("offset") int offset,
                                    @Param("limit") int limit);

    long countPending(@Param("promotionId") long promotionId);

    /**
     * Promotions of published methods targeting this branch (of this department) that it has not
     * decided on, newest first.
     */
    List<Promotion> findOpenTasks(@Param("branchId") long branchId, @Param("departmentId") long departmentId,
                                  @Param("limit") int limit);

    long countOpenTasks(@Param("branchId") long branchId, @Param("departmentId") long departmentId);

    // ---- decisions

    /** A branch's decision; a second one for the same branch violates the primary key. */
    void insertDecision(@Param("promotionId") long promotionId, @Param("branchId") long branchId,
                        @Param("decision") PromotionDecision decision, @Param("reason") @Nullable String reason,
                        @Param("by") long by, @Param("at") Instant at);

    Optional<BranchDecision> findDecision(@Param("promotionId") long promotionId, @Param("branchId") long branchId);

    /** The newest decisions on a promotion. */
    List<BranchDecision> findDecisions(@Param("promotionId") long promotionId, @Param("limit") int limit);
}
