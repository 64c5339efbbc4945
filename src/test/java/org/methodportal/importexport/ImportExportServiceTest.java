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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.BranchFilter;
import org.methodportal.account.OrganisationService;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.importexport.ImportReport.ImportError;
import org.methodportal.method.ImportedMethod;
import org.methodportal.method.MethodExportService;
import org.methodportal.method.MethodImportService;
import org.methodportal.method.MethodImported;
import org.methodportal.method.MethodRevisionEvent;
import org.methodportal.method.MethodsImported;
import org.methodportal.shared.MethodEvent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.RevisionSummary;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;

@ServiceTest
@RecordApplicationEvents
class ImportExportServiceTest {

    private static final Path CORPUS = TestCorpus.methods();

    @Autowired
    ImportExportService service;
    @Autowired
    MethodService methods;
    @Autowired
    MethodMapper mapper;
    @Autowired
    MethodImportService importer;
    @Autowired
    MethodExportService exporter;
    @Autowired
    OrganisationService organisation;
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
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void importsPublishedEntriesAndAnIdenticalSecondImportChangesNothing() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        String file = file(entry(u + "-1", "“三审三核”工作法"), entry(u + "-2", "“一线工作”工作法"));

        ImportReport first = importFile(file, MethodStatus.PUBLISHED);
        ImportReport second = importFile(file, MethodStatus.PUBLISHED);

        assertThat(first).isEqualTo(new ImportReport(2, 0, 0, 0, List.of()));
        assertThat(second).isEqualTo(new ImportReport(0, 0, 2, 0, List.of()));
        signInAs(users, securityContexts, "member");
        MethodDetail method = byExternalId(u + "-1");
        assertThat(method.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(method.publishedRevision()).isEqualTo(1);
        assertThat(method.latestRevision()).isEqualTo(1);
        assertThat(method.ownerName()).isEqualTo("系统管理员");
        assertThat(method.departmentName()).isEqualTo("财政部");
        assertThat(method.branchName()).isEqualTo("预算司党支部");
        assertThat(method.rawPractice()).isEqualTo("我们处一到编预算就跟打仗一样，后来分三拨人把关。");
        assertThat(method.createdAt()).isEqualTo(LocalDate.of(2016, 3, 18)
                .atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        var content = method.revision().content();
        assertThat(content.title()).isEqualTo("“三审三核”工作法");
        assertThat(content.measures()).containsExactly("组建评审小组", "编制要点清单");
        assertThat(content.steps()).containsExactly("筛查", "问询", "汇总");
        assertThat(content.tags()).containsExactly("预算评审", "审核把关");
        assertThat(method.revision().changeNote()).isEqualTo("导入自 test.jsonl");
        assertThat(method.revision().statusAtCreation()).isEqualTo(MethodStatus.PUBLISHED);
    }

    @Test
    void aChangedEntryGetsANewRevisionThatBecomesThePublishedOne() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        Map<String, Object> one = entry(u + "-1", "支点工作法");
        Map<String, Object> two = entry(u + "-2", "铸魂工作法");
        importFile(file(one, two), MethodStatus.PUBLISHED);

        ImportReport again = importFile(file(with(one, "problem", "审计发现问题整改难、落实慢。"), two),
                MethodStatus.PUBLISHED);

        assertThat(again).isEqualTo(new ImportReport(0, 1, 1, 0, List.of()));
        signInAs(users, securityContexts, "member");
        MethodDetail changed = byExternalId(u + "-1");
        assertThat(changed.publishedRevision()).isEqualTo(2);
        assertThat(changed.revision().content().problem()).isEqualTo("审计发现问题整改难、落实慢。");
        assertThat(changed.revision().baseNumber()).isEqualTo(1);
        assertThat(methods.revisions(changed.id())).extracting(RevisionSummary::number, RevisionSummary::changeNote)
                .containsExactly(tuple(2, "导入自 test.jsonl"), tuple(1, "导入自 test.jsonl"));
        assertThat(byExternalId(u + "-2").latestRevision()).isEqualTo(1);
    }

    @Test
    void changesOfOriginAndOriginalTextUpdateTheMethodWithoutARevision() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        Map<String, Object> entry = entry(u, "接地气工作法");
        importFile(file(entry), MethodStatus.PUBLISHED);

        ImportReport again = importFile(file(with(with(entry, "branch", "国库司党支部"), "raw_practice", "原话改了")),
                MethodStatus.PUBLISHED);

