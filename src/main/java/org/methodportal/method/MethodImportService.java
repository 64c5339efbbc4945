package org.methodportal.method;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Branch;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.ImportOutcome.Kind;
import org.methodportal.method.MethodRevisionEvent.MethodCreated;
import org.methodportal.method.MethodRevisionEvent.MethodRevised;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.ImportStateRow;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.method.persistence.NewPublication;
import org.methodportal.method.persistence.NewRevision;
import org.methodportal.method.persistence.RevisionItemRow;
import org.methodportal.method.persistence.RevisionTagRow;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.MethodEvent;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports methods one at a time, each in its own transaction, so that an import that stops half
 * way leaves only whole methods behind. An entry is matched to an earlier import by its
 * source id ({@code externalId}); importing the same entry again changes nothing, a changed one
 * gets a new revision. Imported methods belong to the administrator who imports them: the source
 * names no portal account, and the importer answers for the content.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class MethodImportService {

    static final int EXTERNAL_ID_MAX = 100;
    static final int ORIGIN_NAME_MAX = 100;
    /** Rows per insert statement: 200 revisions bind 3,000 parameters, far below either database's limit. */
    private static final int CHUNK = 200;

    private static final Logger log = LoggerFactory.getLogger(MethodImportService.class);

    private final MethodMapper methods;
    private final MethodRecords records;
    private final MethodDocumentService documents;
    private final OrganisationService organisation;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MethodImportService(MethodMapper methods, MethodRecords records, MethodDocumentService documents,
                        OrganisationService organisation, CurrentUser currentUser, ApplicationEventPublisher events,
                        Clock clock) {
        this.methods = methods;
        this.records = records;
        this.documents = documents;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates or updates the method of one import entry with {@code status} PUBLISHED (the imported
     * revision becomes the published one) or DRAFT. Unknown departments and branches are created.
     * The content is validated as the editor validates it; a failure is a {@link PortalException}
     * and leaves nothing behind.
     */
    @Transactional
    public ImportOutcome importMethod(ImportedMethod entry, MethodStatus status, @Nullable String changeNote) {
        PortalUser admin = currentUser.require();
        checkStatus(status);
        String note = optional("changeNote", changeNote, MethodService.CHANGE_NOTE_MAX);
        Incoming incoming = incoming(entry, status, note, n -> organisation.findOrCreateBranch(n.department(), n.branch()));
        return methods.findIdByExternalId(incoming.externalId())
                .map(id -> update(id, incoming, admin))
                .orElseGet(() -> create(incoming, admin));
    }

    /**
     * Imports a batch of entries in one transaction, as {@link #importMethod} would one by one: the
     * new methods in a few statements for the whole batch, entries of methods that exist (or that
     * repeat a source id of the batch) one by one after them. An entry that fails validation is
     * reported in its place and skipped; any other failure rolls the whole batch back, and the caller
     * can then import its entries one at a time. {@code knownBranches} are origins resolved by earlier
     * batches of the same import; those this batch resolved are returned, to be known once it commits.
     */
    @Transactional
    public ImportBatchResult importBatch(List<ImportedMethod> entries, MethodStatus status,
                                         @Nullable String changeNote, Map<OriginName, Branch> knownBranches) {
        PortalUser admin = currentUser.require();
        checkStatus(status);
        String note = optional("changeNote", changeNote, MethodService.CHANGE_NOTE_MAX);
        Map<OriginName, Branch> resolved = new HashMap<>();
        Function<OriginName, Branch> branchOf = name -> Objects.requireNonNullElseGet(knownBranches.get(name),
                () -> resolved.computeIfAbsent(name, n -> organisation.findOrCreateBranch(n.department(), n.branch())));
        var results = new ImportBatchResult.Entry[entries.size()];
        var incoming = new Incoming[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            try {
                incoming[i] = incoming(entries.get(i), status, note, branchOf);
            } catch (PortalException e) {
                results[i] = ImportBatchResult.Entry.failed(e);
            }
        }
        Set<String> sourceIds = new HashSet<>();
        for (Incoming in : incoming) {
            if (in != null) {
                sourceIds.add(in.externalId());
            }
        }
        Map<String, ImportStateRow> existing = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(sourceIds))) {
            methods.findImportStates(chunk).forEach(row -> existing.put(row.externalId(), row));
        }
        // New source ids, first occurrence: inserted together. Known ones, first occurrence: skipped
        // together when nothing changed. Everything else after them, one by one in file order.
        List<Integer> fresh = new ArrayList<>();
        List<Integer> known = new ArrayList<>();
        List<Integer> oneByOne = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < incoming.length; i++) {
            if (incoming[i] != null) {
                String id = incoming[i].externalId();
                (!seen.add(id) ? oneByOne : existing.containsKey(id) ? known : fresh).add(i);
            }
        }
        Map<String, Long> created = createAll(fresh.stream().map(i -> incoming[i]).toList(), admin);
        for (int i : fresh) {
            results[i] = ImportBatchResult.Entry.of(new ImportOutcome(Kind.CREATED, created.get(incoming[i].externalId())));
        }
        Set<Long> unchanged = unchanged(known.stream().map(i -> incoming[i]).toList(), existing);
        for (int i : known) {
            long id = existing.get(incoming[i].externalId()).id();
            if (unchanged.contains(id)) {
                results[i] = ImportBatchResult.Entry.of(new ImportOutcome(Kind.UNCHANGED, id));
            } else {
                oneByOne.add(i);
            }
        }
        oneByOne.sort(null);
        for (int i : oneByOne) {
            Incoming in = incoming[i];
            results[i] = ImportBatchResult.Entry.of(methods.findIdByExternalId(in.externalId())
                    .map(id -> update(id, in, admin))
                    .orElseGet(() -> create(in, admin)));
        }
        return new ImportBatchResult(Arrays.asList(results), resolved);
    }

    /**
     * The ids of the methods whose entry would change nothing (as {@link #update} would find), read
     * for the whole batch at once: a second run of a file skips what the first stored without a
     * query per entry. Methods whose latest revision is not the shown one are left to {@link #update}.
     */
    private Set<Long> unchanged(List<Incoming> known, Map<String, ImportStateRow> states) {
        List<Long> comparable = known.stream().map(in -> states.get(in.externalId()))
                .filter(ImportStateRow::latestShown).map(ImportStateRow::id).toList();
        Map<Long, MethodContent> shown = new HashMap<>();
        for (List<Long> chunk : chunks(comparable)) {
            documents.documents(chunk).forEach(d -> shown.put(d.id(), d.content()));
        }
        Set<Long> unchanged = new HashSet<>();
        for (Incoming in : known) {
            ImportStateRow state = states.get(in.externalId());
            boolean publish = in.status() == MethodStatus.PUBLISHED
                    && !(state.status() == MethodStatus.PUBLISHED && state.latestPublished());
            if (in.content().equals(shown.get(state.id())) && !publish && state.originBranchId() == in.branch().id()
                    && Objects.equals(state.rawPractice(), in.rawPractice())
                    && state.createdAt().equals(Objects.requireNonNullElse(in.createdAt(), state.createdAt()))) {
                unchanged.add(state.id());
            }
        }
        return unchanged;
    }

    /** Inserts new methods with their first revision in a few statements per chunk; returns their ids by source id. */
    private Map<String, Long> createAll(List<Incoming> fresh, PortalUser admin) {
        Map<String, Long> ids = new HashMap<>();
        if (fresh.isEmpty()) {
            return ids;
        }
        Instant now = clock.instant();
        List<MethodEvent> published = new ArrayList<>(fresh.size() * 2);
        for (List<Incoming> chunk : chunks(fresh)) {
            methods.insertAll(chunk.stream().map(in -> new NewMethod(in.externalId(), in.content().category(),
                    in.branch().departmentId(), in.branch().id(), admin.id(), in.status(), in.rawPractice(),
                    Objects.requireNonNullElse(in.createdAt(), now))).toList());
            Map<String, Long> chunkIds = new HashMap<>();
            methods.findIdsByExternalIds(chunk.stream().map(Incoming::externalId).toList())
                    .forEach(row -> chunkIds.put(row.externalId(), row.id()));
            ids.putAll(chunkIds);
            methods.insertRevisions(chunk.stream().map(in -> {
                MethodContent c = in.content();
                return new NewRevision(chunkIds.get(in.externalId()), 1, null, c.title(), c.summary(), c.category(),
                        c.problem(), c.concept(), c.outcomes(), c.applicability(), c.body(), admin.id(), now,
                        in.note(), in.status());
            }).toList());
            Map<Long, Long> revisionIds = new HashMap<>();
            methods.findFirstRevisionIds(chunkIds.values())
                    .forEach(row -> revisionIds.put(row.methodId(), row.revisionId()));
            List<RevisionItemRow> items = new ArrayList<>();
            List<RevisionTagRow> tags = new ArrayList<>();
            List<NewPublication> publications = new ArrayList<>();
            for (Incoming in : chunk) {
                long methodId = chunkIds.get(in.externalId());
                long revisionId = revisionIds.get(methodId);
                MethodRecords.addLists(revisionId, in.content(), items, tags);
                if (in.status() == MethodStatus.PUBLISHED) {
                    publications.add(new NewPublication(methodId, revisionId, now, admin.id(), methodId, 0));
                }
                published.add(new MethodCreated(methodId, in.content().title(), admin.id(), admin.id(), true));
                published.add(new MethodImported(methodId, in.externalId(), true, in.status()));
            }
            if (!items.isEmpty()) {
                methods.insertItems(items);
            }
            if (!tags.isEmpty()) {
                methods.insertTags(tags);
            }
            if (methods.updateImportedRevisions(chunkIds.values(), now) != chunk.size()) {
                throw new IllegalStateException("imported methods changed while their batch was written");
            }
            if (!publications.isEmpty()) {
                methods.insertPublications(publications);
            }
        }
        events.publishEvent(new MethodsImported(published));
        return ids;
    }

    private ImportOutcome create(Incoming in, PortalUser admin) {
        Instant now = clock.instant();
        var key = new GeneratedKey();
        methods.insert(new NewMethod(in.externalId(), in.content().category(), in.branch().departmentId(),
                in.branch().id(), admin.id(), in.status(), in.rawPractice(),
                Objects.requireNonNullElse(in.createdAt(), now)), key);
        long id = key.getId();
        long revisionId = records.insertRevision(id, 1, null, in.content(), admin.id(), now, in.note(), in.status());
        checkWritten(methods.updateLatestRevision(id, revisionId, in.content().category(), now, 0), in);
        if (in.status() == MethodStatus.PUBLISHED) {
            checkWritten(methods.updatePublishedRevision(id, revisionId, now, 1), in);
            methods.insertPublication(id, revisionId, now, admin.id(), id, 0);
        }
        events.publishEvent(new MethodCreated(id, in.content().title(), admin.id(), admin.id(), true));
        events.publishEvent(new MethodImported(id, in.externalId(), true, in.status()));
        log.debug("method {} imported from {} by {}", id, in.externalId(), admin.login());
        return new ImportOutcome(Kind.CREATED, id);
    }

    private ImportOutcome update(long id, Incoming in, PortalUser admin) {
        // Imports and saves of one method queue here, so the comparison below stays true until commit.
        int version = methods.lockVersion(id).orElseThrow();
        MethodRow method = methods.findById(id).orElseThrow();
        Revision latest = records.toRevision(methods.findRevision(id, method.latestRevisionNumber()).orElseThrow());
        Instant createdAt = Objects.requireNonNullElse(in.createdAt(), method.createdAt());
        boolean contentChanged = !latest.content().equals(in.content());
        boolean rowChanged = method.originBranchId() != in.branch().id()
                || !Objects.equals(method.rawPractice(), in.rawPractice()) || !method.createdAt().equals(createdAt);
        boolean publish = in.status() == MethodStatus.PUBLISHED && (contentChanged
                || method.status() != MethodStatus.PUBLISHED
                || !Objects.equals(method.publishedRevisionId(), method.latestRevisionId()));
        if (!contentChanged && !rowChanged && !publish) {
            return new ImportOutcome(Kind.UNCHANGED, id);
        }
        // Imports bring drafts and published entries up to date; proposals in review belong to the
        // workflow, and a draft revision on a published entry would bypass it.
        if (!MethodStatus.EDITABLE.contains(method.status()) && method.status() != MethodStatus.PUBLISHED) {
            throw PortalException.conflict("import.not-importable", in.externalId(), method.status().name());
        }
        if (method.status() == MethodStatus.PUBLISHED && in.status() == MethodStatus.DRAFT && contentChanged) {
            throw PortalException.conflict("import.published-as-draft", in.externalId());
        }
        Instant now = clock.instant();
        if (rowChanged) {
            checkWritten(methods.updateImportedFields(id, in.branch().departmentId(), in.branch().id(),
                    in.rawPractice(), createdAt, now, version++), in);
        }
        long latestId = method.latestRevisionId();
        if (contentChanged) {
            int number = method.latestRevisionNumber() + 1;
            MethodStatus statusAtCreation = in.status() == MethodStatus.PUBLISHED ? MethodStatus.PUBLISHED
                    : method.status();
            latestId = records.insertRevision(id, number, method.latestRevisionId(), in.content(), admin.id(), now,
                    in.note(), statusAtCreation);
            checkWritten(methods.updateLatestRevision(id, latestId, in.content().category(), now, version++), in);
            events.publishEvent(new MethodRevised(id, number, in.content().title()));
        }
        if (publish) {
            checkWritten(methods.updatePublishedRevision(id, latestId, now, version), in);
            // Round 0: published by an import, not by a review (no scores for this version).
            methods.insertPublication(id, latestId, now, admin.id(), id, 0);
        }
        MethodStatus status = publish ? MethodStatus.PUBLISHED : method.status();
        events.publishEvent(new MethodImported(id, in.externalId(), false, status));
        log.debug("method {} updated from import of {} by {}", id, in.externalId(), admin.login());
        return new ImportOutcome(Kind.UPDATED, id);
    }

    /** Checks an entry as the editor would and resolves its origin; a failure is a {@link PortalException}. */
    private static Incoming incoming(ImportedMethod entry, MethodStatus status, @Nullable String note,
                                     Function<OriginName, Branch> branches) {
        String externalId = required("id", entry.externalId(), EXTERNAL_ID_MAX);
        String departmentName = required("department", entry.departmentName(), ORIGIN_NAME_MAX);
        String branchName = required("branch", entry.branchName(), ORIGIN_NAME_MAX);
        String rawPractice = optional("raw_practice", entry.rawPractice(), MethodService.TEXT_MAX);
        MethodContent content = MethodService.validate(entry.content());
        Branch branch = branches.apply(new OriginName(departmentName, branchName));
        return new Incoming(externalId, content, branch, rawPractice, entry.createdAt(), note, status);
    }

    private static void checkStatus(MethodStatus status) {
        if (status != MethodStatus.PUBLISHED && status != MethodStatus.DRAFT) {
            throw PortalException.invalid("import.status-invalid", status.name());
        }
    }

    /** Pieces of at most {@link #CHUNK} elements, so that no statement comes near the databases' parameter limits. */
    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** The row is locked by this transaction, so a stale version means a writer bypassed the lock. */
    private static void checkWritten(int rows, Incoming in) {
        if (rows == 0) {
            throw PortalException.conflict("import.concurrent-change", in.externalId());
        }
    }

    private static String required(String field, @Nullable String value, int max) {
        String trimmed = optional(field, value, max);
        if (trimmed == null) {
            throw PortalException.invalid("import.field-required", field);
        }
        return trimmed;
    }

    private static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw PortalException.invalid("import.field-too-long", field, max);
        }
        return trimmed;
    }

    /** An entry after validation, with its origin resolved. */
    private record Incoming(String externalId, MethodContent content, Branch branch, @Nullable String rawPractice,
                            @Nullable Instant createdAt, @Nullable String note, MethodStatus status) {
    }
}
