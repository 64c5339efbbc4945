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
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads methods.jsonl of src/test/resources/bench/gen_corpus.py into a database that already holds its
 * orgs and users ({@link CorpusLoader}), with plain JDBC batches: methods with one to three
 * immutable revisions each (every revision with its measures, steps and tags), owned by the
 * secretary of their origin branch, in a mix of statuses. One busy secretary owns one method in
 * 250 wherever it comes from, many of them drafts. Deterministic (fixed seed).
 */
final class MethodCorpusLoader {

    /** The secretary who owns one method in 250 (about 400), for the "my drafts" case. */
    static final String BUSY_AUTHOR = "u000042";

    private static final int BATCH = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    record Entry(String id, String title, String summary, String category, String department, String branch,
                 String problem, String concept, List<String> measures, List<String> steps, String outcomes,
                 String applicability, List<String> tags, String rawPractice, String created) {
    }

    /** What was loaded, for the report. */
    record Sizes(int methods, int revisions, int items, int tags, Map<MethodStatus, Integer> statuses) {
    }

    private MethodCorpusLoader() {
    }

    /** Loads orgs and users ({@link CorpusLoader}), then the methods, and prints what took how long. */
    static void loadWithOrganisation(DataSource dataSource, Path dir, String passwordHash, String database)
            throws SQLException {
        if (!Files.isRegularFile(dir.resolve("methods.jsonl"))) {
            throw new IllegalStateException("No corpus in " + dir + ": run src/test/resources/bench/gen_corpus.py --methods 100000"
                    + " --departments 100 --branches 16000 --users 300000 --out " + dir + " (or set -Dportal.bench.data)");
        }
        long start = System.nanoTime();
        var orgs = CorpusLoader.load(dataSource, dir, passwordHash);
        long loaded = System.nanoTime();
        var sizes = load(dataSource, dir);
        System.out.printf("%nLoaded %s in %d s and %s in %d s into %s%n", orgs, (loaded - start) / 1_000_000_000,
                sizes, (System.nanoTime() - loaded) / 1_000_000_000, database);
    }

