package org.methodportal.importexport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class MethodFileApiTest {

    private static final String WUDUIJIE = "“五对接”工作法";

    @Autowired
    MockMvcTester mvc;

    @Test
    void aMemberDownloadsAPublishedMethodAsPdfAndAsWordNamedByItsTitle() throws IOException {
        long id = publishedId(WUDUIJIE);

        MvcTestResult pdf = as("member", mvc.get().uri("/api/v1/methods/" + id + "/pdf")).exchange();
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        assertThat(ContentDisposition.parse(pdf.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                .isEqualTo(WUDUIJIE + ".pdf");
        assertThat(pdf.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        try (var document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains(WUDUIJIE, "针对问题", "审核记录", "推广采用");
        }

        MvcTestResult word = as("member", mvc.get().uri("/api/v1/methods/" + id + "/docx")).exchange();
        assertThat(word).hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(text(word.getResponse().getContentAsByteArray())).contains(WUDUIJIE, "主要措施", "目标对接");

        assertProblem(as("member", mvc.get().uri("/api/v1/methods/987654321/pdf")).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
    }

    @Test
    void aCategoryAndASearchResultExportAsOneDocumentWithContents() throws IOException {
        MvcTestResult category = as("member", mvc.get().uri("/api/v1/categories/发挥党建优势/pdf")).exchange();
        assertThat(category).hasStatusOk().hasContentType("application/pdf");
        try (var document = Loader.loadPDF(category.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("目录", WUDUIJIE);
        }
        assertProblem(as("member", mvc.get().uri("/api/v1/categories/综合类/pdf")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT,
                "method.category-unknown");

        MvcTestResult search = as("member", mvc.get().uri("/api/v1/search/docx?q=五对接")).exchange();
        assertThat(search).hasStatusOk();
        assertThat(text(search.getResponse().getContentAsByteArray())).contains("搜索“五对接”的结果", "目录", WUDUIJIE);
    }

    @Test
    void aSecretaryImportsAWordFileAfterADryRunAndMembersMayNot() throws IOException {
        byte[] word = as("member", mvc.get().uri("/api/v1/methods/" + publishedId(WUDUIJIE) + "/docx")).exchange()
                .getResponse().getContentAsByteArray();

        MvcTestResult dryRun = upload("secretary2", "五对接.docx", word, "?dryRun=true");
        assertThat(dryRun).hasStatusOk();
        assertThat(dryRun).bodyJson().extractingPath("$.method").isNull();
        assertThat(dryRun).bodyJson().extractingPath("$.fields.title").isEqualTo(WUDUIJIE);
        assertThat(dryRun).bodyJson().extractingPath("$.fields.category").isEqualTo("发挥党建优势");
        List<String> unmapped = JsonPath.read(body(dryRun), "$.unmapped");
        assertThat(unmapped).contains("审核记录");

        MvcTestResult created = upload("secretary2", "五对接.docx", word, "");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.method.status").isEqualTo("DRAFT");
        assertThat(created).bodyJson().extractingPath("$.method.title").isEqualTo(WUDUIJIE);

        assertProblem(upload("member", "五对接.docx", word, ""), HttpStatus.FORBIDDEN, "auth.forbidden");
        MvcTestResult broken = upload("secretary2", "坏.docx", "不是 Word".getBytes(StandardCharsets.UTF_8), "");
        assertProblem(broken, HttpStatus.UNPROCESSABLE_CONTENT, "document.word-unreadable");
        assertThat(body(broken)).contains("无法读取文件“坏.docx”");
    }

    private MvcTestResult upload(String login, String name, byte[] content, String query) {
        return mvc.post().uri("/api/v1/proposals/word" + query).multipart()
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(httpBasic(login, Api.PASSWORD)).exchange();
    }

    private static String text(byte[] docx) throws IOException {
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx));
             var extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private long publishedId(String title) {
        return Api.publishedDemoId(mvc, title);
    }
}
