package org.methodportal.adoption;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a method is used: the branches adopting it now (by department), how many ever did, the
 * average of each adoption's latest rating, the newest reports, and the caller's own branch's open
 * adoption if there is one.
 */
public record AdoptionSummary(long methodId, int adoptingBranches, int adoptionsEver, @Nullable Double averageRating,
                              List<DepartmentCount> byDepartment, List<AdoptionReport> latestReports,
                              @Nullable Adoption ownBranch) {

    /** Branches of one department adopting the method now. */
    public record DepartmentCount(String department, int branches) {
    }
}
