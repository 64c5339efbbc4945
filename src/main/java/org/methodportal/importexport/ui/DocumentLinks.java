package org.methodportal.importexport.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Function;

import org.methodportal.importexport.DocumentFormat;
import org.methodportal.importexport.MethodFile;
import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * "PDF" and "Word" download links. The file is made when it is downloaded, by the service as the
 * reader may see it then; when PDFs cannot be made here (no Chinese font on the server), the PDF
 * link says so instead of leading to an error.
 */
final class DocumentLinks extends Span {

    private static final Logger log = LoggerFactory.getLogger(DocumentLinks.class);

    DocumentLinks(String idPrefix, boolean pdfAvailable, Function<DocumentFormat, MethodFile> file) {
        addClassName("document-links");
        add(link(idPrefix, DocumentFormat.PDF, pdfAvailable, file), link(idPrefix, DocumentFormat.WORD, true, file));
    }

    private Anchor link(String idPrefix, DocumentFormat format, boolean available, Function<DocumentFormat, MethodFile> file) {
        String key = format == DocumentFormat.PDF ? "importexport.document.download-pdf"
                : "importexport.document.download-word";
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                MethodFile made = file.apply(format);
                return new DownloadResponse(new ByteArrayInputStream(made.content()), made.fileName(),
                        made.contentType(), made.content().length);
            } catch (PortalException e) {
                log.info("document not made: {}", e.getMessage());
                return DownloadResponse.error(e.kind() == PortalException.Kind.NOT_FOUND ? 404 : 503);
            }
        }), AttachmentType.DOWNLOAD, "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation(key)));
        link.setId(idPrefix + "-" + format.name().toLowerCase(java.util.Locale.ROOT));
        link.addClassName("document-link");
        if (!available) {
            link.setEnabled(false);
            link.setTitle(getTranslation("error.document.pdf-font-missing"));
        }
        return link;
    }
}
