package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.glossary.GlossaryMatcher;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.StandardTerm;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.search.engine.Embedder;
import org.methodportal.search.engine.GlossaryTerm;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.lucene.LuceneSearchIndex;
import org.methodportal.search.semantic.BgeEmbedder;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.TestCorpus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The duplicate warning over the evaluation corpus, through the service as the editor calls it:
 * drafts of corpus methods written in another branch's local wording (glossary variants, other
 * order and examples; src/test/resources/search/near-duplicates.jsonl, written down before the
 * rule was tuned) must find their true duplicate among the first three, and an unrelated draft
 * must get no list. Measured with and without glossary normalisation and with and without the
 * semantic leg; the figures are printed and reported in docs/search-quality.md.
 */
class DuplicateWarningQualityTest {

    /** Drafts close to their entry's wording, written before anything was measured. */
    private static final String PAIRS = "/search/near-duplicates.jsonl";
    /** Drafts in a secretary's own words, sharing few phrases with the entry, written after the first measurement. */
    private static final String REWRITTEN = "/search/near-duplicates-rewritten.jsonl";
    private static final int SHOWN = 5;
    private static final int TOP = 3;
    private static final double FLOOR = 0.90;

    /** Drafts about practices no corpus method describes. */
    private static final List<Draft> UNRELATED = List.of(
            new Draft("u1", null, "机关食堂错峰就餐安排", "中午食堂就餐人员集中，排队时间长，饭菜供应不及时，部分同志吃不上热饭。",
                    "分楼层错开就餐时间，增加窗口和自选菜品。", null),
            new Draft("u2", null, "办公楼绿植认养", "办公区域绿植无人照料，枯死较多，环境显得杂乱。",
                    "各处室认养绿植，定期浇水修剪，评选最美办公室。", null),
            new Draft("u3", null, "羽毛球兴趣小组", "职工业余生活单调，缺少运动锻炼，久坐导致颈椎腰椎不适。",
                    "每周两次在体育馆组织羽毛球活动，举办友谊赛。", null),
            new Draft("u4", null, "车辆停放秩序整治", "单位院内车位紧张，外来车辆随意停放，早晚高峰出入拥堵。",
                    "划定停车区域，实行车辆登记和错峰停放。", null));

    @TempDir
    static Path dir;
    private static LuceneSearchIndex lucene;
    private static Embedder embedder;
    private static List<Draft> pairs;
    private static List<Draft> rewritten;

    record Draft(String id, @Nullable Long duplicate, String title, String problem, @Nullable String summary,
                 @Nullable String concept) {
    }

    @BeforeAll
    static void indexTheCorpusWithItsEmbeddings() throws IOException {
        embedder = new BgeEmbedder();
        List<IndexDocument> documents = SearchCorpus.documents();
        List<float[]> vectors = embedder.embedAll(documents.stream().map(IndexDocument::semanticText).toList());
        lucene = new LuceneSearchIndex(dir);
        lucene.apply(IntStream.range(0, documents.size()).mapToObj(i -> documents.get(i).withVector(vectors.get(i)))
                .toList(), List.of());
        pairs = readPairs(PAIRS);
        rewritten = readPairs(REWRITTEN);
    }

    @AfterAll
    static void close() {
        lucene.close();
    }

    @Test
    void theTrueDuplicateIsAmongTheFirstThreeForNineInTenDraftsAndAnUnrelatedDraftGetsNoList() throws IOException {
        assertThat(pairs).as("near-duplicate pairs written down").hasSizeGreaterThanOrEqualTo(20);
        SearchService hybrid = service(glossary(true), embedder);
        SearchService hybridRaw = service(glossary(false), embedder);
        SearchService lexical = service(glossary(true), null);
        SearchService lexicalRaw = service(glossary(false), null);

        assertThat(rewritten).hasSizeGreaterThanOrEqualTo(10);
        List<Draft> all = new ArrayList<>(pairs);
        all.addAll(rewritten);
        for (var set : List.of(Map.entry("close wording", pairs), Map.entry("rewritten", rewritten),
                Map.entry("all", all))) {
            String name = set.getKey();
            List<Draft> drafts = set.getValue();
            double full = rate(name, "vectors + lexical, glossary-normalised, title+summary+problem+concept", hybrid, drafts, true);
            double editor = rate(name, "vectors + lexical, glossary-normalised, title+problem (the editor)", hybrid, drafts, false);
            double raw = rate(name, "vectors + lexical, local wording as typed, title+problem", hybridRaw, drafts, false);
            double words = rate(name, "lexical only, glossary-normalised, title+problem", lexical, drafts, false);
            double wordsRaw = rate(name, "lexical only, local wording as typed (before)", lexicalRaw, drafts, false);
            assertThat(editor).as("%s: as the editor asks", name).isGreaterThanOrEqualTo(FLOOR);
            assertThat(full).as(name).isGreaterThanOrEqualTo(FLOOR);
            assertThat(editor).as("%s: normalisation helps or does no harm", name).isGreaterThanOrEqualTo(raw);
            assertThat(words).as(name).isGreaterThanOrEqualTo(wordsRaw);
            assertThat(editor).as("%s: the vectors do no harm", name).isGreaterThanOrEqualTo(words);
        }
        int listed = 0;
        for (Draft u : UNRELATED) {
            List<SearchHit> hits = hybrid.similarToText(u.title(), u.summary(), u.problem(), u.concept(), Set.of(), SHOWN);
            List<SearchHit> byWords = lexicalRaw.similarToText(u.title(), u.problem(), Set.of(), SHOWN);
            listed += byWords.isEmpty() ? 0 : 1;
            System.out.printf("unrelated %s %s -> %s; by words only %s%n", u.id(), u.title(),
                    hits.stream().map(SearchHit::title).toList(), byWords.stream().map(SearchHit::title).toList());
            assertThat(hits).as("unrelated draft %s", u.title()).isEmpty();
        }
        System.out.printf("unrelated drafts with a list: vectors + lexical 0 of %d, lexical only %d of %d%n",
                UNRELATED.size(), listed, UNRELATED.size());
    }