        assertThat(again.updated()).isEqualTo(1);
        MethodDetail method = byExternalId(u);
        assertThat(method.latestRevision()).isEqualTo(1);
        assertThat(method.branchName()).isEqualTo("国库司党支部");
        assertThat(method.rawPractice()).isEqualTo("原话改了");
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndTheGoodOnesImported() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        Map<String, Object> good = entry(u + "-good", "好的一行");
        String file = file(
                good,
                "{\"id\": \"" + u + "-broken\", \"title\": ",
                without(entry(u + "-no-id", "没有编号"), "id"),
                with(entry(u + "-cat", "未知类别"), "category", "其他"),
                "",
                without(entry(u + "-no-title", "x"), "title"),
                with(with(entry(u + "-empty", "无措施"), "measures", List.of()), "steps", List.of()),
                with(entry(u + "-measures", "措施不是列表"), "measures", "组建评审小组"),
                with(entry(u + "-long", "x".repeat(101)), "title", "长".repeat(101)),
                with(entry(u + "-date", "日期有误"), "created", "2016年3月"),
                "[1, 2, 3]",
                entry(u + "-good2", "另一行好的"));

        ImportReport report = importFile(file, MethodStatus.PUBLISHED);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(9);
        assertThat(report.errors()).extracting(ImportError::line, ImportError::code).containsExactly(
                tuple(2L, "import.invalid-json"),
                tuple(3L, "import.field-required"),
                tuple(4L, "method.category-unknown"),
                tuple(6L, "method.title-required"),
                tuple(7L, "method.measure-or-step-required"),
                tuple(8L, "import.field-invalid"),
                tuple(9L, "import.field-too-long"),
                tuple(10L, "import.created-invalid"),
                tuple(11L, "import.invalid-json"));
        assertThat(report.errors()).extracting(e -> messages.getMessage(e.messageKey(), e.args().toArray(),
                java.util.Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "不是有效的 JSON 对象。",
                "缺少必填字段“id”。",
                "未知的类别“其他”。",
                "请填写名称。",
                "请至少填写一条主要措施或操作步骤。",
                "字段“measures”的格式不正确：应为文本（measures、steps、tags 为文本列表）。",
                "字段“title”过长：最多 100 个字符。",
                "创建日期“2016年3月”无法识别，请写作 2016-03-18 这样的日期。",
                "不是有效的 JSON 对象。");
        assertThat(byExternalId(u + "-good").revision().content().title()).isEqualTo("好的一行");
        assertThat(byExternalId(u + "-good2").revision().content().title()).isEqualTo("另一行好的");
    }

    @Test
    void unknownDepartmentsAndBranchesAreCreatedAndAudited() {
        signInAs(users, securityContexts, "admin");
        String department = "某省导入测试厅" + unique();
        String u = unique();

        importFile(file(with(with(entry(u, "新部门的工作法"), "department", department), "branch", "办公室党支部")),
                MethodStatus.PUBLISHED);

        MethodDetail method = byExternalId(u);
        assertThat(method.departmentName()).isEqualTo(department);
        assertThat(method.branchName()).isEqualTo("办公室党支部");
        assertThat(organisation.findBranches(new BranchFilter(null, method.originDepartmentId(), null),
                PageRequest.ofPage(0, 10, "name", true))).extracting(b -> b.name()).containsExactly("办公室党支部");
        assertThat(audit.find(new AuditFilter(null, null, String.valueOf(method.originDepartmentId()), null, null),
                PageRequest.ofPage(0, 10, null, false))).extracting(AuditEntry::action).contains("department.created");
    }

    @Test
    void aLineThatFailsInsideItsTransactionLeavesNothingBehind() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        Map<String, Object> entry = entry(u, "已发布的工作法");
        importFile(file(entry), MethodStatus.PUBLISHED);
        String department = "回滚测试部" + unique();

        // The new department is written before the method turns out not to be importable as a draft.
        ImportReport report = importFile(file(with(with(entry, "department", department), "problem", "改过的问题")),
                MethodStatus.DRAFT);

