package org.methodportal.method.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.diff.FieldDiff;
import org.methodportal.method.diff.ItemDiff;
import org.methodportal.method.MergeSource;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Provenance;
import org.methodportal.method.Revision;
import org.methodportal.method.diff.RevisionDiff;
import org.methodportal.method.RevisionSummary;
import org.methodportal.method.diff.Segment;
import org.methodportal.shared.PortalException;
import org.springframework.modulith.NamedInterface;

/**
 * The JSON shapes of the method API. Field names follow the corpus format (design §5): category as
 * its Chinese name, department and branch as names (with their ids beside them).
 */
@NamedInterface("method-json")
public final class MethodJson {

    private MethodJson() {
    }

    /** A method with the revision shown to the caller. */
    @NamedInterface("method-json")
    public record MethodResponse(long id, @Nullable String externalId, MethodStatus status, int revision,
                          int latestRevision, @Nullable Integer publishedRevision, String title,
                          @Nullable String summary, String category, String department, long departmentId,
                          String branch, long branchId, String owner, long ownerId, String problem,
                          @Nullable String concept, List<String> measures, List<String> steps,
                          @Nullable String outcomes, @Nullable String applicability, List<String> tags,
                          @Nullable String body, @Nullable String changeNote, String author, Instant revisedAt,
                          @Nullable String rawPractice, Instant createdAt, Instant updatedAt,
                          @Nullable Long changeOf, @Nullable Integer basePublishedRevision,
                          @Nullable Integer submittedRevision, int reviewRound, @Nullable Instant submittedAt,
                          List<SourceItem> sources, @Nullable MergedIntoItem mergedInto, boolean baseOutdated) {

        public static MethodResponse of(MethodDetail m) {
            return of(m, Provenance.none());
        }

        /** With provenance: the sources merged into the method, or the entry it was merged into. */
        public static MethodResponse of(MethodDetail m, Provenance provenance) {
            Revision r = m.revision();
            MethodContent c = r.content();
            return new MethodResponse(m.id(), m.externalId(), m.status(), r.number(), m.latestRevision(),
                    m.publishedRevision(), c.title(), c.summary(), c.category().chineseName(), m.departmentName(),
                    m.originDepartmentId(), m.branchName(), m.originBranchId(), m.ownerName(), m.ownerId(),
                    c.problem(), c.concept(), c.measures(), c.steps(), c.outcomes(), c.applicability(), c.tags(),
                    c.body(), r.changeNote(), r.authorName(), r.createdAt(), m.rawPractice(), m.createdAt(),
                    m.updatedAt(), m.changeOfMethodId(), m.basePublishedRevision(), m.submittedRevision(),
                    m.reviewRound(), m.submittedAt(), provenance.sources().stream().map(SourceItem::of).toList(),
                    provenance.mergedInto() == null ? null
                            : new MergedIntoItem(provenance.mergedInto().id(), provenance.mergedInto().title()),
                    m.baseOutdated());
        }
    }

    /** A source of a merge: {@code previousStatus} is what an unmerge restores; {@code mergedAt} null while the merge is open. */
    public record SourceItem(long id, String title, MethodStatus status, MethodStatus previousStatus, int revision,
                      long mergeId, @Nullable Instant mergedAt) {

        public static SourceItem of(MergeSource s) {
            return new SourceItem(s.id(), s.title(), s.status(), s.previousStatus(), s.revision(), s.mergeId(),
                    s.mergedAt());
        }
    }

    /** The standard entry a merged-away method went into. */
    public record MergedIntoItem(long id, String title) {
    }

    /** One line of the method list. */
    @NamedInterface("method-json")
    public record MethodListItem(long id, @Nullable String externalId, String title, @Nullable String summary,
                          String category, String department, long departmentId, String branch, long branchId,
                          MethodStatus status, String owner, long ownerId, int latestRevision,
                          @Nullable Integer publishedRevision, Instant createdAt, Instant updatedAt,
                          @Nullable Long changeOf, int adoptingBranches) {

        public static MethodListItem of(MethodSummary s) {
            return new MethodListItem(s.id(), s.externalId(), s.title(), s.summary(), s.category().chineseName(),
                    s.departmentName(), s.originDepartmentId(), s.branchName(), s.originBranchId(), s.status(),
                    s.ownerName(), s.ownerId(), s.latestRevision(), s.publishedRevision(), s.createdAt(),
                    s.updatedAt(), s.changeOfMethodId(), s.adoptingBranches());
        }
    }

