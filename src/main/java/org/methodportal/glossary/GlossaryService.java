package org.methodportal.glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.methodportal.glossary.persistence.GlossaryMapper;
import org.methodportal.glossary.persistence.HistoryRow;
import org.methodportal.glossary.persistence.TermRow;
import org.methodportal.glossary.persistence.VariantRow;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.Pinyin;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The glossary (术语表): everyone signed in reads and checks texts against it; administrators and
 * reviewers edit it (design §2). Every change is audited. Reads go to the database each time, so a
 * change applies at once to the assistant and to search synonyms, without a restart.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class GlossaryService {

    private static final Logger log = LoggerFactory.getLogger(GlossaryService.class);
    private static final String EDITORS = "hasAnyRole('ADMIN', 'REVIEWER')";
    static final Duration MATCHER_AGE = Duration.ofSeconds(30);
    private static final int MAX_TERM = 100;
    private static final int MAX_CATEGORY = 60;
    private static final int MAX_TAGS = 500;
    private static final int MAX_SEARCH_KEY = 4000;
    private static final int MAX_SORT_KEY = 600;

    private final GlossaryMapper glossary;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<MethodTexts> methodTexts;
    private final CurrentUser currentUser;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The matcher {@link #recentMatcher()} hands out while it is young enough. */
    private final AtomicReference<@Nullable BuiltMatcher> recentMatcher = new AtomicReference<>();

    GlossaryService(GlossaryMapper glossary, ApplicationEventPublisher events, Clock clock,
                    ObjectProvider<MethodTexts> methodTexts, CurrentUser currentUser) {
        this.glossary = glossary;
        this.events = events;
        this.clock = clock;
        this.methodTexts = methodTexts;
        this.currentUser = currentUser;
    }

    /**
     * Terms in pinyin order whose term, variants, pinyin (full or initials), tags or definition
     * contain {@code query}, optionally only those under one index letter (A–Z or #).
     */
    public PageResult<StandardTerm> search(@Nullable String query, @Nullable String letter, PageRequest page) {
        String pattern = query == null ? null : LikePattern.contains(Pinyin.normaliseQuery(query));
        String initial = letter == null || letter.isBlank() ? null : letter.strip().toUpperCase(Locale.ROOT);
        List<StandardTerm> terms = withVariants(glossary.find(pattern, initial, page.offset(), page.limit()));
        return new PageResult<>(terms, glossary.count(pattern, initial), page.page(), page.limit());
    }

    /** The whole glossary in pinyin order. */
    public List<StandardTerm> all() {
        return withVariants(glossary.find(null, null, 0, Integer.MAX_VALUE));
    }

    /** The A–Z index: letters that have terms, with their counts. */
    public List<LetterCount> index() {
        return glossary.countByInitial();
    }

    public StandardTerm get(long id) {
        return withVariants(List.of(row(id))).getFirst();
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public StandardTerm create(TermForm form) {
        TermForm clean = validate(form, null);
        long id = insert(clean);
        events.publishEvent(new TermCreated(id, clean.standard()));
        log.info("glossary term {} created: {}", id, clean.standard());
        return get(id);
    }

    /** Rewrites a term if nobody changed it since {@code version}. */
    @Transactional
    @PreAuthorize(EDITORS)
    public StandardTerm update(long id, int version, TermForm form) {
        row(id);
        TermForm clean = validate(form, id);
        rewrite(id, version, clean);
        events.publishEvent(new TermUpdated(id, clean.standard()));
        log.info("glossary term {} updated: {}", id, clean.standard());
        return get(id);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public void delete(long id, int version) {
        TermRow row = row(id);
        StandardTerm before = get(id);
        if (glossary.delete(id, version) == 0) {
            throw PortalException.stale("glossary.stale", row.standard());
        }
        history(id, "deleted", new TermForm(before.standard(), before.variants(), before.definition(),
                before.category(), before.tags()));
        events.publishEvent(new TermDeleted(id, row.standard()));
        log.info("glossary term {} deleted: {}", id, row.standard());
    }

    /**
     * Imports JSON lines of {@code {"standard", "variants": [...], "definition"}} (optionally
     * "category" and "tags"): new terms are added, changed ones rewritten, equal ones left alone,
     * so importing the same file twice changes nothing. All or nothing: a bad line aborts it.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public GlossaryImportReport importLines(InputStream in) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int lineNumber = 0;
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line, lineNumber);
                String standard = node.path("standard").asString("").strip();
                var existing = glossary.findIdByStandard(standard);
                StandardTerm current = existing.map(this::get).orElse(null);
                TermForm form = validate(formOf(node, current, lineNumber), existing.orElse(null));
                if (current == null) {
                    long id = insert(form);
                    events.publishEvent(new TermCreated(id, form.standard()));
                    created++;
                } else if (sameAs(current, form)) {
                    unchanged++;
                } else {
                    rewrite(current.id(), current.version(), form);
                    events.publishEvent(new TermUpdated(current.id(), form.standard()));
                    updated++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var report = new GlossaryImportReport(created, updated, unchanged);
        events.publishEvent(new TermsImported(created, updated, unchanged));
        log.info("glossary imported: {}", report);
        return report;
    }

    /** The whole glossary as JSON lines in the import format, in pinyin order. */
    public String exportLines() {
        StringBuilder out = new StringBuilder();
        for (StandardTerm term : all()) {
            ObjectNode node = json.createObjectNode();
            node.put("standard", term.standard());
            var variants = node.putArray("variants");
            term.variants().forEach(variants::add);
            node.put("definition", term.definition());
            if (term.category() != null) {
                node.put("category", term.category());
            }
            if (!term.tags().isEmpty()) {
                var tags = node.putArray("tags");
                term.tags().forEach(tags::add);
            }
            out.append(json.writeValueAsString(node)).append('\n');
        }
        return out.toString();
    }

    /** A matcher over the current glossary; it also becomes the one {@link #recentMatcher()} hands out. */
    public GlossaryMatcher matcher() {
        var fresh = new GlossaryMatcher(all());
        recentMatcher.set(new BuiltMatcher(fresh, clock.instant()));
        return fresh;
    }

    /**
     * A matcher at most {@link #MATCHER_AGE} old, for checking a text again and again as an author
     * types: reading the whole glossary on every pause would cost more than a term added a moment
     * ago is worth. An explicit check asks {@link #matcher()}.
     */
    public GlossaryMatcher recentMatcher() {
        BuiltMatcher built = recentMatcher.get();
        if (built == null || built.at().plus(MATCHER_AGE).isBefore(clock.instant())) {
            return matcher();
        }
        return built.matcher();
    }

    private record BuiltMatcher(GlossaryMatcher matcher, Instant at) {
    }

    /** The variants (地方话) in a text, with the standard terms to use instead. */
    public List<Finding> check(String text) {
        return matcher().find(text);
    }

    /**
     * The variants in each text field of a method the caller may see, field by field; those its
     * author chose to keep are marked {@link Finding#kept()}.
     */
    public List<Finding> checkMethod(long methodId) {
        Map<String, String> fields = texts(methodId).fieldsOf(methodId);
        Set<String> kept = new HashSet<>(glossary.findKeptVariants(methodId));
        GlossaryMatcher matcher = matcher();
        List<Finding> findings = new ArrayList<>();
        fields.forEach((field, text) ->
                matcher.find(text).forEach(f -> findings.add(f.inField(field, kept.contains(f.variant())))));
        return List.copyOf(findings);
    }

    /** The wordings the author of a method the caller may see chose to keep (忽略), in the order kept. */
    public List<String> keptVariants(long methodId) {
        texts(methodId).checkVisible(methodId);
        return glossary.findKeptVariants(methodId);
    }

    /**
     * Keeps a local wording in a method the caller may edit: the assistant stops offering it there,
     * for every editor and session, and the review form counts it apart. Keeping it twice is harmless.
     */
    @Transactional
    public void keepVariant(long methodId, String variant) {
        String clean = variant.strip();
        if (clean.isEmpty() || clean.length() > MAX_TERM) {
            throw PortalException.invalid("glossary.variant-invalid");
        }
        texts(methodId).checkMayEdit(methodId);
        int inserted;
        try {
            inserted = glossary.insertKeptVariant(methodId, clean,
                    currentUser.find().map(PortalUser::login).orElse(null), clock.instant());
        } catch (DuplicateKeyException e) {
            // kept at the same moment from another window: already as asked
            inserted = 0;
        }
        if (inserted > 0) {
            events.publishEvent(new VariantKept(methodId, clean));
        }
    }

    /** Offers a kept wording again in a method the caller may edit. */
    @Transactional
    public void releaseVariant(long methodId, String variant) {
        texts(methodId).checkMayEdit(methodId);
        if (glossary.deleteKeptVariant(methodId, variant.strip()) > 0) {
            events.publishEvent(new VariantReleased(methodId, variant.strip()));
        }
    }

    /** The changes of a term, newest first; also of a term deleted since. */
    public List<TermChange> history(long termId) {
        return glossary.findHistory(termId).stream().map(GlossaryService::change).toList();
    }

    private static TermChange change(HistoryRow row) {
        List<String> variants = row.variants().isEmpty() ? List.of() : List.of(row.variants().split("\n"));
        return new TermChange(row.action(), row.standard(), variants, row.definition(), row.changedBy(),
                row.changedAt());
    }

    private MethodTexts texts(long methodId) {
        MethodTexts texts = methodTexts.getIfAvailable();
        if (texts == null) {
            throw PortalException.notFound("method.not-found", methodId);
        }
        return texts;
    }

    private void history(long termId, String action, TermForm form) {
        // one per line: a variant may hold a comma, never a line break (stripped, one-line input)
        String variants = String.join("\n", form.variants());
        glossary.insertHistory(termId, action, form.standard(),
                variants.length() > MAX_SEARCH_KEY ? variants.substring(0, MAX_SEARCH_KEY) : variants,
                form.definition(), currentUser.find().map(PortalUser::login).orElse(null), clock.instant());
    }

    private TermRow row(long id) {
        return glossary.findById(id).orElseThrow(() -> PortalException.notFound("glossary.not-found", id));
    }

    private long insert(TermForm form) {
        glossary.insert(form.standard(), form.definition(), form.category(), String.join(",", form.tags()),
                searchKey(form), sortKey(form.standard()), initialLetter(form.standard()), clock.instant());
        long id = glossary.findIdByStandard(form.standard()).orElseThrow();
        if (!form.variants().isEmpty()) {
            glossary.insertVariants(id, form.variants());
        }
        history(id, "created", form);
        return id;
    }

    private void rewrite(long id, int version, TermForm form) {
        if (glossary.update(id, version, form.standard(), form.definition(), form.category(),
                String.join(",", form.tags()), searchKey(form), sortKey(form.standard()),
                initialLetter(form.standard()), clock.instant()) == 0) {
            throw PortalException.stale("glossary.stale", form.standard());
        }
        glossary.deleteVariants(id);
        if (!form.variants().isEmpty()) {
            glossary.insertVariants(id, form.variants());
        }
        history(id, "updated", form);
    }

    private List<StandardTerm> withVariants(List<TermRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> variants = glossary.findVariants(rows.stream().map(TermRow::id).toList()).stream()
                .collect(Collectors.groupingBy(VariantRow::termId, LinkedHashMap::new,
                        Collectors.mapping(VariantRow::variant, Collectors.toList())));
        return rows.stream().map(r -> new StandardTerm(r.id(), r.standard(), variants.getOrDefault(r.id(), List.of()),
                r.definition(), r.category(), split(r.tags()), r.version(), r.updatedAt())).toList();
    }

    /** Trims the form and checks it against the rest of the glossary ({@code id} is the term being edited). */
    private TermForm validate(TermForm form, @Nullable Long id) {
        String standard = form.standard().strip();
        String definition = form.definition().strip();
        if (standard.isEmpty()) {
            throw PortalException.invalid("glossary.standard-required");
        }
        if (definition.isEmpty()) {
            throw PortalException.invalid("glossary.definition-required", standard);
        }
        String category = form.category() == null || form.category().isBlank() ? null : form.category().strip();
        List<String> variants = distinct(form.variants()).stream().filter(v -> !v.equals(standard)).toList();
        List<String> tags = distinct(form.tags().stream().flatMap(t -> Arrays.stream(t.split("[,，]"))).toList());
        if (standard.length() > MAX_TERM || variants.stream().anyMatch(v -> v.length() > MAX_TERM)
                || (category != null && category.length() > MAX_CATEGORY)
                || String.join(",", tags).length() > MAX_TAGS) {
            throw PortalException.invalid("glossary.too-long", standard);
        }
        glossary.findIdByStandard(standard).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw PortalException.conflict("glossary.standard-taken", standard);
        });
        glossary.findVariantOwners(List.of(standard)).stream().filter(v -> !Objects.equals(v.termId(), id))
                .findFirst().ifPresent(v -> {
                    throw PortalException.conflict("glossary.standard-is-variant", standard, row(v.termId()).standard());
                });
        if (!variants.isEmpty()) {
            glossary.findVariantOwners(variants).stream().filter(v -> !Objects.equals(v.termId(), id))
                    .findFirst().ifPresent(v -> {
                        throw PortalException.conflict("glossary.variant-taken", v.variant(), row(v.termId()).standard());
                    });
            glossary.findStandards(variants).stream().findFirst().ifPresent(s -> {
                throw PortalException.conflict("glossary.variant-taken", s, s);
            });
        }
        return new TermForm(standard, variants, definition, category, tags);
    }

    private TermForm formOf(JsonNode node, @Nullable StandardTerm current, int lineNumber) {
        if (!node.path("variants").isArray() && !node.path("variants").isMissingNode()) {
            throw PortalException.invalid("glossary.import-line", lineNumber);
        }
        List<String> variants = new ArrayList<>();
        node.path("variants").forEach(v -> variants.add(v.asString("")));
        // A line without category or tags keeps what the term has, so the corpus format (which has
        // neither) does not wipe what editors added.
        String category = node.has("category") ? node.path("category").asString(null)
                : current == null ? null : current.category();
        List<String> tags = new ArrayList<>();
        if (node.has("tags")) {
            node.path("tags").forEach(t -> tags.add(t.asString("")));
        } else if (current != null) {
            tags.addAll(current.tags());
        }
        return new TermForm(node.path("standard").asString(""), variants, node.path("definition").asString(""),
                category, tags);
    }

    private JsonNode parse(String line, int lineNumber) {
        try {
            JsonNode node = json.readTree(line);
            if (!node.isObject()) {
                throw PortalException.invalid("glossary.import-line", lineNumber);
            }
            return node;
        } catch (JacksonException e) {
            throw PortalException.invalid("glossary.import-line", lineNumber);
        }
    }

    private static boolean sameAs(StandardTerm term, TermForm form) {
        return term.standard().equals(form.standard()) && term.variants().equals(form.variants())
                && term.definition().equals(form.definition()) && Objects.equals(term.category(), form.category())
                && term.tags().equals(form.tags());
    }

    private static List<String> distinct(List<String> values) {
        var set = new LinkedHashSet<String>();
        values.stream().map(String::strip).filter(v -> !v.isEmpty()).forEach(set::add);
        return List.copyOf(set);
    }

    private static List<String> split(String tags) {
        return tags.isEmpty() ? List.of() : List.of(tags.split(","));
    }

    /** Lower-case text a search pattern is matched against: term, variants, their pinyin, tags, definition. */
    static String searchKey(TermForm form) {
        List<String> parts = new ArrayList<>();
        parts.add(form.standard());
        parts.add(Pinyin.searchKey(form.standard()));
        for (String variant : form.variants()) {
            parts.add(variant);
            parts.add(Pinyin.searchKey(variant));
        }
        if (form.category() != null) {
            parts.add(form.category());
        }
        parts.addAll(form.tags());
        parts.add(form.definition());
        String key = parts.stream().map(Pinyin::normaliseQuery).collect(Collectors.joining("|"));
        return key.length() > MAX_SEARCH_KEY ? key.substring(0, MAX_SEARCH_KEY) : key;
    }

    static String sortKey(String standard) {
        String key = String.join(" ", Pinyin.syllables(standard));
        return key.length() > MAX_SORT_KEY ? key.substring(0, MAX_SORT_KEY) : key;
    }

    /** The index letter: the first letter of the term's pinyin, upper case, or # when it has none. */
    static String initialLetter(String standard) {
        List<String> syllables = Pinyin.syllables(standard);
        char first = syllables.isEmpty() ? '#' : Character.toUpperCase(syllables.getFirst().charAt(0));
        return first >= 'A' && first <= 'Z' ? Character.toString(first) : "#";
    }
}
