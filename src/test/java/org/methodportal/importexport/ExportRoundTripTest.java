package org.methodportal.importexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.importexport.Entries.entry;
import static org.methodportal.importexport.Entries.file;
import static org.methodportal.importexport.Entries.stream;
import static org.methodportal.importexport.Entries.unique;
import static org.methodportal.importexport.Entries.with;
import static org.methodportal.shared.TestUsers.signInAs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.PortalApplication;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.Branch;
import org.methodportal.account.BranchForm;
import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;

/**
 * Export → import into an empty portal reproduces the entries. The source is the shared
 * test portal with imported entries, drafts and revised methods of its own; the target is a
 * second application on a fresh database without demo data, where one administrator is created
 * to run the import.
 */
@ServiceTest
class ExportRoundTripTest {

    @Autowired
    ImportExportService service;
    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void anExportImportedIntoAnEmptyPortalReproducesEveryEntry() {
        String u = unique();
        signInAs(users, securityContexts, "admin");
        service.importLines(stream(file(entry(u + "-1", "“五对接”工作法"),
                with(with(entry(u + "-2", "“接地气”工作法"), "department", "某省新厅" + u), "branch", "办公室党支部"))),
                MethodStatus.PUBLISHED, "source.jsonl", ImportProgress.NONE);
        service.importLines(stream(file(entry(u + "-3", "导入的草稿"))), MethodStatus.DRAFT, "source.jsonl",
                ImportProgress.NONE);
        signInAs(users, securityContexts, "secretary");
        MethodDetail draft = methods.createDraft(content("本地草稿" + u, null), null, null, "初稿");
        methods.saveRevision(draft.id(), content("本地草稿（修订）" + u, "**正文**与[链接](https://example.org)"), 1, "修订");
        signInAs(users, securityContexts, "admin");
        byte[] exported = export(service);
        List<JsonNode> source = lines(exported);

        List<JsonNode> reproduced;
        try (ConfigurableApplicationContext empty = emptyPortal()) {
            ImportExportService target = empty.getBean(ImportExportService.class);
            SystemAuthentication authentication = empty.getBean(SystemAuthentication.class);
            PortalUser importer = administratorOf(empty);
            ImportReport report = authentication.callAs(importer, () -> target.importLines(
                    new ByteArrayInputStream(exported), MethodStatus.PUBLISHED, "export.jsonl", ImportProgress.NONE));
            assertThat(report.errors()).isEmpty();
            assertThat(report.created()).isEqualTo(source.size());
            reproduced = lines(authentication.callAs(importer, () -> export(target)));
        }

        assertThat(source).extracting(n -> n.path("id").asString())
                .contains(u + "-1", u + "-2", u + "-3", "portal-" + draft.id());
        assertThat(reproduced).containsExactlyElementsOf(source);
    }

    private static ConfigurableApplicationContext emptyPortal() {
        // Arguments, not default properties, which application-test.yaml (demo data on) would override.
        return new SpringApplicationBuilder(PortalApplication.class)
                .profiles("test")
                .run("--spring.config.location=classpath:/", "--portal.seed.demo=false", "--server.port=0",
                        "--spring.main.banner-mode=off");
    }

    /** The empty portal's first administrator, created by the system as an installation would. */
    private static PortalUser administratorOf(ConfigurableApplicationContext portal) {
        SystemAuthentication authentication = portal.getBean(SystemAuthentication.class);
        authentication.runAsSystem(() -> {
            OrganisationService organisation = portal.getBean(OrganisationService.class);
            Department department = organisation.createDepartment(new DepartmentForm("机关工委", null));
            Branch branch = organisation.createBranch(new BranchForm(department.id(), "组织部党支部"));
            portal.getBean(AccountService.class).create(new AccountForm("importer", "导入管理员", branch.id(),
                    Set.of(Role.ADMIN), Set.of()), "importer-password-1");
        });
        return (PortalUser) portal.getBean(UserDetailsService.class).loadUserByUsername("importer");
    }

    private static byte[] export(ImportExportService service) {
        var out = new ByteArrayOutputStream();
        try {
            service.export(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<JsonNode> lines(byte[] file) {
        return new String(file, UTF_8).lines().map(Entries.JSON::readTree).toList();
    }

    private static MethodContent content(String title, String body) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "群众办事跑多趟", "一次办好",
                List.of("梳理事项", "一窗受理"), List.of("调研", "试点", "推广"), "办事时间缩短", "窗口单位",
                List.of("一次办好", "窗口"), body);
    }
}
