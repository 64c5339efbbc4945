package org.methodportal.account;

/** Something an administrator did to a branch; the detail names it (with its department) as it was and is. */
public sealed interface BranchEvent extends OrganisationEvent {

    long branchId();

    @Override
    default String objectType() {
        return "branch";
    }

    @Override
    default String objectId() {
        return String.valueOf(branchId());
    }

    /** {@code place} is "department / branch". */
    record BranchCreated(long branchId, String place) implements BranchEvent {
        @Override
        public String detail() {
            return place;
        }
    }

    /** Places are "department / branch", before and after. */
    record BranchUpdated(long branchId, String previousPlace, String place) implements BranchEvent {
        @Override
        public String detail() {
            return previousPlace + " → " + place;
        }
    }

    record BranchEnabled(long branchId, String name) implements BranchEvent {
        @Override
        public String detail() {
            return name;
        }
    }

    record BranchDisabled(long branchId, String name) implements BranchEvent {
        @Override
        public String detail() {
            return name;
        }
    }
}
