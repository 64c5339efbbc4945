package org.methodportal.importexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MarkdownRenderer;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

@ServiceTest
class MethodFileServiceTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> QUALITIES = List.of("规律性", "针对性", "操作性", "适应性", "示范性", "创造性");

    @Autowired
    MethodFileService files;
    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void aPublishedMethodAsPdfHoldsEveryFieldItsReviewAndItsAdoptionWithTheChineseFontEmbedded() throws IOException {
        MethodContent content = content();
        long id = published(content);

        signInAs(users, securityContexts, "member");
        MethodFile file = files.pdf(id, ZH);

        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).isEqualTo(content.title() + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains(squeezed(content.title()), squeezed(content.summary()),
                    squeezed(content.problem()), squeezed(content.concept()), squeezed(content.outcomes()),
                    squeezed(content.applicability()));
            content.measures().forEach(m -> assertThat(text).contains(squeezed(m)));
            content.steps().forEach(s -> assertThat(text).contains(squeezed(s)));
            content.tags().forEach(t -> assertThat(text).contains(t));
            assertThat(text).contains("针对问题", "工作理念", "主要措施", "操作步骤", "工作成效", "适用范围", "破解业务难题");
            assertThat(text).contains("审核记录", reviewerName(), "通过", "同意发布").containsSubsequence(QUALITIES);
            assertThat(text).as("the published round's averages").contains("5.0", "3.0");
            assertThat(text).contains("推广采用", "尚无支部采用", "财政部");
            assertThat(text).as("the Markdown body as formatted text").contains("重点提示").doesNotContain("**");
            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).anyMatch(f -> f instanceof PDType0Font);
        }
    }

    @Test
    void theWordFileReadsBackAsTheSameFieldsAndBecomesADraftOfTheUploader() throws IOException {
        MethodContent content = content();
        long id = published(content);

        signInAs(users, securityContexts, "member");
        MethodFile word = files.word(id, ZH);
        assertThat(word.fileName()).isEqualTo(content.title() + ".docx");
        try (var document = new XWPFDocument(new ByteArrayInputStream(word.content()));
             var extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains(content.title(), content.problem(), "审核记录", "规律性", "通过",
                    "推广采用");
        }

        signInAs(users, securityContexts, "secretary2");
        WordDraft draft = files.readWord(word.fileName(), word.content());
        assertThat(draft.title()).isEqualTo(content.title());
        assertThat(draft.category()).isEqualTo(Category.BUSINESS_PROBLEMS);
        assertThat(draft.content(null)).usingRecursiveComparison().ignoringFields("body").isEqualTo(content);
        assertThat(draft.body()).as("the body as its text: Word keeps no Markdown")
                .isEqualTo(MarkdownRenderer.plainText(content.body()));
        assertThat(draft.unmapped()).as("the record is shown as not taken").contains("审核记录", "推广采用");

        MethodDetail created = files.createDraft(draft, null);
        assertThat(created.status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(created.ownerName()).isEqualTo(methods.get(created.id()).ownerName());
        assertThat(created.revision().content().measures()).isEqualTo(content.measures());
        assertThat(created.revision().changeNote()).isEqualTo("从 Word 文件“" + word.fileName() + "”导入");
    }

    @Test
    void aDraftIsExportedOnlyToThoseWhoMaySeeIt() {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content(), null, null, null).id();
        assertThat(files.word(id, ZH).content()).isNotEmpty();

        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> files.pdf(id, ZH)).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> files.word(id, ZH)).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.NOT_FOUND));
    }

    @Test
    void onlyThoseWhoMayDraftImportAndBadFilesAreRefusedWithTheirReason() {
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> files.readWord("a.docx", new byte[] {'P', 'K', 3, 4}))
                .isInstanceOf(AuthorizationDeniedException.class);

        signInAs(users, securityContexts, "secretary");
        assertThatThrownBy(() -> files.readWord("说明.docx", "不是 Word 文件".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("document.word-unreadable"));
        byte[] huge = new byte[(int) files.wordMaxSize() + 1];
        huge[0] = 'P';
        huge[1] = 'K';
        huge[2] = 3;
        huge[3] = 4;
        assertThatThrownBy(() -> files.readWord("大.docx", huge)).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("document.word-too-large"));
    }

    /** Published through a review round with known scores, so that the document has a record to show. */
    private long published(MethodContent content) {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content, null, null, null).id();
        proposals.submit(id, 1);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(id, new ReviewRequest(1, Decision.APPROVE, new Scores(5, 4, 3, 4, 5, 4), "同意发布"));
        assertThat(methods.get(id).status()).isEqualTo(MethodStatus.PUBLISHED);
        return id;
    }

    private String reviewerName() {
        return ((PortalUser) users.loadUserByUsername("reviewer")).displayName();
    }

    private static MethodContent content() {
        String u = UUID.randomUUID().toString().substring(0, 6);
        return new MethodContent("“两册一表”工作法 " + u, "用台账、手册和进度表把预算审核的难点逐项落实。",
                Category.BUSINESS_PROBLEMS, "预算审核任务重、时间紧，难点问题容易遗漏，新同志不知道从何入手。",
                "把经验写成手册，把任务列成台账，把进度挂在墙上。",
                List.of("建立难点问题台账，逐项明确责任人", "编写审核要点手册，新同志人手一册"),
                List.of("梳理难点", "分解任务", "每周对表"), "审核差错率明显下降，新同志三个月能独立上岗。",
                "适用于承担审核、审批任务的业务司局党支部。", List.of("预算审核", "台账管理"),
                "**重点提示**：台账每周更新。");
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
