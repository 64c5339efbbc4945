package org.methodportal.method.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodRow;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.PublicationSource;

/**
 * Methods and their revisions (one aggregate). Revisions are only ever inserted: there is no
 * update or delete statement for method_revision or its lists.
 */
@Mapper
public interface MethodMapper {

    Optional<MethodRow> findById(long id);

    /** Locks the method row until the transaction ends, so saves of one method run one after another. */
    Optional<Integer> lockVersion(long id);

    /** Adds {@code delta} (+1 adopted, -1 stopped) to the branches using the method now, atomically. */
    void addAdoptingBranches(@Param("id") long id, @Param("delta") int delta);

    /** The branches using each of these methods now, for those published or archived. */
    List<AdoptingBranches> findAdoptingBranches(@Param("ids") List<Long> ids);

    Optional<Long> findIdByExternalId(String externalId);

    /** The methods of these source ids (a bulk import's batch), as id and source id. */
    List<ExternalIdRow> findIdsByExternalIds(@Param("externalIds") Collection<String> externalIds);

    /** What an import compares for these source ids: the method row, and whether its latest revision is the shown one. */
    List<ImportStateRow> findImportStates(@Param("externalIds") Collection<String> externalIds);

    /** Inserts many new methods in one statement (a bulk import's batch); their ids are read back by source id. */
    default void insertAll(List<NewMethod> methods) {
        insertColumns(methods.stream().map(NewMethod::externalId).toArray(String[]::new),
                methods.stream().map(m -> m.category().name()).toArray(String[]::new),
                methods.stream().map(NewMethod::originDepartmentId).toArray(Long[]::new),
                methods.stream().map(NewMethod::originBranchId).toArray(Long[]::new),
                methods.stream().map(NewMethod::ownerId).toArray(Long[]::new),
                methods.stream().map(m -> m.status().name()).toArray(String[]::new),
                methods.stream().map(NewMethod::rawPractice).toArray(String[]::new),
                methods.stream().map(m -> m.createdAt().toString()).toArray(String[]::new));
    }

    /** One array per column, times as ISO-8601 text: a few parameters however many rows. */
    void insertColumns(@Param("externalIds") String[] externalIds, @Param("categories") String[] categories,
                       @Param("departmentIds") Long[] departmentIds, @Param("branchIds") Long[] branchIds,
                       @Param("ownerIds") Long[] ownerIds, @Param("statuses") String[] statuses,
                       @Param("rawPractices") String[] rawPractices, @Param("createdAts") String[] createdAts);

    /** Inserts many revisions in one statement; their ids are read back by method and number. */
    default void insertRevisions(List<NewRevision> revisions) {
        insertRevisionColumns(revisions.stream().map(NewRevision::methodId).toArray(Long[]::new),
                revisions.stream().map(NewRevision::number).toArray(Integer[]::new),
                revisions.stream().map(NewRevision::baseRevisionId).toArray(Long[]::new),
                revisions.stream().map(NewRevision::title).toArray(String[]::new),
                revisions.stream().map(NewRevision::summary).toArray(String[]::new),
                revisions.stream().map(r -> r.category().name()).toArray(String[]::new),
                revisions.stream().map(NewRevision::problem).toArray(String[]::new),
                revisions.stream().map(NewRevision::concept).toArray(String[]::new),
                revisions.stream().map(NewRevision::outcomes).toArray(String[]::new),
                revisions.stream().map(NewRevision::applicability).toArray(String[]::new),
                revisions.stream().map(NewRevision::body).toArray(String[]::new),
                revisions.stream().map(NewRevision::authorId).toArray(Long[]::new),
                revisions.stream().map(r -> r.createdAt().toString()).toArray(String[]::new),
                revisions.stream().map(NewRevision::changeNote).toArray(String[]::new),
                revisions.stream().map(r -> r.statusAtCreation().name()).toArray(String[]::new));
    }

