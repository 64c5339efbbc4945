package org.methodportal.method;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Branch;
import org.methodportal.shared.PortalException;

/**
 * What importing a batch did: per entry, in the batch's order, its outcome or the error that skipped
 * it; and the origins the batch resolved (found or created), for the batches after it.
 */
public record ImportBatchResult(List<Entry> entries, Map<OriginName, Branch> resolvedBranches) {

    public ImportBatchResult {
        entries = List.copyOf(entries);
        resolvedBranches = Map.copyOf(resolvedBranches);
    }

    /** One entry's outcome, or the validation error for which it was skipped. */
    public record Entry(@Nullable ImportOutcome outcome, @Nullable PortalException error) {

        static Entry of(ImportOutcome outcome) {
            return new Entry(outcome, null);
        }

        static Entry failed(PortalException error) {
            return new Entry(null, error);
        }
    }
}
