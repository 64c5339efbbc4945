package org.methodportal.method;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.method.persistence.NewRevision;
import org.methodportal.method.persistence.RevisionItemRow;
import org.methodportal.method.persistence.RevisionItemRow.ItemKind;
import org.methodportal.method.persistence.RevisionRow;
import org.methodportal.method.persistence.RevisionTagRow;
import org.methodportal.shared.PortalException;
import org.springframework.stereotype.Component;

/**
 * Reading and writing a method's rows as the module's records, shared by the services of this
 * package and by the proposal and merge modules, which own no table of methods (no access rules
 * here: callers check them first, in their own transaction).
 */
@Component
public class MethodRecords {

    private final MethodMapper methods;

    MethodRecords(MethodMapper methods) {
        this.methods = methods;
    }

    /** Locks the method row until the transaction ends and returns its version; empty for no such method. */
    public Optional<Integer> lockVersion(long methodId) {
        return methods.lockVersion(methodId);
    }

    /** Sets the status when the version still matches; 0 rows when it is stale. */
    public int updateStatus(long methodId, MethodStatus status, Instant now, int version) {
        return methods.updateStatus(methodId, status, now, version);
    }

    /**
     * Inserts a proposal in status DRAFT owned by {@code ownerId} with the origin of {@code origin}
     * and {@code content} (validated by the caller) as its first revision; a change request of
     * {@code target} based on its published revision when {@code target} is given. Returns its id.
     */
    public long insertProposal(MethodRow origin, @Nullable MethodRow target, MethodContent content, long ownerId,
                               Instant now, @Nullable String changeNote) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, content.category(), origin.originDepartmentId(), origin.originBranchId(),
                ownerId, MethodStatus.DRAFT, null, now, target == null ? null : target.id(),
                target == null ? null : target.publishedRevisionId()), key);
        long id = key.getId();
        long revisionId = insertRevision(id, 1, null, content, ownerId, now, changeNote, MethodStatus.DRAFT);
        methods.updateLatestRevision(id, revisionId, content.category(), now, 0);
        return id;
    }

    /** Submits the latest revision for review (status IN_REVIEW, next round); 0 rows when the version is stale. */
    public int updateSubmitted(long methodId, Instant submittedAt, int version) {
        return methods.updateSubmitted(methodId, submittedAt, version);
    }

    /** Publishes a revision (status, published and latest pointers); callers also record the publication. */
    public int updatePublishedRevision(long methodId, long revisionId, Instant now, int version) {
        return methods.updatePublishedRevision(methodId, revisionId, now, version);
    }

    /** Points a change request at its rebased revision and its new base; 0 rows when the version is stale. */
    public int updateRebased(long methodId, long revisionId, long basePublishedRevisionId, MethodStatus status,
                             Category category, Instant now, int version) {
        return methods.updateRebased(methodId, revisionId, basePublishedRevisionId, status, category, now, version);
    }

    /** Records which proposal and review round produced a published revision. */
    public void insertPublication(long methodId, long revisionId, Instant publishedAt, long publishedBy,
                                  long sourceMethodId, int sourceRound) {
        methods.insertPublication(methodId, revisionId, publishedAt, publishedBy, sourceMethodId, sourceRound);
    }

    public Optional<PublicationSource> findPublicationSource(long methodId, long revisionId) {
        return methods.findPublicationSource(methodId, revisionId);
    }

    /** Numbers of the revisions that were published at some time, ascending. */
    public List<Integer> findPublishedRevisionNumbers(long methodId) {
        return methods.findPublishedRevisionNumbers(methodId);
    }

    /** Change requests of a method, newest first; empty or null {@code statuses}: any status. No visibility filter. */
    public List<MethodSummary> findChangeRequests(long targetId, @Nullable List<MethodStatus> statuses) {
        return methods.findChangeRequests(targetId, statuses);
    }

    public MethodRow load(long methodId) {
        return methods.findById(methodId).orElseThrow(() -> notFound(methodId));
    }

    public static PortalException notFound(long methodId) {
        return PortalException.notFound("method.not-found", methodId);
    }

    public Revision revision(long methodId, int number) {
        return toRevision(methods.findRevision(methodId, number)
                .orElseThrow(() -> PortalException.notFound("method.revision-not-found", methodId, number)));
    }

    public Revision revisionById(long revisionId) {
        return toRevision(methods.findRevisionById(revisionId).orElseThrow());
    }

    public MethodDetail view(MethodRow method, int shown) {
        Revision revision = revision(method.id(), shown);
        return new MethodDetail(method.id(), method.externalId(), method.status(), method.originDepartmentId(),
                method.departmentName(), method.originBranchId(), method.branchName(), method.ownerId(),
                method.ownerName(), method.rawPractice(), method.createdAt(), method.updatedAt(),
                method.latestRevisionNumber(), method.publishedRevisionNumber(), revision, method.changeOfMethodId(),
                method.changeOfTitle(), method.basePublishedRevisionNumber(), method.submittedRevisionNumber(),
                method.reviewRound(), method.submittedAt(), method.targetPublishedRevisionNumber(),
                method.baseOutdated(), method.adoptingBranches());
    }

    Revision toRevision(RevisionRow row) {
        List<String> measures = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (RevisionItemRow item : methods.findItems(row.id())) {
            (item.kind() == ItemKind.MEASURE ? measures : steps).add(item.itemText());
        }
        List<String> tags = methods.findTags(row.id()).stream().map(RevisionTagRow::tag).toList();
        var content = new MethodContent(row.title(), row.summary(), row.category(), row.problem(), row.concept(),
                measures, steps, row.outcomes(), row.applicability(), tags, row.body());
        return new Revision(row.methodId(), row.number(), row.baseNumber(), content, row.authorId(), row.authorName(),
                row.createdAt(), row.changeNote(), row.statusAtCreation());
    }

    /** Inserts an immutable revision with its lists; returns its id. */
    public long insertRevision(long methodId, int number, @Nullable Long baseRevisionId, MethodContent c, long authorId,
                        Instant now, @Nullable String note, MethodStatus status) {
        var key = new GeneratedKey();
        methods.insertRevision(new NewRevision(methodId, number, baseRevisionId, c.title(), c.summary(), c.category(),
                c.problem(), c.concept(), c.outcomes(), c.applicability(), c.body(), authorId, now, note, status), key);
        long revisionId = key.getId();
        List<RevisionItemRow> items = new ArrayList<>();
        List<RevisionTagRow> tags = new ArrayList<>();
        addLists(revisionId, c, items, tags);
        if (!items.isEmpty()) {
            methods.insertItems(items);
        }
        if (!tags.isEmpty()) {
            methods.insertTags(tags);
        }
        return revisionId;
    }

    /** Adds the rows of the measures, steps and tags of {@code c} as revision {@code revisionId}'s. */
    static void addLists(long revisionId, MethodContent c, List<RevisionItemRow> items, List<RevisionTagRow> tags) {
        for (int i = 0; i < c.measures().size(); i++) {
            items.add(new RevisionItemRow(revisionId, ItemKind.MEASURE, i, c.measures().get(i)));
        }
        for (int i = 0; i < c.steps().size(); i++) {
            items.add(new RevisionItemRow(revisionId, ItemKind.STEP, i, c.steps().get(i)));
        }
        for (int i = 0; i < c.tags().size(); i++) {
            tags.add(new RevisionTagRow(revisionId, i, c.tags().get(i)));
        }
    }
}