    @Test
    void aDraftWhoseTellingWordsAreVariantsIsFoundOnceTheyAreNormalised() {
        // 流调 is the local word for 流行病学调查, the term m012 uses
        String title = "流调专班";
        String problem = "流调任务重，组建专班";
        assertThat(ids(service(glossary(false), null).similarToText(title, problem, Set.of(), SHOWN)))
                .as("the words as typed").doesNotContain(12L);
        assertThat(ids(service(glossary(true), null).similarToText(title, problem, Set.of(), SHOWN)))
                .as("the words normalised").contains(12L);
        assertThat(ids(service(glossary(true), embedder).similarToText(title, problem, Set.of(), SHOWN)))
                .as("normalised, with the vectors").startsWith(12L);
    }

    @Test
    void theExcludedIdsNeverComeBack() {
        SearchService hybrid = service(glossary(true), embedder);
        Draft d = pairs.getFirst();
        List<Long> first = ids(hybrid.similarToText(d.title(), d.summary(), d.problem(), d.concept(), Set.of(), SHOWN));
        assertThat(first).contains(d.duplicate());

        List<Long> without = ids(hybrid.similarToText(d.title(), d.summary(), d.problem(), d.concept(),
                Set.of(d.duplicate()), SHOWN));
        assertThat(without).doesNotContain(d.duplicate());
    }

    @Test
    void withoutEmbeddingsInTheIndexTheWordsAloneDecide(@TempDir Path plain) throws IOException {
        try (var words = new LuceneSearchIndex(plain)) {
            words.apply(SearchCorpus.documents(), List.of());
            SearchService semanticOn = service(words, glossary(true), embedder, mock(MethodService.class));
            SearchService semanticOff = service(words, glossary(true), null, mock(MethodService.class));
            for (Draft d : pairs.subList(0, 5)) {
                assertThat(ids(semanticOn.similarToText(d.title(), d.problem(), Set.of(), SHOWN)))
                        .isEqualTo(ids(semanticOff.similarToText(d.title(), d.problem(), Set.of(), SHOWN)))
                        .contains(d.duplicate());
            }
        }
    }

    @Test
    void similarMethodsFuseTheMethodsOwnEmbeddingWithItsWordsAndNeverItself() throws IOException {
        MethodService methods = mock(MethodService.class);
        for (IndexDocument d : SearchCorpus.documents()) {
            when(methods.get(d.id())).thenReturn(view(d));
        }
        SearchService hybrid = service(lucene, glossary(true), embedder, methods);
        SearchService lexical = service(lucene, glossary(true), null, methods);
        // pairs of corpus methods about the same practice in different branches
        Map<Long, Long> siblings = Map.of(22L, 28L, 28L, 22L, 41L, 42L, 42L, 41L, 3L, 51L, 21L, 26L, 31L, 39L);
        int hybridFound = 0;
        int lexicalFound = 0;
        for (var sibling : siblings.entrySet()) {
            List<Long> fused = ids(hybrid.similar(sibling.getKey(), SHOWN));
            List<Long> words = ids(lexical.similar(sibling.getKey(), SHOWN));
            System.out.printf("similar to m%03d: vectors + lexical %s, lexical only %s%n", sibling.getKey(), fused, words);
            assertThat(fused).isNotEmpty().doesNotContain(sibling.getKey());
            hybridFound += fused.subList(0, Math.min(TOP, fused.size())).contains(sibling.getValue()) ? 1 : 0;
            lexicalFound += words.subList(0, Math.min(TOP, words.size())).contains(sibling.getValue()) ? 1 : 0;
        }
        System.out.printf("similar methods: sibling in the first %d for %d of %d with vectors, %d lexical only%n", TOP,
                hybridFound, siblings.size(), lexicalFound);
        assertThat(hybridFound).isGreaterThanOrEqualTo(lexicalFound).isGreaterThanOrEqualTo(siblings.size() - 1);
    }