    void insertRevisionColumns(@Param("methodIds") Long[] methodIds, @Param("numbers") Integer[] numbers,
                               @Param("baseRevisionIds") Long[] baseRevisionIds, @Param("titles") String[] titles,
                               @Param("summaries") String[] summaries, @Param("categories") String[] categories,
                               @Param("problems") String[] problems, @Param("concepts") String[] concepts,
                               @Param("outcomes") String[] outcomes,
                               @Param("applicabilities") String[] applicabilities,
                               @Param("bodies") String[] bodies, @Param("authorIds") Long[] authorIds,
                               @Param("createdAts") String[] createdAts, @Param("changeNotes") String[] changeNotes,
                               @Param("statuses") String[] statuses);

    /** The first revision of each of these methods, as method id and revision id. */
    List<ExternalIdRow.RevisionId> findFirstRevisionIds(@Param("methodIds") Collection<Long> methodIds);

    /**
     * Points newly imported methods at their first revision as the latest, and as the published one
     * when they were inserted PUBLISHED, with its title (the versions end where a one-by-one import
     * leaves them).
     */
    int updateImportedRevisions(@Param("methodIds") Collection<Long> methodIds, @Param("updatedAt") Instant updatedAt);

    /** Records publications of a batch, and the first publication of each method published for the first time. */
    default void insertPublications(List<NewPublication> publications) {
        Long[] methodIds = publications.stream().map(NewPublication::methodId).toArray(Long[]::new);
        insertPublicationColumns(methodIds,
                publications.stream().map(NewPublication::revisionId).toArray(Long[]::new),
                publications.stream().map(p -> p.publishedAt().toString()).toArray(String[]::new),
                publications.stream().map(NewPublication::publishedBy).toArray(Long[]::new),
                publications.stream().map(NewPublication::sourceMethodId).toArray(Long[]::new),
                publications.stream().map(NewPublication::sourceRound).toArray(Integer[]::new));
        insertFirstPublications(methodIds);
    }

    /** The earliest publication of each of these methods that has none recorded yet (statistics read it). */
    void insertFirstPublications(@Param("methodIds") Long[] methodIds);

    void insertPublicationColumns(@Param("methodIds") Long[] methodIds, @Param("revisionIds") Long[] revisionIds,
                                  @Param("publishedAts") String[] publishedAts,
                                  @Param("publishedBys") Long[] publishedBys,
                                  @Param("sourceMethodIds") Long[] sourceMethodIds,
                                  @Param("sourceRounds") Integer[] sourceRounds);

    List<MethodSummary> findPage(@Param("q") MethodQuery query, @Param("sortKey") @Nullable String sortKey,
                                 @Param("ascending") boolean ascending, @Param("offset") int offset,
                                 @Param("limit") int limit);

    /** The rows of the list, counted up to {@code cap}. */
    long count(@Param("q") MethodQuery query, @Param("cap") long cap);

    void insert(@Param("m") NewMethod method, @Param("key") GeneratedKey key);

    /**
     * Points the method at a new latest revision; the list category follows it while nothing is
     * published. 0 rows when the version is stale.
     */
    int updateLatestRevision(@Param("id") long id, @Param("revisionId") long revisionId,
                             @Param("category") Category category, @Param("updatedAt") Instant updatedAt,
                             @Param("version") int version);

    int updateStatus(@Param("id") long id, @Param("status") MethodStatus status,
                     @Param("updatedAt") Instant updatedAt, @Param("version") int version);

    /**
     * Publishes a revision: status PUBLISHED, the published and latest pointers and the list category
     * follow it. Callers also record the publication ({@link #insertPublication}).
     */
    int updatePublishedRevision(@Param("id") long id, @Param("revisionId") long revisionId,
                                @Param("updatedAt") Instant updatedAt, @Param("version") int version);

    /** Submits the latest revision for review: status IN_REVIEW, next review round. */
    int updateSubmitted(@Param("id") long id, @Param("submittedAt") Instant submittedAt, @Param("version") int version);

    int updateBasePublishedRevision(@Param("id") long id, @Param("revisionId") long revisionId,
                                    @Param("updatedAt") Instant updatedAt, @Param("version") int version);

