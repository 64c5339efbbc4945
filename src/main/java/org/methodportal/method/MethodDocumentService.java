package org.methodportal.method;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.methodportal.method.persistence.MethodDocumentMapper;
import org.methodportal.method.persistence.MethodDocumentRow;
import org.methodportal.method.persistence.RevisionItemRow;
import org.methodportal.method.persistence.RevisionItemRow.ItemKind;
import org.methodportal.method.persistence.RevisionTagRow;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Methods whole, for deriving the search index from the database (the source of truth). Reads
 * past every visibility rule, so only administrators and the system user call it; the index
 * stores the visibility facts and applies the rules itself.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class MethodDocumentService {

    private final MethodDocumentMapper documents;

    MethodDocumentService(MethodDocumentMapper documents) {
        this.documents = documents;
    }

    /** The methods with these ids that exist; ids of missing (deleted) methods are simply absent. */
    public List<MethodDocument> documents(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : assemble(documents.findByIds(List.copyOf(ids)));
    }

    /** Up to {@code limit} methods with an id above {@code afterId}, in id order, for paging through all. */
    public List<MethodDocument> documentsAfter(long afterId, int limit) {
        return assemble(documents.findAfter(afterId, limit));
    }

    /** Ids of the methods {@link #documentsAfter} pages through that changed at or after {@code since}. */
    public List<Long> idsChangedSince(java.time.Instant since) {
        return documents.findIdsUpdatedSince(since);
    }

    /** How many methods {@link #documentsAfter} pages through. */
    public long countDocuments() {
        return documents.countAll();
    }

    /** How many methods {@link #documentsAfter} pages through after {@code afterId}. */
    public long countDocumentsAfter(long afterId) {
        return documents.countAfter(afterId);
    }

    private List<MethodDocument> assemble(List<MethodDocumentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> revisionIds = rows.stream().map(MethodDocumentRow::revisionId).toList();
        Map<Long, List<String>> measures = new HashMap<>();
        Map<Long, List<String>> steps = new HashMap<>();
        for (RevisionItemRow item : documents.findItems(revisionIds)) {
            (item.kind() == ItemKind.MEASURE ? measures : steps)
                    .computeIfAbsent(item.revisionId(), k -> new ArrayList<>()).add(item.itemText());
        }
        Map<Long, List<String>> tags = new HashMap<>();
        for (RevisionTagRow tag : documents.findTags(revisionIds)) {
            tags.computeIfAbsent(tag.revisionId(), k -> new ArrayList<>()).add(tag.tag());
        }
        return rows.stream().map(r -> new MethodDocument(r.id(), r.externalId(), r.status(), r.originDepartmentId(),
                r.departmentName(), r.branchName(), r.ownerId(), r.createdAt(), r.updatedAt(), r.rawPractice(),
                new MethodContent(r.title(), r.summary(), r.category(), r.problem(), r.concept(),
                        measures.getOrDefault(r.revisionId(), List.of()), steps.getOrDefault(r.revisionId(), List.of()),
                        r.outcomes(), r.applicability(), tags.getOrDefault(r.revisionId(), List.of()), r.body()),
                r.adoptingBranches()))
                .toList();
    }
}