    /** One revision with all its fields. */
    @NamedInterface("method-json")
    public record RevisionResponse(long methodId, int revision, @Nullable Integer baseRevision, String title,
                            @Nullable String summary, String category, String problem, @Nullable String concept,
                            List<String> measures, List<String> steps, @Nullable String outcomes,
                            @Nullable String applicability, List<String> tags, @Nullable String body,
                            @Nullable String changeNote, String author, long authorId, Instant createdAt,
                            MethodStatus statusAtCreation) {

        public static RevisionResponse of(Revision r) {
            MethodContent c = r.content();
            return new RevisionResponse(r.methodId(), r.number(), r.baseNumber(), c.title(), c.summary(),
                    c.category().chineseName(), c.problem(), c.concept(), c.measures(), c.steps(), c.outcomes(),
                    c.applicability(), c.tags(), c.body(), r.changeNote(), r.authorName(), r.authorId(),
                    r.createdAt(), r.statusAtCreation());
        }
    }

    /** One line of a method's history. */
    public record RevisionListItem(int revision, @Nullable Integer baseRevision, String title, String author, long authorId,
                            Instant createdAt, @Nullable String changeNote, MethodStatus statusAtCreation) {

        public static RevisionListItem of(RevisionSummary r) {
            return new RevisionListItem(r.number(), r.baseNumber(), r.title(), r.authorName(), r.authorId(),
                    r.createdAt(), r.changeNote(), r.statusAtCreation());
        }
    }

    /**
     * A proposal's fields as a client sends them. The service validates (so the problem codes are the
     * UI's); {@code baseRevision} is the revision a save is based on, unless sent as {@code If-Match}.
     */
    @NamedInterface("method-json")
    public record ProposalRequest(@Nullable String title, @Nullable String summary, @Nullable String category,
                           @Nullable Long departmentId, @Nullable Long branchId, @Nullable String problem,
                           @Nullable String concept, @Nullable List<String> measures, @Nullable List<String> steps,
                           @Nullable String outcomes, @Nullable String applicability, @Nullable List<String> tags,
                           @Nullable String body, @Nullable String changeNote, @Nullable Integer baseRevision) {

        @SuppressWarnings("DataFlowIssue") // null title, category and problem are reported by the service
        public MethodContent toContent() {
            return new MethodContent(title, summary, MethodJson.category(category), problem, concept, orEmpty(measures),
                    orEmpty(steps), outcomes, applicability, orEmpty(tags), body);
        }

        private static List<String> orEmpty(@Nullable List<String> list) {
            return list == null ? List.of() : list.stream().filter(s -> s != null).toList();
        }
    }

    /** The category named in Chinese (as in the corpus) or by its enum name; null when not given. */
    static @Nullable Category category(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Category.fromName(name)
                .orElseThrow(() -> PortalException.invalid("method.category-unknown", name));
    }

    /** The differences between two revisions; {@code changed} tells whether any field differs. */
    public record DiffResponse(long methodId, int from, int to, boolean changed, List<FieldDiffItem> fields) {

        public static DiffResponse of(long methodId, int from, int to, RevisionDiff diff) {
            return new DiffResponse(methodId, from, to, diff.changed(),
                    diff.fields().stream().map(FieldDiffItem::of).toList());
        }
    }

    /**
     * One field of a diff: {@code field} is the field key (e.g. {@code problem}); text fields carry
     * {@code segments}, list fields (measures, steps, tags) {@code items}, the other one is null.
     */
    public record FieldDiffItem(String field, boolean changed, @Nullable List<Segment> segments,
                         @Nullable List<ItemDiff> items) {

        public static FieldDiffItem of(FieldDiff diff) {
            String key = diff.field().name().toLowerCase(Locale.ROOT);
            return switch (diff) {
                case FieldDiff.Text text -> new FieldDiffItem(key, text.changed(), text.segments(), null);
                case FieldDiff.Items items -> new FieldDiffItem(key, items.changed(), null, items.items());
            };
        }
    }

    /** The revision a client acts on, when not sent as {@code If-Match}. */
    @NamedInterface("method-json")
    public record RevisionRequest(@Nullable Integer revision) {
    }
}