    int updateRebased(@Param("id") long id, @Param("revisionId") long revisionId,
                      @Param("basePublishedRevisionId") long basePublishedRevisionId,
                      @Param("status") MethodStatus status, @Param("category") Category category,
                      @Param("updatedAt") Instant updatedAt, @Param("version") int version);

    /** Records which proposal and round produced a published revision, and the method's first publication. */
    default void insertPublication(long methodId, long revisionId, Instant publishedAt, long publishedBy,
                                   long sourceMethodId, int sourceRound) {
        insertPublicationRow(methodId, revisionId, publishedAt, publishedBy, sourceMethodId, sourceRound);
        insertFirstPublications(new Long[] {methodId});
    }

    void insertPublicationRow(@Param("methodId") long methodId, @Param("revisionId") long revisionId,
                              @Param("publishedAt") Instant publishedAt, @Param("publishedBy") long publishedBy,
                              @Param("sourceMethodId") long sourceMethodId, @Param("sourceRound") int sourceRound);

    Optional<RevisionRow> findRevision(@Param("methodId") long methodId, @Param("number") int number);

    Optional<RevisionRow> findRevisionById(long revisionId);

    /** Newest first; {@code publishedOnly} limits to the revisions that were published at some time. */
    List<RevisionRow> findRevisions(@Param("methodId") long methodId, @Param("publishedOnly") boolean publishedOnly);

    /** Numbers of the revisions that were published at some time, ascending. */
    List<Integer> findPublishedRevisionNumbers(long methodId);

    Optional<PublicationSource> findPublicationSource(@Param("methodId") long methodId,
                                                      @Param("revisionId") long revisionId);

    /** Change requests of a method, newest first; empty or null {@code statuses}: any status. */
    List<MethodSummary> findChangeRequests(@Param("targetId") long targetId,
                                           @Param("statuses") @Nullable List<MethodStatus> statuses);

    List<RevisionItemRow> findItems(long revisionId);

    List<RevisionTagRow> findTags(long revisionId);

    /** Tags of published revisions matching {@code pattern} (an escaped LIKE pattern), most used first. */
    List<String> findPublishedTagsLike(@Param("pattern") String pattern, @Param("limit") int limit);

    void insertRevision(@Param("r") NewRevision revision, @Param("key") GeneratedKey key);

    /** Inserts the rows in one statement whatever their number (one array per column). */
    default void insertItems(List<RevisionItemRow> items) {
        insertItemColumns(items.stream().map(RevisionItemRow::revisionId).toArray(Long[]::new),
                items.stream().map(i -> i.kind().name()).toArray(String[]::new),
                items.stream().map(RevisionItemRow::sortOrder).toArray(Integer[]::new),
                items.stream().map(RevisionItemRow::itemText).toArray(String[]::new));
    }

    void insertItemColumns(@Param("revisionIds") Long[] revisionIds, @Param("kinds") String[] kinds,
                           @Param("orders") Integer[] orders, @Param("texts") String[] texts);

    /** Inserts the rows in one statement whatever their number (one array per column). */
    default void insertTags(List<RevisionTagRow> tags) {
        insertTagColumns(tags.stream().map(RevisionTagRow::revisionId).toArray(Long[]::new),
                tags.stream().map(RevisionTagRow::sortOrder).toArray(Integer[]::new),
                tags.stream().map(RevisionTagRow::tag).toArray(String[]::new));
    }

    void insertTagColumns(@Param("revisionIds") Long[] revisionIds, @Param("orders") Integer[] orders,
                          @Param("tags") String[] tags);

    /** Ids above {@code afterId} of the methods the viewer of {@code query} may see, ascending; its filters are ignored. */
    List<Long> findVisibleIdsAfter(@Param("q") MethodQuery query, @Param("afterId") long afterId,
                                   @Param("limit") int limit);

    /** Sets origin, original text and creation time as an import found them. 0 rows when the version is stale. */
    int updateImportedFields(@Param("id") long id, @Param("originDepartmentId") long originDepartmentId,
                             @Param("originBranchId") long originBranchId,
                             @Param("rawPractice") @Nullable String rawPractice, @Param("createdAt") Instant createdAt,
                             @Param("updatedAt") Instant updatedAt, @Param("version") int version);
}