    /** The method page's view of a corpus method (its published revision). */
    private static MethodDetail view(IndexDocument d) {
        var content = new MethodContent(d.title(), d.summary(), Category.valueOf(d.category()), d.problem(), d.concept(),
                d.measures(), d.steps(), d.outcomes(), d.applicability(), d.tags(), d.body());
        var revision = new Revision(d.id(), 1, null, content, d.ownerId(), "作者", d.createdAt(), null,
                MethodStatus.PUBLISHED);
        return new MethodDetail(d.id(), d.externalId(), MethodStatus.PUBLISHED, d.departmentId(), d.departmentName(), 1,
                "支部", d.ownerId(), "作者", null, d.createdAt(), d.createdAt(), 1, 1, revision, null, null, null, null, 0,
                null, null, false, 0);
    }

    private static double rate(String set, String configuration, SearchService service, List<Draft> drafts,
                               boolean allParts) {
        int found = 0;
        int first = 0;
        List<String> missed = new ArrayList<>();
        for (Draft d : drafts) {
            List<SearchHit> hits = allParts
                    ? service.similarToText(d.title(), d.summary(), d.problem(), d.concept(), Set.of(), SHOWN)
                    : service.similarToText(d.title(), d.problem(), Set.of(), SHOWN);
            int rank = ids(hits).indexOf(d.duplicate());
            first += rank == 0 ? 1 : 0;
            if (rank >= 0 && rank < TOP) {
                found++;
            } else {
                missed.add(d.id() + "→m" + String.format(Locale.ROOT, "%03d", d.duplicate()) + " rank "
                        + (rank < 0 ? "-" : rank + 1) + " " + hits.stream().map(h -> h.id()).toList());
            }
        }
        double share = (double) found / drafts.size();
        System.out.printf(Locale.ROOT, "duplicate warning [%s] %s: true duplicate in the first %d for %d of %d (%.1f %%), first for %d; missed %s%n",
                set, configuration, TOP, found, drafts.size(), 100 * share, first, missed);
        return share;
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    /** The service as the portal builds it, over the indexed corpus, for a member. */
    private static SearchService service(SearchGlossary glossary, @Nullable Embedder embedder) {
        return service(lucene, glossary, embedder, mock(MethodService.class));
    }

    private static SearchService service(SearchIndex index, SearchGlossary glossary, @Nullable Embedder embedder,
                                         MethodService methods) {
        CurrentUser currentUser = mock(CurrentUser.class);
        when(currentUser.require()).thenReturn(new PortalUser(9, "member", "党员", null, true, 1, 1, Set.of(Role.MEMBER),
                Set.of(), Locale.CHINA));
        SearchIndexer indexer = mock(SearchIndexer.class);
        when(indexer.health()).thenReturn(IndexHealth.SERVING);
        return new SearchService(index, indexer, glossary, methods, currentUser, event -> { },
                Clock.systemUTC(), embedder, QueryEmbeddings.off(), org.mockito.Mockito.mock(EmbeddingBackfill.class));
    }

    /** The corpus glossary through the glossary module's matcher, or an empty glossary (no normalisation). */
    private static SearchGlossary glossary(boolean withTerms) {
        List<StandardTerm> terms = new ArrayList<>();
        if (withTerms) {
            try (InputStream in = Files.newInputStream(TestCorpus.glossary())) {
                long id = 1;
                for (GlossaryTerm t : GlossaryTerm.readJsonLines(in)) {
                    terms.add(new StandardTerm(id++, t.standard(), t.variants(), t.standard(), null, List.of(), 1,
                            Instant.EPOCH));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        GlossaryService service = mock(GlossaryService.class);
        when(service.all()).thenReturn(terms);
        when(service.matcher()).thenAnswer(i -> new GlossaryMatcher(terms));
        return new SearchGlossary(service);
    }

    private static List<Draft> readPairs(String file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Draft> drafts = new ArrayList<>();
        try (InputStream in = DuplicateWarningQualityTest.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("test input missing from src/test/resources: " + file);
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = json.readTree(line);
                drafts.add(new Draft(e.path("id").asString(), Long.parseLong(e.path("duplicate").asString().substring(1)),
                        e.path("title").asString(), e.path("problem").asString(), e.path("summary").asString(null),
                        e.path("concept").asString(null)));
            }
        }
        return drafts;
    }
}
