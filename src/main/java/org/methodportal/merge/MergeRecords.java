package org.methodportal.merge;

import java.time.Instant;
import java.util.List;

import org.methodportal.merge.MergeEvent.SourceMerged;
import org.methodportal.merge.persistence.MergeMapper;
import org.methodportal.merge.persistence.MergeSourceRow;
import org.methodportal.method.MethodRecords;
import org.methodportal.method.MethodRow;
import org.methodportal.method.MethodStatus;
import org.methodportal.proposal.ApprovalStep;
import org.methodportal.shared.PortalException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applying an approved merge, shared by {@link ProposalService#approve} (which calls it in the
 * approval's transaction) and {@link MergeService}. No access rules here: callers check them.
 */
@Component
class MergeRecords implements ApprovalStep {

    private final MergeMapper merges;
    private final MethodRecords records;
    private final ApplicationEventPublisher events;

    MergeRecords(MergeMapper merges, MethodRecords records, ApplicationEventPublisher events) {
        this.merges = merges;
        this.records = records;
        this.events = events;
    }

    boolean isMerge(long methodId) {
        return !merges.findSources(methodId).isEmpty();
    }

    List<MergeSourceRow> sources(long mergeId) {
        return merges.findSources(mergeId);
    }

    /**
     * Marks every source of an approved merge proposal as merged into {@code standardId}, keeping
     * its status of this moment for an unmerge. Nothing happens for a proposal that is no merge.
     */
    @Override
    public void approved(long mergeId, long standardId, long actorId, Instant now) {
        for (MergeSourceRow source : merges.findSources(mergeId)) {
            long id = source.sourceMethodId();
            int version = records.lockVersion(id).orElseThrow(() -> MethodRecords.notFound(id));
            MethodRow row = records.load(id);
            if (row.status() == MethodStatus.MERGED_INTO || row.status() == MethodStatus.MERGED) {
                throw PortalException.conflict("merge.source-merged", id);
            }
            int shown = row.publishedRevisionNumber() != null ? row.publishedRevisionNumber()
                    : row.latestRevisionNumber();
            merges.markApplied(mergeId, id, row.status(), shown, now);
            if (records.updateStatus(id, MethodStatus.MERGED_INTO, now, version) == 0) {
                throw PortalException.stale("proposal.stale", id);
            }
            events.publishEvent(new SourceMerged(id, mergeId, standardId, source.title(),
                    MethodStatus.MERGED_INTO, row.ownerId(), actorId));
        }
    }
}
