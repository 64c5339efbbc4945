package org.methodportal.method;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Branch;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.ImportOutcome.Kind;
import org.methodportal.method.MethodRevisionEvent.MethodCreated;
import org.methodportal.method.MethodRevisionEvent.MethodRevised;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.shared.CurrentUser;
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

    private static final Logger log = LoggerFactory.getLogger(MethodImportService.class);

    private final MethodMapper methods;
    private final MethodRecords records;
    private final OrganisationService organisation;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MethodImportService(MethodMapper methods, MethodRecords records, OrganisationService organisation,
                        CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.methods = methods;
        this.records = records;
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
        if (status != MethodStatus.PUBLISHED && status != MethodStatus.DRAFT) {
            throw PortalException.invalid("import.status-invalid", status.name());
        }
        String externalId = required("id", entry.externalId(), EXTERNAL_ID_MAX);
        String departmentName = required("department", entry.departmentName(), ORIGIN_NAME_MAX);
        String branchName = required("branch", entry.branchName(), ORIGIN_NAME_MAX);
        String rawPractice = optional("raw_practice", entry.rawPractice(), MethodService.TEXT_MAX);
        MethodContent content = MethodService.validate(entry.content());
        String note = optional("changeNote", changeNote, MethodService.CHANGE_NOTE_MAX);
        Branch branch = organisation.findOrCreateBranch(departmentName, branchName);
        var incoming = new Incoming(externalId, content, branch, rawPractice, entry.createdAt(), note, status);
        return methods.findIdByExternalId(externalId)
                .map(id -> update(id, incoming, admin))
                .orElseGet(() -> create(incoming, admin));
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
        log.info("method {} imported from {} by {}", id, in.externalId(), admin.login());
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
        log.info("method {} updated from import of {} by {}", id, in.externalId(), admin.login());
        return new ImportOutcome(Kind.UPDATED, id);
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
