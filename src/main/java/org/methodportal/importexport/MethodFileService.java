package org.methodportal.importexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jsoup.nodes.Document;

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
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodService;
import org.methodportal.method.ProvenanceSource;
import org.methodportal.review.ReviewService;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchService;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PageRequest;
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
    /** Methods in one exported category or search result: a document to read, not a backup (that is the export). */
    public static final int COLLECTION_MAX = 100;
    private static final int FILE_NAME_MAX = 80;
    /** The start of every ZIP file, hence of every .docx. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final MethodService methods;
    private final SearchService search;
    private final ReviewService reviews;
    private final ProvenanceSource provenance;
    private final AdoptionService adoptions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final DocumentProperties properties;
    private final Clock clock;

    MethodFileService(MethodService methods, SearchService search, ReviewService reviews, ProvenanceSource provenance,
                      AdoptionService adoptions, CurrentUser currentUser, MessageSource messages,
                      DocumentProperties properties, Clock clock) {
        this.methods = methods;
        this.search = search;
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
        return method(methodId, DocumentFormat.PDF, locale);
    }

    /** The method as the caller sees it, as a Word file in the template {@link #readWord} reads. */
    public MethodFile word(long methodId, Locale locale) {
        return method(methodId, DocumentFormat.WORD, locale);
    }

    public MethodFile method(long methodId, DocumentFormat format, Locale locale) {
        MethodDossier dossier = dossier(methodId);
        Labels labels = labels(locale);
        return render(fileName(dossier.method().revision().content().title(), dossier.method().id()), format,
                () -> DossierHtml.of(dossier, labels), () -> DossierDocx.of(dossier, labels));
    }

    /**
     * The published methods of a category, by title, in one document with a table of contents (the
     * first {@value #COLLECTION_MAX}).
     */
    public MethodFile category(Category category, DocumentFormat format, Locale locale) {
        List<Long> ids = methods.browse(new MethodFilter(category, null, MethodStatus.PUBLISHED, null, null, false, null),
                new PageRequest(0, COLLECTION_MAX, "title", true)).content().stream().map(MethodSummary::id).toList();
        Labels labels = labels(locale);
        String title = labels.get("importexport.document.category-title", labels.get("method.category." + category.name()));
        return collection(title, ids, format, labels);
    }

    /** The hits of a search in their order, the first {@value #COLLECTION_MAX}, in one document. */
    public MethodFile searchResult(SearchRequest request, DocumentFormat format, Locale locale) {
        var all = new SearchRequest(request.text(), request.category(), request.departmentId(), request.status(),
                request.tag(), request.year(), request.sort(), 0, COLLECTION_MAX, request.adopted());
        List<Long> ids = search.search(all).hits().stream().map(SearchHit::id).toList();
        Labels labels = labels(locale);
        String title = request.text().isBlank() ? labels.get("importexport.document.search-title-all")
                : labels.get("importexport.document.search-title", request.text());
        return collection(title, ids, format, labels);
    }

    private MethodFile collection(String title, List<Long> ids, DocumentFormat format, Labels labels) {
        List<MethodDossier> dossiers = ids.stream().map(this::dossier).toList();
        return render(fileName(title, 0), format, () -> DossierHtml.collection(title, dossiers, labels),
                () -> DossierDocx.collection(title, dossiers, labels));
    }

    private MethodFile render(String name, DocumentFormat format, Supplier<Document> html, WordWriter word) {
        try {
            if (format == DocumentFormat.WORD) {
                return new MethodFile(name + format.extension(), format.contentType(), word.write());
            }
            CjkFont font = CjkFont.find(properties.font()).orElseThrow(() -> {
                log.error("PDF export needs a TrueType font with Chinese glyphs: set portal.documents.font or install "
                        + "fonts-wqy-zenhei");
                return new PortalException(PortalException.Kind.UNAVAILABLE, "document.pdf-font-missing");
            });
            return new MethodFile(name + format.extension(), format.contentType(), DossierPdf.render(html.get(), font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface WordWriter {
        byte[] write() throws IOException;
    }

    /** Whether PDFs can be made here: a font with Chinese glyphs is installed or configured. */
    public boolean pdfAvailable() {
        return CjkFont.find(properties.font()).isPresent();
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

    /** A title as a file name every system accepts: no path or reserved characters, not too long. */
    static String fileName(String title, long methodId) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            name = "method-" + methodId;
        }
        return name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name;
    }
}