    static Sizes load(DataSource dataSource, Path dir) throws SQLException {
        var random = new Random(7);
        var statuses = new HashMap<MethodStatus, Integer>();
        int methodCount = 0;
        int revisionCount = 0;
        int itemCount = 0;
        int tagCount = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> branches = ids(c, """
                    SELECT d.name || '/' || b.name, b.id FROM branch b JOIN department d ON d.id = b.department_id""");
            Map<Long, Long> departmentOfBranch = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, department_id FROM branch")) {
                while (rs.next()) {
                    departmentOfBranch.put(rs.getLong(1), rs.getLong(2));
                }
            }
            // Each branch's secretary (one per branch in the generated users) owns its methods.
            Map<Long, Long> secretaryOfBranch = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT a.branch_id, MIN(a.id) FROM account a JOIN account_role r ON r.account_id = a.id
                    WHERE r.role = 'SECRETARY' GROUP BY a.branch_id""")) {
                while (rs.next()) {
                    secretaryOfBranch.put(rs.getLong(1), rs.getLong(2));
                }
            }
            long busyAuthor = ids(c, "SELECT login, id FROM account WHERE login = '" + BUSY_AUTHOR + "'").get(BUSY_AUTHOR);
            long busyBranch = ids(c, "SELECT login, branch_id FROM account WHERE login = '" + BUSY_AUTHOR + "'").get(BUSY_AUTHOR);

            try (PreparedStatement method = c.prepareStatement("""
                         INSERT INTO method (id, external_id, category, origin_department_id, origin_branch_id, owner_id,
                                             status, raw_practice, created_at, updated_at, version, title)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement revision = c.prepareStatement("""
                         INSERT INTO method_revision (id, method_id, n, base_revision_id, title, summary, category, problem,
                                                      concept, outcomes, applicability, author_id, created_at, change_note,
                                                      status_at_creation)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement item = c.prepareStatement(
                         "INSERT INTO method_revision_item (revision_id, kind, sort_order, item_text) VALUES (?, ?, ?, ?)");
                 PreparedStatement tag = c.prepareStatement(
                         "INSERT INTO method_tag (revision_id, sort_order, tag) VALUES (?, ?, ?)");
                 PreparedStatement link = c.prepareStatement(
                         "UPDATE method SET latest_revision_id = ?, published_revision_id = ? WHERE id = ?");
                 Stream<String> lines = Files.lines(dir.resolve("methods.jsonl"))) {
                long revisionId = 0;
                List<long[]> links = new ArrayList<>();
                var iterator = lines.filter(l -> !l.isBlank()).iterator();
                while (iterator.hasNext()) {
                    Entry e = JSON.readValue(iterator.next(), Entry.class);
                    long id = ++methodCount;
                    MethodStatus status = status(random);
                    statuses.merge(status, 1, Integer::sum);
                    long branchId;
                    long ownerId;
                    if (id % 250 == 0) {
                        branchId = busyBranch;
                        ownerId = busyAuthor;
                    } else {
                        branchId = branches.get(e.department() + "/" + e.branch());
                        ownerId = secretaryOfBranch.get(branchId);
                    }
                    Category category = Category.fromName(e.category()).orElseThrow();
                    int revisions = revisionsFor(random);
                    // The generator may pick a tag twice; the service keeps each tag once per revision.
                    List<String> tags = List.copyOf(new LinkedHashSet<>(e.tags()));
                    // Distinct times: the corpus date plus the line number in seconds.
                    OffsetDateTime created = LocalDate.parse(e.created()).atTime(8, 0).atOffset(ZoneOffset.UTC)
                            .plusSeconds(id);
                    OffsetDateTime updated = created.plusDays(7L * (revisions - 1)).plusHours(random.nextInt(48));
                    method.setLong(1, id);
                    method.setString(2, e.id());
                    method.setString(3, category.name());
                    method.setLong(4, departmentOfBranch.get(branchId));
                    method.setLong(5, branchId);
                    method.setLong(6, ownerId);
                    method.setString(7, status.name());
                    method.setString(8, e.rawPractice());
                    method.setObject(9, created);
                    method.setObject(10, updated);
                    method.setInt(11, revisions);
                    method.setString(12, e.title());
                    method.addBatch();

                    for (int n = 1; n <= revisions; n++) {
                        long rid = ++revisionId;
                        boolean last = n == revisions;
                        // Earlier revisions lack the last measure and part of the problem, so diffs show changes.
                        List<String> measures = last || e.measures().size() < 2 ? e.measures()
                                : e.measures().subList(0, e.measures().size() - 1);
                        String problem = last ? e.problem() : e.problem().substring(0, Math.max(1, e.problem().length() / 2));
                        revision.setLong(1, rid);
                        revision.setLong(2, id);
                        revision.setInt(3, n);
                        if (n == 1) {
                            revision.setNull(4, Types.BIGINT);
                        } else {
                            revision.setLong(4, rid - 1);
                        }
                        revision.setString(5, e.title());
                        revision.setString(6, e.summary());
                        revision.setString(7, category.name());
                        revision.setString(8, problem);
                        revision.setString(9, e.concept());
                        revision.setString(10, e.outcomes());
                        revision.setString(11, e.applicability());
                        revision.setLong(12, ownerId);
                        revision.setObject(13, created.plusDays(7L * (n - 1)));
                        revision.setString(14, n == 1 ? "初稿" : "第" + n + "稿：补充措施");
                        revision.setString(15, n == 1 || !last ? MethodStatus.DRAFT.name() : status.name());
                        revision.addBatch();
                        itemCount += items(item, rid, "MEASURE", measures) + items(item, rid, "STEP", e.steps());
                        for (int t = 0; t < tags.size(); t++) {
                            tag.setLong(1, rid);
                            tag.setInt(2, t);
                            tag.setString(3, tags.get(t));
                            tag.addBatch();
                            tagCount++;
                        }
                    }
                    revisionCount += revisions;
                    Long published = status.isPublic() ? Long.valueOf(revisionId) : null;
                    links.add(new long[] {revisionId, published == null ? 0 : published, id});
                    if (methodCount % BATCH == 0) {
                        flush(c, method, revision, item, tag, link, links);
                    }
                }
                flush(c, method, revision, item, tag, link, links);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Readers without access to unpublished work see the revisions recorded as published: here
            // every revision of a published method was, in turn, its published version.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO method_publication (method_id, revision_id, published_at, published_by,
                                                        source_method_id, source_round)
                        SELECT m.id, r.id, r.created_at, m.owner_id, m.id, 0
                        FROM method m JOIN method_revision r ON r.method_id = m.id
                        WHERE m.published_revision_id IS NOT NULL""");
                // what publishing records beside (the statement of migration V98)
                s.executeUpdate("""
                        INSERT INTO method_first_publication (method_id, published_at)
                        SELECT method_id, MIN(published_at) FROM method_publication GROUP BY method_id""");
            }
            // The reviewer of the benchmark reviews five departments.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO reviewer_department (account_id, department_id)
                        SELECT a.id, d.id FROM account a, department d
                        WHERE a.login = '%s' AND d.id IN (SELECT id FROM department ORDER BY id LIMIT 5)"""
                        .formatted(MethodScaleBenchmark.REVIEWER));
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // The ids were given explicitly; later inserts must not collide with them.
                s.execute("ALTER TABLE method ALTER COLUMN id RESTART WITH " + (methodCount + 1));
                s.execute("ALTER TABLE method_revision ALTER COLUMN id RESTART WITH " + (revisionCount + 1));
            }
            try (Statement s = c.createStatement()) {
                s.execute(c.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "VACUUM ANALYZE" : "ANALYZE");
            }
        }
        return new Sizes(methodCount, revisionCount, itemCount, tagCount, statuses);
    }

    /** About what a portal in use would hold: mostly published, a fifth being drafted or reviewed. */
    private static MethodStatus status(Random random) {
        int p = random.nextInt(100);
        if (p < 68) {
            return MethodStatus.PUBLISHED;
        }
        if (p < 78) {
            return MethodStatus.DRAFT;
        }
        if (p < 84) {
            return MethodStatus.IN_REVIEW;
        }
        if (p < 88) {
            return MethodStatus.CHANGES_REQUESTED;
        }
        if (p < 91) {
            return MethodStatus.REJECTED;
        }
        if (p < 97) {
            return MethodStatus.ARCHIVED;
        }
        return MethodStatus.MERGED;
    }

    private static int revisionsFor(Random random) {
        int p = random.nextInt(10);
        return p < 5 ? 1 : p < 8 ? 2 : 3;
    }

    private static int items(PreparedStatement item, long revisionId, String kind, List<String> texts)
            throws SQLException {
        for (int i = 0; i < texts.size(); i++) {
            item.setLong(1, revisionId);
            item.setString(2, kind);
            item.setInt(3, i);
            item.setString(4, texts.get(i));
            item.addBatch();
        }
        return texts.size();
    }

    private static void flush(Connection c, PreparedStatement method, PreparedStatement revision,
                              PreparedStatement item, PreparedStatement tag, PreparedStatement link,
                              List<long[]> links) throws SQLException {
        method.executeBatch();
        revision.executeBatch();
        item.executeBatch();
        tag.executeBatch();
        for (long[] l : links) {
            link.setLong(1, l[0]);
            if (l[1] == 0) {
                link.setNull(2, Types.BIGINT);
            } else {
                link.setLong(2, l[1]);
            }
            link.setLong(3, l[2]);
            link.addBatch();
        }
        link.executeBatch();
        links.clear();
        c.commit();
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
}
