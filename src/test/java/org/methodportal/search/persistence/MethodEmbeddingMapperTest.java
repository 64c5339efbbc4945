package org.methodportal.search.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

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
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@MapperSlice
class MethodEmbeddingMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-03T10:20:30.123456Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    MethodEmbeddingMapper embeddings;
    @Autowired
    DataSource dataSource;

    long owner;
    long department;
    long branch;

    @BeforeEach
    void rows() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        department = org.department("emb-finance");
        branch = org.branch(department, "预算司党支部");
        owner = org.account("emb-li", "李书记", branch);
    }

    @Test
    void aStoredVectorComesBackByteForByteWithModelHashAndTime() {
        long method = method();
        long other = method();
        byte[] vector = vector(2048, 7);

        assertThat(embeddings.insertIfAbsent(new EmbeddingRow(method, "bge-small-zh-v1.5-q", "ab".repeat(32), vector,
                T0))).isEqualTo(1);

        assertThat(embeddings.findByMethodIds(List.of(method, other))).singleElement().satisfies(row -> {
            assertThat(row.methodId()).isEqualTo(method);
            assertThat(row.model()).isEqualTo("bge-small-zh-v1.5-q");
            assertThat(row.textHash()).isEqualTo("ab".repeat(32));
            assertThat(row.vector()).isEqualTo(vector);
            assertThat(row.computedAt()).isEqualTo(T0);
        });
        assertThat(embeddings.findByMethodIds(List.of(other))).isEmpty();
    }

    @Test
    void aSecondInsertLeavesTheRowAndAnUpdateReplacesIt() {
        long method = method();
        embeddings.insertIfAbsent(new EmbeddingRow(method, "m1", "h1", vector(2048, 1), T0));

        assertThat(embeddings.insertIfAbsent(new EmbeddingRow(method, "m1", "h2", vector(2048, 2), T0.plusSeconds(1))))
                .as("already there").isZero();
        assertThat(embeddings.findByMethodIds(List.of(method))).singleElement()
                .extracting(EmbeddingRow::textHash).isEqualTo("h1");

        assertThat(embeddings.update(new EmbeddingRow(method, "m2", "h3", vector(2048, 3), T0.plusSeconds(2))))
                .isEqualTo(1);
        assertThat(embeddings.findByMethodIds(List.of(method))).singleElement().satisfies(row -> {
            assertThat(row.model()).isEqualTo("m2");
            assertThat(row.textHash()).isEqualTo("h3");
            assertThat(row.vector()).isEqualTo(vector(2048, 3));
            assertThat(row.computedAt()).isEqualTo(T0.plusSeconds(2));
        });
        assertThat(embeddings.update(new EmbeddingRow(method(), "m1", "h1", vector(8, 1), T0))).as("no row yet").isZero();
    }

    @Test
    void theRowGoesWithItsMethod() {
        long method = method();
        long kept = method();
        embeddings.insertIfAbsent(new EmbeddingRow(method, "m1", "h1", vector(2048, 1), T0));
        embeddings.insertIfAbsent(new EmbeddingRow(kept, "m1", "h1", vector(2048, 1), T0));
        assertThat(embeddings.count()).isEqualTo(2);

        // plain JDBC (no method mapper deletes), in the test's transaction; MyBatis would answer count() from its cache
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM method WHERE id = ?", method);

        assertThat(embeddings.findByMethodIds(List.of(method, kept))).extracting(EmbeddingRow::methodId)
                .containsExactly(kept);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM method_embedding", Long.class)).isEqualTo(1);
    }

    private long method() {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, owner, MethodStatus.DRAFT, null, T0),
                key);
        return key.getId();
    }

    private static byte[] vector(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }
}
