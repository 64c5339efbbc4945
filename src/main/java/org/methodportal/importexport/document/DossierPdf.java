package org.methodportal.importexport.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/** Renders a document's XHTML ({@link DossierHtml}) to PDF with the Chinese font embedded. */
public final class DossierPdf {

    private DossierPdf() {
    }

    public static byte[] render(Document html, CjkFont font) throws IOException {
        var out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument(); CjkFont.Loaded loaded = font.load(pdf)) {
            var builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.useFont(new PDFontSupplier(loaded.font()), DossierHtml.FONT_FAMILY);
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "");
            builder.withProducer("支部工作法库");
            builder.toStream(out);
            builder.run();
        }
        return out.toByteArray();
    }
}