        assertThat(report.errors()).extracting(ImportError::line, ImportError::code)
                .containsExactly(tuple(1L, "import.published-as-draft"));
        assertThat(organisation.countDepartments(department, null)).isZero();
        MethodDetail method = byExternalId(u);
        assertThat(method.latestRevision()).isEqualTo(1);
        assertThat(method.departmentName()).isEqualTo("财政部");
        assertThat(method.revision().content().problem()).isEqualTo("项目多、时间紧，评审口径不一。");
    }

    @Test
    void theSameIdTwiceInOneFileIsOneMethodWithTwoRevisions() {
        signInAs(users, securityContexts, "admin");
        String u = unique();

        ImportReport report = importFile(file(entry(u, "第一稿"), entry(u, "第二稿")), MethodStatus.PUBLISHED);

        assertThat(report).isEqualTo(new ImportReport(1, 1, 0, 0, List.of()));
        MethodDetail method = byExternalId(u);
        assertThat(method.latestRevision()).isEqualTo(2);
        assertThat(method.revision().content().title()).isEqualTo("第二稿");
    }

    @Test
    void draftsAreVisibleOnlyToAdminsAndReviewersOfTheOriginAndPublishingOneLaterAddsNoRevision() {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        String file = file(entry(u, "草稿导入"));

        assertThat(importFile(file, MethodStatus.DRAFT).created()).isEqualTo(1);
        long id = byExternalId(u).id();
        assertThat(methods.get(id).status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(methods.get(id).publishedRevision()).isNull();
        assertThat(exportedIds()).contains(u);
        signInAs(users, securityContexts, "reviewer");
        assertThat(exportedIds()).contains(u);
        signInAs(users, securityContexts, "member");
        assertThat(exportedIds()).doesNotContain(u);
        assertThatThrownBy(() -> methods.get(id)).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("method.not-found"));

        signInAs(users, securityContexts, "admin");
        assertThat(importFile(file, MethodStatus.PUBLISHED).updated()).isEqualTo(1);
        MethodDetail published = methods.get(id);
        assertThat(published.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(published.publishedRevision()).isEqualTo(1);
        assertThat(published.latestRevision()).isEqualTo(1);
        signInAs(users, securityContexts, "member");
        assertThat(exportedIds()).contains(u);
    }

    @Test
    void exportWritesTheCorpusFormatWithPortalIdsForMethodsWithoutASourceId() throws IOException {
        signInAs(users, securityContexts, "secretary");
        String title = "本地起草" + unique();
        MethodDetail draft = methods.createDraft(new org.methodportal.method.MethodContent(title, null,
                org.methodportal.method.Category.COHESION, "问题", null, List.of("措施"), List.of(), null, null,
                List.of("标签"), "**正文**"), null, null, null);

        JsonNode line = exported().stream().filter(n -> n.path("id").asString().equals("portal-" + draft.id()))
                .findFirst().orElseThrow();

        assertThat(line.path("title").asString()).isEqualTo(title);
        assertThat(line.path("category").asString()).isEqualTo("凝心聚力");
        assertThat(line.path("department").asString()).isEqualTo("财政部");
        assertThat(line.path("branch").asString()).isEqualTo("预算司党支部");
        assertThat(line.path("measures").get(0).asString()).isEqualTo("措施");
        assertThat(line.path("steps").isArray()).isTrue();
        assertThat(line.path("body").asString()).isEqualTo("**正文**");
        assertThat(line.has("summary")).isFalse();
        assertThat(line.path("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00");
        assertThat(events.stream(ExportCompleted.class)).hasSize(1);
    }

    @Test
    void eachRunIsAuditedOnceWithItsCountsBesideThePerMethodEvents() {
        signInAs(users, securityContexts, "admin");
        String u = unique();

        importFile(file(entry(u + "-1", "甲"), entry(u + "-2", "乙"), "not json"), MethodStatus.PUBLISHED);

        assertThat(events.stream(ImportCompleted.class)).singleElement().satisfies(e -> {
            assertThat(e.report().created()).isEqualTo(2);
            assertThat(e.report().failed()).isEqualTo(1);
            assertThat(e.detail()).isEqualTo("PUBLISHED: created 2, updated 0, unchanged 0, failed 1");
        });
        // New methods of one batch are announced together, audited and indexed like one by one.
        List<MethodEvent> batch = events.stream(MethodsImported.class).flatMap(e -> e.events().stream()).toList();
        assertThat(batch).filteredOn(MethodRevisionEvent.class::isInstance).extracting(MethodEvent::action)
                .containsExactly("method.created", "method.created");
        assertThat(batch).filteredOn(MethodImported.class::isInstance).map(e -> ((MethodImported) e).externalId())
                .containsExactly(u + "-1", u + "-2");
        assertThat(audit.find(new AuditFilter(null, "import.completed", "test.jsonl", null, null),
                PageRequest.ofPage(0, 50, null, false))).isNotEmpty();
    }

    @Test
    void onlyAdministratorsImport() {
        signInAs(users, securityContexts, "reviewer");

        assertThatThrownBy(() -> importFile(file(entry(unique(), "审核人不能导入")), MethodStatus.PUBLISHED))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> importer.importMethod(new ImportedMethod("x", new org.methodportal.method.MethodContent(
                "t", null, org.methodportal.method.Category.COHESION, "p", null, List.of("m"), List.of(), null, null,
                List.of(), null), "财政部", "预算司党支部", null, null), MethodStatus.PUBLISHED, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyPublishedOrDraftMayBeImported() {
        signInAs(users, securityContexts, "admin");

        assertThatThrownBy(() -> importFile(file(entry(unique(), "x")), MethodStatus.IN_REVIEW))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code())
                        .isEqualTo("import.status-invalid"));
    }

    @Test
    void aFileOverTheSizeLimitStopsWithAReportLine() {
        signInAs(users, securityContexts, "admin");
        var small = new ImportExportService(importer, exporter, new ImportProperties(DataSize.ofBytes(1500), 500),
                currentUser, authentication, messages, publisher, new BulkWrites());
        String u = unique();
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(entry(u + "-" + i, "上限" + i));
        }

        ImportReport report = small.importLines(stream(file(lines.toArray())), MethodStatus.PUBLISHED, "big.jsonl",
                ImportProgress.NONE);

        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("import.too-large"));
        assertThat(report.created()).isLessThan(5);
    }

    @Test
    void aBackgroundImportReportsProgressAndDeletesItsFile() throws Exception {
        signInAs(users, securityContexts, "admin");
        String u = unique();
        Path file = Files.createTempFile("import-test", ".jsonl");
        Files.writeString(file, file(entry(u + "-1", "后台一"), entry(u + "-2", "后台二")), UTF_8);
        List<Long> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        ImportReport report = service.importFileInBackground(file, MethodStatus.PUBLISHED, "bg.jsonl",
                (line, bytes) -> lines.add(line)).get(30, TimeUnit.SECONDS);

        assertThat(report.created()).isEqualTo(2);
        // Progress is told after each batch (a file of two lines is one batch).
        assertThat(lines).containsExactly(2L);
        assertThat(file).doesNotExist();
        assertThat(byExternalId(u + "-2").ownerName()).isEqualTo("系统管理员");
    }

    @Test
    void theWholeCorpusImportsAndASecondRunChangesNothing() throws IOException {
        signInAs(users, securityContexts, "admin");

        ImportReport first;
        try (var in = Files.newInputStream(CORPUS)) {
            first = service.importLines(in, MethodStatus.PUBLISHED, "methods.jsonl", ImportProgress.NONE);
        }
        ImportReport second;
        try (var in = Files.newInputStream(CORPUS)) {
            second = service.importLines(in, MethodStatus.PUBLISHED, "methods.jsonl", ImportProgress.NONE);
        }

        assertThat(first).isEqualTo(new ImportReport(60, 0, 0, 0, List.of()));
        assertThat(second).isEqualTo(new ImportReport(0, 0, 60, 0, List.of()));
        MethodDetail m001 = byExternalId("m001");
        assertThat(m001.revision().content().title()).isEqualTo("“三审三核”工作法");
        assertThat(m001.departmentName()).isEqualTo("某部财务司");
        assertThat(m001.rawPractice()).startsWith("我们处一到编预算就跟打仗一样");
        List<JsonNode> exported = exported().stream().filter(n -> n.path("id").asString().matches("m\\d{3}")).toList();
        assertThat(exported).hasSize(60);
        List<String> source = Files.readAllLines(CORPUS, UTF_8).stream().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < 60; i++) {
            assertThat(exported.get(i)).as(source.get(i)).isEqualTo(Entries.JSON.readTree(source.get(i)));
        }
    }

    private ImportReport importFile(String file, MethodStatus status) {
        return service.importLines(stream(file), status, "test.jsonl", ImportProgress.NONE);
    }

    /** The method as the signed-in user sees it. */
    private MethodDetail byExternalId(String externalId) {
        return methods.get(mapper.findIdByExternalId(externalId).orElseThrow());
    }

    private List<String> exportedIds() {
        return exported().stream().map(n -> n.path("id").asString()).toList();
    }

    private List<JsonNode> exported() {
        var out = new ByteArrayOutputStream();
        try {
            service.export(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(UTF_8).lines().map(Entries.JSON::readTree).toList();
    }
}
