package org.methodportal.merge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.method.persistence.NewRevision;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class MergeMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    MergeMapper merges;

    long department;
    long branch;
    long owner;

    @BeforeEach
    void organisation() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        department = org.department("dept-merge");
        branch = org.branch(department, "合并支部");
        owner = org.account("merger", "合并人", branch);
    }

    @Test
    void sourcesOfAMergeAreReadInOrderWithTitleAndStandardEntry() {
        long first = method("原生态甲", MethodStatus.DRAFT, null);
        long second = method("已发布乙", MethodStatus.PUBLISHED, null);
        long merge = method("标准条目", MethodStatus.DRAFT, null);
        merges.insertSource(merge, second, 1, MethodStatus.PUBLISHED, 1);
        merges.insertSource(merge, first, 0, MethodStatus.DRAFT, 1);

        assertThat(merges.findSources(merge))
                .extracting(MergeSourceRow::sourceMethodId, MergeSourceRow::title, MergeSourceRow::previousStatus,
                        MergeSourceRow::standardMethodId, MergeSourceRow::mergeStatus, MergeSourceRow::isApplied)
                .containsExactly(tuple(first, "原生态甲", MethodStatus.DRAFT, merge, MethodStatus.DRAFT, false),
                        tuple(second, "已发布乙", MethodStatus.PUBLISHED, merge, MethodStatus.DRAFT, false));
        assertThat(merges.findSources(first)).isEmpty();
    }

    @Test
    void anOpenMergeHoldsItsSourcesUntilItIsClosed() {
        long source = method("来源", MethodStatus.DRAFT, null);
        long merge = method("合并", MethodStatus.IN_REVIEW, null);
        merges.insertSource(merge, source, 0, MethodStatus.DRAFT, 1);
        assertThat(merges.findActiveBySource(source)).extracting(MergeSourceRow::mergeMethodId).containsExactly(merge);

        assertThat(methods.updateStatus(merge, MethodStatus.REJECTED, T0, 1)).isEqualTo(1);

        assertThat(merges.findActiveBySource(source)).as("a rejected merge frees its sources").isEmpty();
    }

    @Test
    void appliedSourcesAreTheProvenanceOfTheStandardEntryUntilUndone() {
        long target = method("现有条目", MethodStatus.PUBLISHED, null);
        long request = method("并入提案", MethodStatus.MERGED, target);
        long source = method("来源", MethodStatus.MERGED_INTO, null);
        merges.insertSource(request, source, 0, MethodStatus.DRAFT, 1);
        assertThat(merges.findProvenance(target)).as("not applied yet").isEmpty();

        assertThat(merges.markApplied(request, source, MethodStatus.CHANGES_REQUESTED, 3, T0)).isEqualTo(1);

        assertThat(merges.findProvenance(target)).singleElement().satisfies(row -> {
            assertThat(row.sourceMethodId()).isEqualTo(source);
            assertThat(row.standardMethodId()).as("a change-request merge names its target").isEqualTo(target);
            assertThat(row.previousStatus()).isEqualTo(MethodStatus.CHANGES_REQUESTED);
            assertThat(row.sourceRevision()).isEqualTo(3);
            assertThat(row.appliedAt()).isEqualTo(T0);
            assertThat(row.status()).isEqualTo(MethodStatus.MERGED_INTO);
        });
        assertThat(merges.findActiveBySource(source)).as("applied counts as active").hasSize(1);
        assertThat(merges.findProvenance(request)).isEmpty();

        assertThat(merges.markUndone(request, T0.plusSeconds(60))).isEqualTo(1);

        assertThat(merges.findProvenance(target)).isEmpty();
        assertThat(merges.findActiveBySource(source)).isEmpty();
        assertThat(merges.findSources(request)).singleElement()
                .satisfies(row -> assertThat(row.undoneAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(merges.markUndone(request, T0.plusSeconds(90))).as("undone once").isZero();
    }

    private long method(String title, MethodStatus status, @Nullable Long changeOf) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, owner, status, null, T0, changeOf,
                null), key);
        long id = key.getId();
        var revision = new GeneratedKey();
        methods.insertRevision(new NewRevision(id, 1, null, title, null, Category.COHESION, "problem", null, null,
                null, null, owner, T0, null, status), revision);
        methods.updateLatestRevision(id, revision.getId(), Category.COHESION, T0, 0);
        return id;
    }
}
