package org.methodportal.audit;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.audit.persistence.AuditEventMapper;
import org.methodportal.audit.persistence.AuditQuery;
import org.methodportal.audit.persistence.NewAuditRow;
import org.methodportal.shared.AuditableEvent;
import org.methodportal.shared.MethodEventBatch;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records auditable events and lets administrators read the trail. Rows are never changed. */
@Service
@Transactional(readOnly = true)
public class AuditService {

    private static final int MAX_DETAIL = 1000;
    /** Rows per statement of a batch: far below the parameter limits of both databases. */
    private static final int INSERT_CHUNK = 500;

    private final AuditEventMapper auditEvents;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditService(AuditEventMapper auditEvents, CurrentUser currentUser, Clock clock) {
        this.auditEvents = auditEvents;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Writes the audit row inside the publisher's transaction, so that a change and its audit row
     * commit (or roll back) together.
     */
    @EventListener
    @Transactional
    public void record(AuditableEvent event) {
        NewAuditRow r = row(event, currentUser.find().map(PortalUser::login).orElse(null), currentRequestAddress());
        auditEvents.insert(r.occurredAt(), r.actor(), r.action(), r.objectType(), r.objectId(), r.detail(),
                r.clientAddress());
    }

    /** A row for each event of the batch, in one statement, inside the publisher's transaction. */
    @EventListener
    @Transactional
    public void record(MethodEventBatch batch) {
        String user = currentUser.find().map(PortalUser::login).orElse(null);
        String requestAddress = currentRequestAddress();
        List<NewAuditRow> rows = batch.events().stream().map(e -> row(e, user, requestAddress)).toList();
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            auditEvents.insertAll(rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK)));
        }
    }

    private NewAuditRow row(AuditableEvent event, @Nullable String user, @Nullable String requestAddress) {
        String actor = event.actor() != null ? event.actor() : user;
        String address = event.clientAddress() != null ? event.clientAddress() : requestAddress;
        return new NewAuditRow(clock.instant(), truncate(actor, 64), event.action(), event.objectType(),
                truncate(event.objectId(), 64), truncate(event.detail(), MAX_DETAIL), truncate(address, 64));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEntry> find(AuditFilter filter, PageRequest page) {
        return auditEvents.findPage(query(filter), page.ascending(), page.offset(), page.limit());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count(AuditFilter filter) {
        return auditEvents.count(query(filter));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PageResult<AuditEntry> page(AuditFilter filter, PageRequest page) {
        return new PageResult<>(find(filter, page), count(filter), page.page(), page.limit());
    }

    private static AuditQuery query(AuditFilter filter) {
        String action = filter.action() == null || filter.action().isBlank() ? null : filter.action().strip() + "%";
        return new AuditQuery(LikePattern.contains(filter.actor()), action, blankToNull(filter.objectId()),
                filter.from(), filter.to());
    }

    private static @Nullable String currentRequestAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
