package org.methodportal.adoption.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionAttachment;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.AdoptionSummary;

@Mapper
public interface AdoptionMapper {

    /** Opens an adoption; a second open adoption of the method by the branch violates uq_adoption_open. */
    void insert(@Param("methodId") long methodId, @Param("branchId") long branchId, @Param("adoptedBy") long adoptedBy,
                @Param("startedOn") LocalDate startedOn, @Param("plan") @Nullable String plan,
                @Param("createdAt") Instant createdAt, @Param("key") AdoptionKey key);

    Optional<Adoption> findById(@Param("id") long id);

    /** The branch's open adoption of the method, if any. */
    Optional<Adoption> findOpen(@Param("methodId") long methodId, @Param("branchId") long branchId);

    /** The method's adoptions, open ones first, newest first. */
    List<Adoption> findByMethod(@Param("methodId") long methodId, @Param("offset") int offset, @Param("limit") int limit);

    long countByMethod(@Param("methodId") long methodId);

    /** The branch's open adoptions, the longest without a report first. */
    List<Adoption> findOpenByBranch(@Param("branchId") long branchId, @Param("limit") int limit);

    long countOpenByBranch(@Param("branchId") long branchId);

    /** All the branch's adoptions: open ones first, the longest without a report first, then those stopped. */
    List<Adoption> findByBranch(@Param("branchId") long branchId, @Param("offset") int offset, @Param("limit") int limit);

    long countByBranch(@Param("branchId") long branchId);

    /**
     * Open adoptions due for a report and not yet reminded of it: started on or before
     * {@code cutoffDate} without a report, or last reported before {@code cutoffInstant}.
     */
    List<Adoption> findUnremindedDue(@Param("cutoffDate") LocalDate cutoffDate,
                                     @Param("cutoffInstant") Instant cutoffInstant, @Param("limit") int limit);

    /** The branch's open adoptions due for a report (same rule as {@link #findUnremindedDue}). */
    long countDueByBranch(@Param("branchId") long branchId, @Param("cutoffDate") LocalDate cutoffDate,
                          @Param("cutoffInstant") Instant cutoffInstant);

    /** Notes the reminder; 0 when another instance reminded first. */
    int markReminded(@Param("id") long id, @Param("at") Instant at);

    /** Notes a report: the due period starts again and the next one reminds again. */
    void markReported(@Param("id") long id, @Param("at") Instant at);

    /** Open adoptions of the method per department, most first. */
    List<AdoptionSummary.DepartmentCount> countOpenByDepartment(@Param("methodId") long methodId);

    /** The average of each adoption's latest rating (adoptions without a report left out); null when none. */
    @Nullable Double averageLatestRating(@Param("methodId") long methodId);

    /** Ends the adoption (idempotent: an adoption stopped already is left as it is). */
    int stop(@Param("id") long id, @Param("at") Instant at);

    void insertReport(@Param("adoptionId") long adoptionId, @Param("status") AdoptionStatus status,
                      @Param("outcome") String outcome, @Param("rating") int rating,
                      @Param("participants") @Nullable Integer participants, @Param("reportedBy") long reportedBy,
                      @Param("reportedAt") Instant reportedAt, @Param("key") AdoptionKey key);

    /** Stores the file of a report (one at most: pk_adoption_report_attachment). */
    void insertAttachment(@Param("reportId") long reportId, @Param("fileName") String fileName,
                          @Param("contentType") String contentType, @Param("size") long size,
                          @Param("content") byte[] content);

    /** The file of the report, if it has one and the report belongs to the adoption. */
    Optional<AdoptionAttachment> findAttachment(@Param("adoptionId") long adoptionId, @Param("reportId") long reportId);

    /** The adoption's reports, newest first. */
    List<AdoptionReport> findReports(@Param("adoptionId") long adoptionId);

    /** The newest reports on the method's adoptions. */
    List<AdoptionReport> findLatestReports(@Param("methodId") long methodId, @Param("limit") int limit);
}
