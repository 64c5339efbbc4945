package org.methodportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.methodportal.shared.Pinyin;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads orgs.jsonl and users.jsonl of src/test/resources/bench/gen_corpus.py into a migrated, empty
 * database with plain JDBC batches: going through the services would hash 300,000 passwords and
 * write as many audit rows, which is not what the benchmark measures.
 */
final class CorpusLoader {

    private static final int BATCH = 5_000;
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-05T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    record Org(String department, List<String> branches) {
    }

    record User(String username, String displayName, String department, String branch, String role) {
    }

    /** What was loaded, for the report. */
    record Sizes(int departments, int branches, int accounts, int accountRoles) {
    }

    private CorpusLoader() {
    }

    static Sizes load(DataSource dataSource, Path dir, String passwordHash) throws SQLException {
        List<Org> orgs = read(dir.resolve("orgs.jsonl"), Org.class);
        List<User> users = read(dir.resolve("users.jsonl"), User.class);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> departments = insertDepartments(c, orgs);
            Map<String, Long> branches = insertBranches(c, orgs, departments);
            insertAccounts(c, users, branches, passwordHash);
            int roles = insertRoles(c, users);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // A bulk load leaves the planner without statistics (and PostgreSQL's visibility map
                // empty), which a production database that autovacuum looks after never is.
                s.execute(c.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "VACUUM ANALYZE" : "ANALYZE");
            }
            return new Sizes(departments.size(), branches.size(), users.size(), roles);
        }
    }

    private static Map<String, Long> insertDepartments(Connection c, List<Org> orgs) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO department (name, created_at) VALUES (?, ?)")) {
            for (Org org : orgs) {
                insert.setString(1, org.department());
                insert.setObject(2, CREATED);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
        return ids(c, "SELECT name, id FROM department");
    }

    private static Map<String, Long> insertBranches(Connection c, List<Org> orgs, Map<String, Long> departments)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO branch (department_id, name, created_at) VALUES (?, ?, ?)")) {
            for (Org org : orgs) {
                for (String branch : org.branches()) {
                    insert.setLong(1, departments.get(org.department()));
                    insert.setString(2, branch);
                    insert.setObject(3, CREATED);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        // Branch names repeat across departments, so the key is "department/branch".
        return ids(c, "SELECT d.name || '/' || b.name, b.id FROM branch b JOIN department d ON d.id = b.department_id");
    }

    private static void insertAccounts(Connection c, List<User> users, Map<String, Long> branches, String passwordHash)
            throws SQLException {
        Map<String, String> pinyin = new HashMap<>();  // names repeat a lot; pinyin4j is not free
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO account (login, display_name, display_name_pinyin, password_hash, branch_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (User user : users) {
                insert.setString(1, user.username());
                insert.setString(2, user.displayName());
                insert.setString(3, pinyin.computeIfAbsent(user.displayName(), Pinyin::searchKey));
                insert.setString(4, passwordHash);
                insert.setLong(5, branches.get(user.department() + "/" + user.branch()));
                insert.setObject(6, CREATED);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static int insertRoles(Connection c, List<User> users) throws SQLException {
        Map<String, Long> accounts = ids(c, "SELECT login, id FROM account");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)")) {
            int pending = 0;
            for (User user : users) {
                insert.setLong(1, accounts.get(user.username()));
                insert.setString(2, user.role());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return users.size();
    }

    private static Map<String, Long> ids(Connection c, String sql) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static <T> List<T> read(Path file, Class<T> type) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).map(line -> JSON.readValue(line, type)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
