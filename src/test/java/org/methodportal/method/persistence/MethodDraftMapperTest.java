package org.methodportal.method.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.WorkingCopy;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class MethodDraftMapperTest {

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
    MethodDraftMapper drafts;

    long author;
    long other;
    long methodId;

    @BeforeEach
    void data() {
        departments.insert("dept-draft", null, T0);
        long department = departments.findByName("dept-draft").orElseThrow().id();
        branches.insert(department, "branch-draft", T0);
        long branch = branches.findByName(department, "branch-draft").orElseThrow().id();
        accounts.insert("author", "作者", "zuozhe zz", "{noop}x", branch, T0);
        accounts.insert("other", "他人", "taren tr", "{noop}x", branch, T0);
        author = accounts.findByLogin("author").orElseThrow().id();
        other = accounts.findByLogin("other").orElseThrow().id();
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, author, MethodStatus.DRAFT, null, T0),
                key);
        methodId = key.getId();
    }

    @Test
    void workingCopyOfAMethodIsOverwrittenInPlacePerAuthor() {
        drafts.insert(methodId, author, 1, "{\"title\":\"a\"}", T0);
        assertThat(drafts.update(methodId, author, 2, "{\"title\":\"b\"}", T0.plusSeconds(30))).isEqualTo(1);
        assertThat(drafts.update(methodId, other, 2, "{}", T0)).as("no copy of the other author yet").isZero();

        assertThat(drafts.find(methodId, author))
                .contains(new WorkingCopy(methodId, 2, "{\"title\":\"b\"}", T0.plusSeconds(30)));
        assertThat(drafts.find(methodId, other)).isEmpty();
        assertThat(drafts.delete(methodId, author)).isEqualTo(1);
        assertThat(drafts.find(methodId, author)).isEmpty();
    }

    @Test
    void workingCopyOfAnUnsavedMethodHasNoMethod() {
        drafts.insert(null, author, null, "{\"title\":\"new\"}", T0);
        drafts.insert(methodId, author, 1, "{\"title\":\"existing\"}", T0);

        assertThat(drafts.find(null, author).orElseThrow().content()).isEqualTo("{\"title\":\"new\"}");
        assertThat(drafts.update(null, author, null, "{\"title\":\"newer\"}", T0)).isEqualTo(1);
        assertThat(drafts.find(methodId, author).orElseThrow().content()).isEqualTo("{\"title\":\"existing\"}");
        assertThat(drafts.delete(null, author)).isEqualTo(1);
        assertThat(drafts.find(methodId, author)).isPresent();
    }
}
