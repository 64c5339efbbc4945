package org.methodportal.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.PortalException;

class AttachmentFilesTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void theKindComesFromTheBytesAndTheExtensionMustAgree() throws IOException {
        assertThat(AttachmentFiles.recognise("总结.pdf", PDF)).isEqualTo(AttachmentFiles.Kind.PDF);
        assertThat(AttachmentFiles.recognise("照片.PNG", PNG)).isEqualTo(AttachmentFiles.Kind.PNG);
        assertThat(AttachmentFiles.recognise("照片.jpeg", JPEG)).isEqualTo(AttachmentFiles.Kind.JPEG);
        assertThat(AttachmentFiles.recognise("记录.docx", office("word/document.xml"))).isEqualTo(AttachmentFiles.Kind.DOCX);
        assertThat(AttachmentFiles.recognise("台账.xlsx", office("xl/workbook.xml"))).isEqualTo(AttachmentFiles.Kind.XLSX);
        assertThat(AttachmentFiles.recognise("汇报.pptx", office("ppt/presentation.xml"))).isEqualTo(AttachmentFiles.Kind.PPTX);
        assertThat(AttachmentFiles.recognise("说明.txt", "第一次试行\r\n\t效果好".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AttachmentFiles.Kind.TEXT);
        assertThat(AttachmentFiles.Kind.TEXT.contentType()).isEqualTo("text/plain;charset=UTF-8");

        assertRefused("伪装.pdf", PNG, "adoption.attachment-extension");
        assertRefused("报告.txt", PDF, "adoption.attachment-extension");
        assertRefused("程序.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "adoption.attachment-type");
        assertRefused("页面.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                "adoption.attachment-extension");
        assertRefused("gbk.txt", "采用".getBytes(java.nio.charset.Charset.forName("GBK")), "adoption.attachment-type");
        assertRefused("控制.txt", "a\u0000b".getBytes(StandardCharsets.UTF_8), "adoption.attachment-type");
        assertRefused("归档.zip", office("word/document.xml"), "adoption.attachment-type");
        assertRefused("假文档.docx", office("payload.exe"), "adoption.attachment-type");
        assertRefused("错位.xlsx", office("word/document.xml"), "adoption.attachment-type");
        assertRefused("空.pdf", new byte[0], "adoption.attachment-empty");
    }

    @Test
    void namesLoseTheirPathControlCharactersAndExcessLength() {
        assertThat(AttachmentFiles.safeName("C:\\Users\\李\\Desktop\\活动 照片.jpg")).isEqualTo("活动 照片.jpg");
        assertThat(AttachmentFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentFiles.safeName("..")).isEqualTo("attachment");
        assertThat(AttachmentFiles.safeName(null)).isEqualTo("attachment");
        assertThat(AttachmentFiles.safeName("报告\u202Egpj.exe")).as("right-to-left override").isEqualTo("报告gpj.exe");
        assertThat(AttachmentFiles.safeName("a\r\nb\u0000c\".pdf")).isEqualTo("abc_.pdf");
        assertThat(AttachmentFiles.safeName(".hidden.txt")).isEqualTo("hidden.txt");
        String longName = AttachmentFiles.safeName("很".repeat(300) + ".docx");
        assertThat(longName).hasSize(AttachmentFiles.NAME_MAX).endsWith("很.docx");
        assertThat(AttachmentFiles.named("attachment", AttachmentFiles.Kind.PDF)).isEqualTo("attachment.pdf");
        assertThat(AttachmentFiles.named("a.pdf", AttachmentFiles.Kind.PDF)).isEqualTo("a.pdf");
    }

    static byte[] office(String mainPart) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"[Content_Types].xml", "_rels/.rels", mainPart}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void assertRefused(String name, byte[] content, String code) {
        assertThatThrownBy(() -> AttachmentFiles.recognise(name, content)).as(name)
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
