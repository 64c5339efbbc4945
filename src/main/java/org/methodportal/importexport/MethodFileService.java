package org.methodportal.importexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.importexport.document.CjkFont;
import org.methodportal.importexport.document.DossierDocx;
import org.methodportal.importexport.document.DossierHtml;
import org.methodportal.importexport.document.DossierPdf;
import org.methodportal.importexport.document.Labels;
import org.methodportal.importexport.document.MethodDossier;
import org.methodportal.importexport.document.WordDraftReader;
import org.methodportal.method.Category;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.ProvenanceSource;
import org.methodportal.review.ReviewService;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A method as a document to print, attach or send (PDF, Word), with its review record and where it
 * is used, as the reader may see it; and a method drafted in Word as a new draft of its author.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MethodFileService {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final Logger log = LoggerFactory.getLogger(MethodFileService.class);
    private static final int FILE_NAME_MAX = 80;
    /** The start of every ZIP file, hence of every .docx. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final MethodService methods;
    private final ReviewService reviews;
    private final ProvenanceSource provenance;
    private final AdoptionService adoptions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final DocumentProperties properties;
    private final Clock clock;

    MethodFileService(MethodService methods, ReviewService reviews, ProvenanceSource provenance,
                      AdoptionService adoptions, CurrentUser currentUser, MessageSource messages,
                      DocumentProperties properties, Clock clock) {
        this.methods = methods;
        this.reviews = reviews;
        this.provenance = provenance;
        this.adoptions = adoptions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** The method as the caller sees it, as a PDF with the Chinese font embedded. */
    public MethodFile pdf(long methodId, Locale locale) {
        MethodDossier dossier = dossier(methodId);
        CjkFont font = CjkFont.find(properties.font()).orElseThrow(() -> {
            log.error("PDF export needs a TrueType font with Chinese glyphs: set portal.documents.font or install "
                    + "fonts-wqy-zenhei");
            return new PortalException(PortalException.Kind.UNAVAILABLE, "document.pdf-font-missing");
        });
        try {
            byte[] pdf = DossierPdf.render(DossierHtml.of(dossier, labels(locale)), font);
            return new MethodFile(fileName(dossier, ".pdf"), PDF, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The method as the caller sees it, as a Word file in the template {@link #readWord} reads. */
    public MethodFile word(long methodId, Locale locale) {
        MethodDossier dossier = dossier(methodId);
        try {
            return new MethodFile(fileName(dossier, ".docx"), DOCX, DossierDocx.of(dossier, labels(locale)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest Word file {@link #readWord} takes. */
    public long wordMaxSize() {
        return properties.wordMaxSize().toBytes();
    }

    /**
     * What a Word file would make of a new draft, without saving anything: an invalid
     * {@link PortalException} when the file is too large, no Word file or holds no method.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'REVIEWER', 'ADMIN')")
    public WordDraft readWord(String fileName, byte[] content) {
        if (content.length > wordMaxSize()) {
            throw PortalException.invalid("document.word-too-large", fileName, properties.wordMaxSize().toMegabytes());
        }
        if (content.length < ZIP.length || !java.util.Arrays.equals(content, 0, ZIP.length, ZIP, 0, ZIP.length)) {
            throw PortalException.invalid("document.word-unreadable", fileName);
        }
        String name = fileName.replaceAll("\\p{Cntrl}", "").strip();
        return WordDraftReader.read(content, name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name);
    }

    /**
     * A new draft of the caller from a Word file read by {@link #readWord}; {@code category} is the one
     * the author chose when the file names none (or overrides it). Checked like any draft.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARY', 'REVIEWER', 'ADMIN')")
    public MethodDetail createDraft(WordDraft draft, @Nullable Category category) {
        String note = messages.getMessage("importexport.word.change-note", new Object[] {draft.fileName()},
                Locale.SIMPLIFIED_CHINESE);
        MethodDetail created = methods.createDraft(draft.content(category), null, null, note);
        log.info("draft {} created from Word file {} by {}", created.id(), draft.fileName(), currentUser.require().login());
        return created;
    }

    private MethodDossier dossier(long methodId) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        return new MethodDossier(method, provenance.provenance(methodId), reviews.publishedAverages(methodId),
                reviews.record(methodId), adoptions.summary(methodId), clock.instant(), user.displayName());
    }

    private Labels labels(Locale locale) {
        return new Labels() {
            @Override
            public String get(String key, Object... args) {
                return messages.getMessage(key, args, key, locale);
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }

    /** The title as a file name every system accepts: no path or reserved characters, not too long. */
    static String fileName(MethodDossier dossier, String extension) {
        String title = dossier.method().revision().content().title()
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        if (title.isEmpty()) {
            title = "method-" + dossier.method().id();
        }
        return (title.length() > FILE_NAME_MAX ? title.substring(0, FILE_NAME_MAX) : title) + extension;
    }
}
