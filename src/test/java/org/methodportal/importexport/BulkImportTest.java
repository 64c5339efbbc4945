package org.methodportal.importexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.importexport.Entries.entry;
import static org.methodportal.importexport.Entries.file;
import static org.methodportal.importexport.Entries.stream;
import static org.methodportal.importexport.Entries.unique;
import static org.methodportal.importexport.Entries.with;
import static org.methodportal.importexport.Entries.without;
import static org.methodportal.shared.TestUsers.signInAs;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.importexport.ImportReport.ImportError;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodExportService;
import org.methodportal.method.MethodImportService;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.unit.DataSize;

/**
 * Imports a batch at a time (here three entries per transaction, to see the batches at work on
 * small files): the batches store exactly what importing entry by entry stores, a bad line costs
 * only itself, a broken upload leaves whole batches, and importing the file again skips them.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class BulkImportTest {

    private static final int BATCH = 3;

    @Autowired
    MethodService methods;
    @Autowired
    MethodMapper mapper;
    @Autowired
    MethodImportService importer;
    @Autowired
    MethodExportService exporter;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SystemAuthentication authentication;
    @Autowired
    MessageSource messages;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulkWrites bulkWrites;

    private ImportExportService service;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void batchesStoreWhatImportingEntryByEntryStores() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        String department = "批量部" + u;
        List<Map<String, Object>> batched = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> e = with(with(entry(u + "-b" + i, "批量工作法" + i), "department", department),
                    "branch", "第" + (i % 2) + "党支部");
            batched.add(i == 4 ? without(without(e, "concept"), "tags") : e);
        }

        ImportReport report = importLines(batched, MethodStatus.PUBLISHED);
        for (Map<String, Object> e : batched) {
            String id = (String) e.get("id");
            importer.importMethod(CorpusFormat.read(Entries.line(with(e, "id", id.replace("-b", "-s")))),
                    MethodStatus.PUBLISHED, "导入自 " + u + ".jsonl");
        }

        assertThat(report).isEqualTo(new ImportReport(7, 0, 0, 0, List.of()));
        for (int i = 0; i < 7; i++) {
            long batchId = mapper.findIdByExternalId(u + "-b" + i).orElseThrow();
            long singleId = mapper.findIdByExternalId(u + "-s" + i).orElseThrow();
            assertThat(stored(batchId)).isEqualTo(stored(singleId));
            assertThat(methods.get(batchId).revision().content()).isEqualTo(methods.get(singleId).revision().content());
            assertThat(auditActions(batchId)).containsExactlyInAnyOrder("method.created", "method.imported");
            assertThat(auditActions(batchId)).containsExactlyInAnyOrderElementsOf(auditActions(singleId));
            assertThat(outboxEntries(batchId)).isEqualTo(1);
        }
        MethodDetail method = methods.get(mapper.findIdByExternalId(u + "-b3").orElseThrow());
        assertThat(method.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(method.departmentName()).isEqualTo(department);
        assertThat(method.branchName()).isEqualTo("第1党支部");
        assertThat(method.revision().content().tags()).containsExactly("预算评审", "审核把关");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM branch b JOIN department d ON d.id = b.department_id WHERE d.name = ?")
                .param(department).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSecondRunSkipsWhatIsStoredAndImportsWhatChanged() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(entry(u + "-" + i, "再导入" + i));
        }
        importLines(entries, MethodStatus.PUBLISHED);
        List<Map<String, Object>> again = new ArrayList<>(entries);
        again.set(1, with(entries.get(1), "problem", "改过的问题"));
        again.set(4, with(entries.get(4), "branch", "另一个党支部" + u));
        again.set(5, with(entries.get(5), "raw_practice", "改过的原话"));

        ImportReport second = importLines(again, MethodStatus.PUBLISHED);
        ImportReport asDrafts = importLines(entries.subList(0, 1), MethodStatus.DRAFT);

        assertThat(second).isEqualTo(new ImportReport(0, 3, 4, 0, List.of()));
        assertThat(asDrafts).isEqualTo(new ImportReport(0, 0, 1, 0, List.of()));
        assertThat(methods.get(mapper.findIdByExternalId(u + "-1").orElseThrow()).latestRevision()).isEqualTo(2);
        MethodDetail moved = methods.get(mapper.findIdByExternalId(u + "-4").orElseThrow());
        assertThat(moved.branchName()).isEqualTo("另一个党支部" + u);
        assertThat(moved.latestRevision()).isEqualTo(1);
        assertThat(methods.get(mapper.findIdByExternalId(u + "-5").orElseThrow()).rawPractice()).isEqualTo("改过的原话");
    }

    @Test
    void oneLogLinePerBatch(CapturedOutput output) {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(entry(u + "-" + i, "日志" + i));
        }

        importLines(entries, MethodStatus.DRAFT);

        List<String> batchLines = output.getOut().lines().filter(l -> l.contains("import of " + u + ".jsonl: lines"))
                .toList();
        assertThat(batchLines).hasSize(3);
        assertThat(batchLines.getFirst()).contains("lines 1–3: 3 created, 0 updated, 0 unchanged, 0 failed");
        assertThat(batchLines.getLast()).contains("lines 7–7: 1 created");
        assertThat(output.getOut()).doesNotContain("imported from " + u);
    }

    @Test
    void aBadLineCostsOnlyItselfAndTheSameIdTwiceInABatchIsOneMethodWithTwoRevisions() {
        signInAs(users, securityContexts, "admin");
        String u = unique();

        ImportReport report = importFile(file(entry(u + "-1", "第一条"), without(entry(u + "-2", "缺问题"), "problem"),
                entry(u + "-1", "第一条改稿"), "{ 坏行", entry(u + "-3", "第三条")), MethodStatus.PUBLISHED);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportError::line).containsExactly(2L, 4L);
        assertThat(mapper.findIdByExternalId(u + "-2")).isEmpty();
        MethodDetail first = methods.get(mapper.findIdByExternalId(u + "-1").orElseThrow());
        assertThat(first.latestRevision()).isEqualTo(2);
        assertThat(first.publishedRevision()).isEqualTo(2);
        assertThat(first.revision().content().title()).isEqualTo("第一条改稿");
    }

    @Test
    void aBatchThatFailsAsAWholeIsImportedAgainLineByLine(CapturedOutput output) {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        importFile(file(entry(u + "-busy", "审核中的")), MethodStatus.DRAFT);
        long busy = mapper.findIdByExternalId(u + "-busy").orElseThrow();
        int version = mapper.lockVersion(busy).orElseThrow();
        assertThat(mapper.updateStatus(busy, MethodStatus.IN_REVIEW, Instant.now(), version)).isEqualTo(1);

        ImportReport report = importFile(file(entry(u + "-a", "甲"), with(entry(u + "-busy", "审核中的"), "problem",
                "改过的问题"), entry(u + "-b", "乙")), MethodStatus.PUBLISHED);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.errors()).extracting(ImportError::line, ImportError::code)
                .containsExactly(tuple(2L, "import.not-importable"));
        assertThat(output.getOut()).contains("lines 1–3 rolled back together");
        assertThat(mapper.findIdByExternalId(u + "-a")).isPresent();
        assertThat(mapper.findIdByExternalId(u + "-b")).isPresent();
    }

    @Test
    void aBrokenUploadLeavesWholeBatchesAndImportingAgainSkipsThem() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entries.add(entry(u + "-" + i, "断点" + i));
        }
        String whole = file(entries.toArray());
        int cut = whole.substring(0, whole.indexOf('\n', whole.indexOf(u + "-4")) + 1).getBytes(UTF_8).length;

        assertThatThrownBy(() -> service().importLines(new BreaksAfter(whole.getBytes(UTF_8), cut),
                MethodStatus.PUBLISHED, "broken.jsonl", ImportProgress.NONE)).isInstanceOf(UncheckedIOException.class);
        List<Boolean> stored = entries.stream().map(e -> mapper.findIdByExternalId((String) e.get("id")).isPresent())
                .toList();
        ImportReport again = importFile(whole, MethodStatus.PUBLISHED);

        assertThat(bulkWrites.inProgress()).as("the indexing pace is back to normal").isFalse();
        // Lines 1–3 were one committed batch; 4 and 5 were read but their batch never committed.
        assertThat(stored).containsExactly(true, true, true, false, false, false, false, false);
        assertThat(again).isEqualTo(new ImportReport(5, 0, 3, 0, List.of()));
    }

    private ImportReport importLines(List<Map<String, Object>> entries, MethodStatus status) {
        String source = entries.getFirst().get("id").toString().split("-")[0] + ".jsonl";
        return service().importLines(stream(file(entries.toArray())), status, source, ImportProgress.NONE);
    }

    private ImportReport importFile(String file, MethodStatus status) {
        return service().importLines(stream(file), status, "test.jsonl", ImportProgress.NONE);
    }

    private ImportExportService service() {
        if (service == null) {
            service = new ImportExportService(importer, exporter, new ImportProperties(DataSize.ofMegabytes(10), BATCH),
                    currentUser, authentication, messages, publisher, bulkWrites);
        }
        return service;
    }

    /** The method's row and revision columns that an import writes, without ids and times of the run. */
    private Map<String, Object> stored(long id) {
        Map<String, Object> row = jdbc.sql("""
                SELECT m.category, m.status, m.title, m.version, m.raw_practice, m.created_at, m.origin_branch_id,
                       m.owner_id, m.published_revision_id = m.latest_revision_id AS published_is_latest,
                       r.n, r.base_revision_id, r.title AS revision_title, r.change_note, r.status_at_creation,
                       r.author_id,
                       (SELECT COUNT(*) FROM method_revision_item i WHERE i.revision_id = r.id) AS items,
                       (SELECT COUNT(*) FROM method_tag t WHERE t.revision_id = r.id) AS tags,
                       (SELECT COUNT(*) FROM method_publication p WHERE p.method_id = m.id
                            AND p.revision_id = r.id AND p.source_method_id = m.id AND p.source_round = 0) AS publications
                FROM method m JOIN method_revision r ON r.id = m.latest_revision_id WHERE m.id = ?""")
                .param(id).query().singleRow();
        return row;
    }

    private List<String> auditActions(long methodId) {
        return audit.find(new AuditFilter(null, "method.", String.valueOf(methodId), null, null),
                PageRequest.ofPage(0, 50, null, false)).stream().map(AuditEntry::action).toList();
    }

    private long outboxEntries(long methodId) {
        return jdbc.sql("SELECT COUNT(*) FROM search_outbox WHERE method_id = ?").param(methodId).query(Long.class)
                .single();
    }

    /** An upload that breaks off after {@code limit} bytes, as when the client goes away. */
    private static final class BreaksAfter extends FilterInputStream {
        private final int limit;
        private int read;

        BreaksAfter(byte[] bytes, int limit) {
            super(new ByteArrayInputStream(bytes));
            this.limit = limit;
        }

        /** What can be read without blocking ends at the break, or a reader would read on and fail at once. */
        @Override
        public int available() throws IOException {
            return Math.max(0, Math.min(super.available(), limit - read));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (read >= limit) {
                throw new IOException("connection reset");
            }
            int n = super.read(buffer, offset, Math.min(length, limit - read));
            read += Math.max(0, n);
            return n;
        }
    }
}
