package org.methodportal.importexport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.methodportal.account.Branch;
import org.methodportal.importexport.ImportReport.ImportError;
import org.methodportal.method.ImportBatchResult;
import org.methodportal.method.ImportedMethod;
import org.methodportal.method.ImportOutcome;
import org.methodportal.method.MethodExportService;
import org.methodportal.method.MethodImportService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.OriginName;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import and export of methods as JSON lines. Files are read and written line by line,
 * never held in memory as a whole. Entries are imported a batch at a time
 * ({@code portal.import.batch-size}), each batch in one transaction of {@link MethodImportService}:
 * this service deliberately runs outside any transaction, so the batches before a failure are kept,
 * a crash half way leaves only whole batches, and importing the file again skips what is there.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ImportExportService {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final Logger log = LoggerFactory.getLogger(ImportExportService.class);
    private static final int EXPORT_PAGE = 200;
    private static final int SOURCE_MAX = 100;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final MethodImportService importer;
    private final MethodExportService exporter;
    private final ImportProperties properties;
    private final CurrentUser currentUser;
    private final SystemAuthentication authentication;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final BulkWrites bulkWrites;

    ImportExportService(MethodImportService importer, MethodExportService exporter, ImportProperties properties,
                        CurrentUser currentUser, SystemAuthentication authentication, MessageSource messages,
                        ApplicationEventPublisher events, BulkWrites bulkWrites) {
        this.importer = importer;
        this.exporter = exporter;
        this.properties = properties;
        this.currentUser = currentUser;
        this.authentication = authentication;
        this.messages = messages;
        this.events = events;
        this.bulkWrites = bulkWrites;
    }

    /** The largest file an import accepts, in bytes. */
    public long maxSize() {
        return properties.maxSize().toBytes();
    }

    /**
     * Imports the JSON lines of {@code in} with {@code status} PUBLISHED or DRAFT. Bad lines are
     * reported with their number and skipped; the rest is imported. {@code source} names the file in
     * the change notes and the audit trail.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importLines(InputStream in, MethodStatus status, String source, ImportProgress progress) {
        return run(in, status, source, progress);
    }

    /**
     * Imports a file in the background for the signed-in administrator and reports progress as it
     * goes; the file is deleted afterwards.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public CompletableFuture<ImportReport> importFileInBackground(Path file, MethodStatus status, String source,
                                                                  ImportProgress progress) {
        checkStatus(status);
        PortalUser admin = currentUser.require();
        var result = new CompletableFuture<ImportReport>();
        Thread.ofVirtual().name("import-" + admin.login()).start(() -> {
            ImportReport report = null;
            Exception failure = null;
            try (InputStream in = Files.newInputStream(file)) {
                report = authentication.callAs(admin, () -> run(in, status, source, progress));
            } catch (IOException | RuntimeException e) {
                log.error("import of {} by {} failed", source, admin.login(), e);
                failure = e;
            }
            deleteQuietly(file);
            if (report != null) {
                result.complete(report);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** Writes every method the caller may see, as the caller sees it, one line each; returns the count. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long export(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, UTF_8));
        long count = 0;
        long afterId = 0;
        List<MethodDetail> page;
        while (!(page = exporter.visibleAfter(afterId, EXPORT_PAGE)).isEmpty()) {
            for (MethodDetail method : page) {
                writer.write(CorpusFormat.write(method));
                writer.write('\n');
                afterId = method.id();
                count++;
            }
            writer.flush();
        }
        writer.flush();
        events.publishEvent(new ExportCompleted(count));
        log.info("{} methods exported by {}", count, currentUser.require().login());
        return count;
    }

    private ImportReport run(InputStream in, MethodStatus status, String source, ImportProgress progress) {
        checkStatus(status);
        // Change notes are content, written in the portal's working language like those of authors.
        String note = messages.getMessage("importexport.change-note", new Object[] {abbreviate(source)},
                Locale.SIMPLIFIED_CHINESE);
        var counting = new CountingInputStream(in, maxSize());
        var batches = new Batches(source, status, note, progress, counting);
        long lineNumber = 0;
        try (var bulk = bulkWrites.begin();
             var reader = new BufferedReader(new InputStreamReader(counting, UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                batches.add(lineNumber, line);
            }
            batches.flush();
        } catch (TooLargeException e) {
            batches.flush();
            batches.tally.fail(new ImportError(lineNumber + 1, "import.too-large", List.of(maxSize() / 1024 / 1024)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report = batches.tally.report();
        events.publishEvent(new ImportCompleted(source, status, report));
        log.info("import of {} ({}): {} created, {} updated, {} unchanged, {} failed", source, status,
                report.created(), report.updated(), report.unchanged(), report.failed());
        return report;
    }

    /**
     * Collects the lines of one import into batches and imports each batch in one transaction; a
     * batch that fails as a whole is imported again line by line, each in its own transaction, so
     * that the lines around a bad one are kept and the bad one is reported. One log line per batch.
     */
    private final class Batches {
        private final String source;
        private final MethodStatus status;
        private final String note;
        private final ImportProgress progress;
        private final CountingInputStream counting;
        private final Tally tally = new Tally();
        private final Map<OriginName, Branch> knownBranches = new HashMap<>();
        private final List<Long> lineNumbers = new ArrayList<>();
        private final List<ImportedMethod> entries = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private long lastLine;

        Batches(String source, MethodStatus status, String note, ImportProgress progress, CountingInputStream counting) {
            this.source = source;
            this.status = status;
            this.note = note;
            this.progress = progress;
            this.counting = counting;
        }

        void add(long lineNumber, String line) {
            lastLine = lineNumber;
            if (!line.isBlank()) {
                try {
                    entries.add(CorpusFormat.read(line));
                    lineNumbers.add(lineNumber);
                    lines.add(line);
                } catch (PortalException e) {
                    tally.fail(error(lineNumber, e));
                }
            }
            if (entries.size() >= properties.batchSize()) {
                flush();
            }
        }

        void flush() {
            if (entries.isEmpty()) {
                progress.lineDone(lastLine, counting.count());
                return;
            }
            long start = System.nanoTime();
            int failedBefore = tally.errors.size();
            int[] before = {tally.created, tally.updated, tally.unchanged};
            try {
                ImportBatchResult result = importer.importBatch(entries, status, note, knownBranches);
                knownBranches.putAll(result.resolvedBranches());
                for (int i = 0; i < entries.size(); i++) {
                    ImportBatchResult.Entry entry = result.entries().get(i);
                    if (entry.outcome() != null) {
                        tally.count(entry.outcome().kind());
                    } else {
                        tally.fail(error(lineNumbers.get(i), Objects.requireNonNull(entry.error())));
                    }
                }
            } catch (PortalException | DataAccessException e) {
                log.warn("import of {}: lines {}–{} rolled back together ({}); importing them one by one", source,
                        lineNumbers.getFirst(), lineNumbers.getLast(), e.getMessage());
                // Origins created by the rolled-back batch are gone; the lines find or create them again.
                knownBranches.clear();
                for (int i = 0; i < entries.size(); i++) {
                    importLine(lines.get(i), lineNumbers.get(i), status, note, tally);
                }
            }
            log.info("import of {}: lines {}–{}: {} created, {} updated, {} unchanged, {} failed in {} ms", source,
                    lineNumbers.getFirst(), lineNumbers.getLast(), tally.created - before[0],
                    tally.updated - before[1], tally.unchanged - before[2], tally.errors.size() - failedBefore,
                    (System.nanoTime() - start) / 1_000_000);
            entries.clear();
            lineNumbers.clear();
            lines.clear();
            progress.lineDone(lastLine, counting.count());
        }
    }

    private void importLine(String line, long lineNumber, MethodStatus status, String note, Tally tally) {
        try {
            ImportOutcome outcome = importer.importMethod(CorpusFormat.read(line), status, note);
            tally.count(outcome.kind());
        } catch (PortalException e) {
            tally.fail(error(lineNumber, e));
        } catch (DataAccessException e) {
            log.warn("import line {} not stored: {}", lineNumber, e.getMostSpecificCause().getMessage());
            tally.fail(new ImportError(lineNumber, "import.not-stored", List.of()));
        }
    }

    /** The editor's field errors name the field in the form; in a file, the report names it. */
    private static ImportError error(long line, PortalException e) {
        List<Object> args = List.of(e.args());
        return switch (e.code()) {
            case "method.too-long" -> new ImportError(line, "import.field-too-long", args);
            case "method.too-many-items" -> new ImportError(line, "import.too-many-items", args);
            default -> new ImportError(line, e.code(), args);
        };
    }

    private static void checkStatus(MethodStatus status) {
        if (status != MethodStatus.PUBLISHED && status != MethodStatus.DRAFT) {
            throw PortalException.invalid("import.status-invalid", status.name());
        }
    }

    private static String abbreviate(String source) {
        return source.length() <= SOURCE_MAX ? source : source.substring(0, SOURCE_MAX) + "…";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete import file {}: {}", file, e.getMessage());
        }
    }

    private static final class Tally {
        private int created;
        private int updated;
        private int unchanged;
        private final List<ImportError> errors = new ArrayList<>();

        void count(ImportOutcome.Kind kind) {
            switch (kind) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        void fail(ImportError error) {
            errors.add(error);
        }

        /** The errors by line: those of parsing are found as lines are read, those of validation with their batch. */
        ImportReport report() {
            errors.sort(Comparator.comparingLong(ImportError::line));
            return new ImportReport(created, updated, unchanged, errors.size(), errors);
        }
    }

    /** Counts the bytes read and refuses to read past the limit. */
    private static final class CountingInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        CountingInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException();
            }
        }
    }

    private static final class TooLargeException extends IOException {
    }
}
