package org.methodportal.method;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.MethodRow;
import org.methodportal.method.persistence.NewRevision;
import org.methodportal.method.persistence.RevisionItemRow;
import org.methodportal.method.persistence.RevisionItemRow.ItemKind;
import org.methodportal.method.persistence.RevisionRow;
import org.methodportal.method.persistence.RevisionTagRow;
import org.methodportal.shared.PortalException;
import org.springframework.stereotype.Component;

/**
 * Reading and writing a method's rows as the module's records, shared by the services of this
 * package (no access rules here: callers check them first).
 */
@Component
class MethodRecords {

    private final MethodMapper methods;

    MethodRecords(MethodMapper methods) {
        this.methods = methods;
    }

    MethodRow load(long methodId) {
        return methods.findById(methodId).orElseThrow(() -> notFound(methodId));
    }

    static PortalException notFound(long methodId) {
        return PortalException.notFound("method.not-found", methodId);
    }

    Revision revision(long methodId, int number) {
        return toRevision(methods.findRevision(methodId, number)
                .orElseThrow(() -> PortalException.notFound("method.revision-not-found", methodId, number)));
    }

    Revision revisionById(long revisionId) {
        return toRevision(methods.findRevisionById(revisionId).orElseThrow());
    }

    MethodView view(MethodRow method, int shown) {
        Revision revision = revision(method.id(), shown);
        return new MethodView(method.id(), method.externalId(), method.status(), method.originDepartmentId(),
                method.departmentName(), method.originBranchId(), method.branchName(), method.ownerId(),
                method.ownerName(), method.rawPractice(), method.createdAt(), method.updatedAt(),
                method.latestRevisionNumber(), method.publishedRevisionNumber(), revision, method.changeOfMethodId(),
                method.changeOfTitle(), method.basePublishedRevisionNumber(), method.submittedRevisionNumber(),
                method.reviewRound(), method.submittedAt(), method.targetPublishedRevisionNumber(),
                method.baseOutdated());
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
    long insertRevision(long methodId, int number, @Nullable Long baseRevisionId, MethodContent c, long authorId,
                        Instant now, @Nullable String note, MethodStatus status) {
        var key = new GeneratedKey();
        methods.insertRevision(new NewRevision(methodId, number, baseRevisionId, c.title(), c.summary(), c.category(),
                c.problem(), c.concept(), c.outcomes(), c.applicability(), c.body(), authorId, now, note, status), key);
        long revisionId = key.getId();
        List<RevisionItemRow> items = new ArrayList<>();
        for (int i = 0; i < c.measures().size(); i++) {
            items.add(new RevisionItemRow(revisionId, ItemKind.MEASURE, i, c.measures().get(i)));
        }
        for (int i = 0; i < c.steps().size(); i++) {
            items.add(new RevisionItemRow(revisionId, ItemKind.STEP, i, c.steps().get(i)));
        }
        if (!items.isEmpty()) {
            methods.insertItems(items);
        }
        List<RevisionTagRow> tags = new ArrayList<>();
        for (int i = 0; i < c.tags().size(); i++) {
            tags.add(new RevisionTagRow(revisionId, i, c.tags().get(i)));
        }
        if (!tags.isEmpty()) {
            methods.insertTags(tags);
        }
        return revisionId;
    }
}
