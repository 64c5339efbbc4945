package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.account.Department;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MapperSlice
class DepartmentMapperTest {

    // Microseconds: the precision both databases keep.
    private static final Instant CREATED = Instant.parse("2026-03-01T08:15:30.123456Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;

    @Test
    void insertedDepartmentIsReadBackAsRecord() {
        departments.insert("财政部", "MOF", CREATED);

        Department found = departments.findByName("财政部").orElseThrow();

        assertThat(found.name()).isEqualTo("财政部");
        assertThat(found.code()).isEqualTo("MOF");
        assertThat(found.enabled()).isTrue();
        assertThat(found.branchCount()).isZero();
        assertThat(found.createdAt()).isEqualTo(CREATED);
        assertThat(found.version()).isZero();
        assertThat(departments.findById(found.id())).contains(found);
        assertThat(departments.findByName("不存在")).isEmpty();
        assertThat(departments.findById(-1)).isEmpty();
    }

    @Test
    void countsBranches() {
        long id = insert("alpha", null);
        branches.insert(id, "one", CREATED);
        branches.insert(id, "two", CREATED);

        assertThat(departments.findById(id).orElseThrow().branchCount()).isEqualTo(2);
    }

    @Test
    void pagesWithLimitAndOffset() {
        List.of("echo", "alpha", "delta", "bravo", "charlie").forEach(name -> insert(name, null));

        assertThat(names(departments.findPage(null, null, "name", true, 0, 2))).containsExactly("alpha", "bravo");
        assertThat(names(departments.findPage(null, null, "name", true, 2, 2))).containsExactly("charlie", "delta");
        assertThat(names(departments.findPage(null, null, "name", true, 4, 2))).containsExactly("echo");
        assertThat(names(departments.findPage(null, null, "name", false, 0, 2))).containsExactly("echo", "delta");
        assertThat(departments.count(null, null)).isEqualTo(5);
    }

    @Test
    void sortsByWhitelistedKeysWithMissingCodesLast() {
        insert("alpha", "ZZ");
        insert("bravo", null);
        insert("charlie", "AA");

        assertThat(names(departments.findPage(null, null, "code", true, 0, 10)))
                .containsExactly("charlie", "alpha", "bravo");
        assertThat(names(departments.findPage(null, null, "code", false, 0, 10)))
                .containsExactly("bravo", "alpha", "charlie");
        // Unknown keys fall back to the name: the key is never spliced into the SQL.
        assertThat(names(departments.findPage(null, null, "name; DROP TABLE department", false, 0, 10)))
                .containsExactly("charlie", "bravo", "alpha");
        assertThat(names(departments.findPage(null, null, null, true, 0, 10)))
                .containsExactly("alpha", "bravo", "charlie");
    }

    @Test
    void sortsByCreationTimeAndStatus() {
        departments.insert("late", null, CREATED.plusSeconds(60));
        departments.insert("early", null, CREATED);
        long off = insert("middle", null);
        departments.updateEnabled(off, false, 0);

        assertThat(names(departments.findPage(null, null, "createdAt", true, 0, 10)))
                .containsExactly("early", "middle", "late");
        assertThat(names(departments.findPage(null, null, "enabled", true, 0, 10)).getFirst()).isEqualTo("middle");
    }

    @Test
    void filtersByNameOrCodeWithLikeWildcardsEscaped() {
        insert("达标100%部", null);
        insert("达标1000部", null);
        insert("a_b", null);
        insert("axb", "MOF");

        assertThat(names(departments.findPage(LikePattern.contains("100%"), null, "name", true, 0, 10)))
                .containsExactly("达标100%部");
        assertThat(names(departments.findPage(LikePattern.contains("_"), null, "name", true, 0, 10)))
                .containsExactly("a_b");
        assertThat(departments.count(LikePattern.contains("达标"), null)).isEqualTo(2);
        // The code matches regardless of case.
        assertThat(names(departments.findPage(LikePattern.contains("mof"), null, "name", true, 0, 10)))
                .containsExactly("axb");
    }

    @Test
    void filtersByEnabled() {
        long off = insert("alpha", null);
        insert("bravo", null);
        departments.updateEnabled(off, false, 0);

        assertThat(names(departments.findPage(null, false, "name", true, 0, 10))).containsExactly("alpha");
        assertThat(names(departments.findPage(null, true, "name", true, 0, 10))).containsExactly("bravo");
        assertThat(departments.count(null, false)).isEqualTo(1);
        assertThat(names(departments.findAllEnabled())).containsExactly("bravo");
    }

    @Test
    void updatesOnlyTheExpectedVersion() {
        long id = insert("alpha", "A");

        assertThat(departments.update(id, "alpha2", "A2", 0)).isEqualTo(1);
        assertThat(departments.update(id, "alpha3", "A3", 0)).as("stale version").isZero();
        Department updated = departments.findById(id).orElseThrow();
        assertThat(updated.name()).isEqualTo("alpha2");
        assertThat(updated.code()).isEqualTo("A2");
        assertThat(updated.version()).isEqualTo(1);

        assertThat(departments.updateEnabled(id, false, 0)).as("stale version").isZero();
        assertThat(departments.updateEnabled(id, false, 1)).isEqualTo(1);
        assertThat(departments.findById(id).orElseThrow()).extracting(Department::enabled, Department::version)
                .containsExactly(false, 2);
    }

    @Test
    void namesAreUnique() {
        insert("alpha", null);

        assertThatThrownBy(() -> departments.insert("alpha", "X", CREATED)).isInstanceOf(DuplicateKeyException.class);
    }

    private long insert(String name, String code) {
        departments.insert(name, code, CREATED);
        return departments.findByName(name).orElseThrow().id();
    }

    private static List<String> names(List<Department> list) {
        return list.stream().map(Department::name).toList();
    }
}
