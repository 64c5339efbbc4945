package org.methodportal.adoption;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.MethodEvent;

/**
 * An adoption started, reported on or due for a report; audited under the adoption's id. Each is a
 * {@link MethodEvent}, so the method is re-indexed: its document carries how many branches use it.
 */
public sealed interface AdoptionEvent extends MethodEvent {

    long adoptionId();

    @Override
    default String objectType() {
        return "adoption";
    }

    @Override
    default String objectId() {
        return String.valueOf(adoptionId());
    }

    /** A branch adopted a method. */
    record Started(long adoptionId, long methodId, long branchId) implements AdoptionEvent {
        @Override
        public String action() {
            return "adoption.started";
        }

        @Override
        public String detail() {
            return "method " + methodId + " branch " + branchId;
        }
    }

    /**
     * A branch reported on its adoption (by {@code reporterId}, for the method titled
     * {@code methodTitle}), with the name and size of the file it attached, if any; a STOPPED report
     * ends it. The method's author and watchers are told.
     */
    record Reported(long adoptionId, long methodId, String methodTitle, long reportId, long reporterId,
                    AdoptionStatus status, int rating, @Nullable String attachmentName,
                    @Nullable Long attachmentSize) implements AdoptionEvent {
        @Override
        public String action() {
            return "adoption.reported";
        }

        @Override
        public String detail() {
            return "method " + methodId + " report " + reportId + " " + status + " rating " + rating
                    + (attachmentName == null ? "" : " attachment " + attachmentName + " (" + attachmentSize + " bytes)");
        }
    }

    /**
     * An open adoption went {@code days} without a report: its branch's secretaries are reminded,
     * once until the next report.
     */
    record ReportDue(long adoptionId, long methodId, String methodTitle, long branchId, int days)
            implements AdoptionEvent {
        @Override
        public String action() {
            return "adoption.reminded";
        }

        @Override
        public String detail() {
            return "method " + methodId + " branch " + branchId + " no report for " + days + " days";
        }
    }
}
