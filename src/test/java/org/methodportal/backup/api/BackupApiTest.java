package org.methodportal.backup.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiTest
class BackupApiTest {

    private static final String PASSWORD = "portal-demo-2026";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AuditService audit;
    @Autowired
    SystemAuthentication system;

    @Test
    void anAdministratorDownloadsTheWholeDatabaseAndTheDownloadIsAudited() throws Exception {
        long before = backupsAudited();

        MvcTestResult result = mvc.get().uri("/api/v1/admin/backup").with(httpBasic("admin", PASSWORD)).exchange();

        assertThat(result).hasStatusOk().hasContentType("application/zip");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .matches("attachment; filename=\"method-portal-\\d{8}-\\d{6}\\.zip\"");
        List<String> entries = new ArrayList<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).contains("manifest.json", "tables/account.jsonl", "tables/method_revision.jsonl",
                "tables/audit_event.jsonl", "tables/account_mfa.jsonl", "tables/api_token.jsonl");
        assertThat(entries).doesNotContain("tables/flyway_schema_history.jsonl");
        assertThat(backupsAudited()).isEqualTo(before + 1);
    }

    @Test
    void othersAreRefused() {
        assertProblem(mvc.get().uri("/api/v1/admin/backup").with(httpBasic("reviewer", PASSWORD)).exchange(),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    private long backupsAudited() {
        return system.callAsSystem(() -> audit.count(new AuditFilter(null, "backup.taken", null, null, null)));
    }
}
