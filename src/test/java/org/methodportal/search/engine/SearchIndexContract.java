package org.methodportal.search.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchResult;
import org.methodportal.search.SearchSort;

/**
 * What every search adapter must do, on the shared corpus plus a few documents of our own. An
 * adapter's test extends this and says how to open its index.
 */
public abstract class SearchIndexContract {

    protected static final Viewer MEMBER = new Viewer(9, false, Set.of());
    protected static final long FIVE_LINKS = 1001;
    protected static final long THREE_MEETINGS = 1002;
    protected static final long SCRIPT = 1003;
    protected static final long VARIANT_ONLY = 1004;
    protected static final long DRAFT = 1005;
    protected static final long ARCHIVED = 1006;
    protected static final long DRAFT_OWNER = 7;
    protected static final long DRAFT_DEPARTMENT = 3;

    @TempDir
    protected Path dir;
    protected SearchIndex index;
    protected List<GlossaryTerm> glossary;

    /** A new, empty index of the adapter under test. */
    protected abstract SearchIndex open(Path directory);

    /** The same index (the one open), opened again to count the facets of a search over at most {@code facetSample} hits. */
    protected abstract SearchIndex reopen(int facetSample);

    /** Removes the serving index behind the adapter's back, as an operator's mistake would. */
    protected abstract void destroyBehindItsBack() throws Exception;

    @BeforeEach
    void fill() throws IOException {
        index = open(dir);
        glossary = SearchCorpus.glossary();
        index.apply(SearchCorpus.documents(), List.of());
        index.apply(List.of(
                SearchCorpus.document(FIVE_LINKS, "“五对接”工作法", "机关支部与基层需求对接不畅。", List.of("需求对接"),
                        MethodStatus.PUBLISHED, 1, 1),
                SearchCorpus.document(THREE_MEETINGS, "“三会一课”规范化工作法", "组织生活流于形式。", List.of("组织生活"),
                        MethodStatus.PUBLISHED, 1, 1),
                SearchCorpus.document(SCRIPT, "<script>alert('x')</script>对接台账", "台账 <b>对接</b> & 记录",
                        List.of(), MethodStatus.PUBLISHED, 1, 1),
                SearchCorpus.document(VARIANT_ONLY, "“炕头夜话”工作法", "书记每周到职工家里拉家常，了解思想动态。", List.of(),
                        MethodStatus.PUBLISHED, 1, 1),
                SearchCorpus.document(DRAFT, "“草稿对接”工作法", "仍在起草。", List.of(), MethodStatus.DRAFT,
                        DRAFT_OWNER, DRAFT_DEPARTMENT),
                SearchCorpus.document(ARCHIVED, "“归档对接”工作法", "已经归档。", List.of(), MethodStatus.ARCHIVED, 1, 1)),
                List.of());
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    protected SearchResult search(String text) {
        return search(SearchRequest.of(text), MEMBER);
    }

    protected SearchResult search(SearchRequest request, Viewer viewer) {
        return index.search(QueryPlanner.plan(request, viewer, glossary));
    }

    protected static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void countingTheMatchesOfATextGivesTheTotalOfItsSearchForEachViewer() {
        Viewer draftOwner = new Viewer(DRAFT_OWNER, false, Set.of());
        for (String text : List.of("对接", "五对接", "组织生活", "拉家常", "毫不相干的说法")) {
            for (Viewer viewer : List.of(MEMBER, draftOwner)) {
                for (SearchRequest request : List.of(SearchRequest.of(text),
                        new SearchRequest(text, null, null, MethodStatus.DRAFT, null, null, SearchSort.RELEVANCE, 0, 20))) {
                    IndexQuery planned = QueryPlanner.plan(request, viewer, glossary);
                    long total = index.search(planned).total();
                    assertThat(index.countMatches(planned, Long.MAX_VALUE)).as("%s as %s", request, viewer)
                            .isEqualTo(total);
                    assertThat(index.countMatches(planned, 1)).as("at most one: %s as %s", request, viewer)
                            .isEqualTo(Math.min(1, total));
                    assertThat(index.countMatches(planned, 2)).as("at most two: %s as %s", request, viewer)
                            .isEqualTo(Math.min(2, total));
                }
            }
        }
        assertThat(index.countMatches(QueryPlanner.plan(SearchRequest.of("对接"), MEMBER, glossary), Long.MAX_VALUE))
                .isGreaterThan(2);
        assertThat(index.countMatches(QueryPlanner.plan(new SearchRequest("对接", null, null, MethodStatus.DRAFT, null, null,
                SearchSort.RELEVANCE, 0, 20), draftOwner, glossary), Long.MAX_VALUE)).as("the owner's own draft").isEqualTo(1);
    }

    @Test
    void theFirstStageFindsWhatTheRichQueryRanksFirstWhenItRescoresOnlyItsBestHits() throws Exception {
        // more documents than are rescored name the text twice in their problem; the title match still comes first
        List<IndexDocument> crowd = new ArrayList<>();
        for (int i = 0; i < Ranking.RESCORED + 50; i++) {
            crowd.add(SearchCorpus.document(10_000 + i, "“第" + i + "号”工作法",
                    "学习谈心五必谈，谈心五必谈。", List.of(),
                    MethodStatus.PUBLISHED, 1, 100));
        }
        index.apply(crowd, List.of());

        SearchResult found = search("谈心五必谈");
        assertThat(found.total()).isGreaterThan(Ranking.RESCORED);
        assertThat(ids(found)).as("the title match first among %d matches", found.total()).startsWith(38L);
    }

    @Test
    void anIndexDestroyedBehindItsBackIsReportedAsDamagedNeverAsStaleOrEmpty() throws Exception {
        assertThat(index.damageAtOpen()).isNull();
        index.check();

        destroyBehindItsBack();

        assertThatThrownBy(() -> search("对接")).as("search").isInstanceOf(IndexDamagedException.class);
        assertThatThrownBy(() -> index.apply(List.of(SearchCorpus.document(1201, "“新来”工作法", "问题。", List.of(),
                MethodStatus.PUBLISHED, 1, 1)), List.of())).as("write").isInstanceOf(IndexDamagedException.class);
        assertThatThrownBy(() -> index.check()).as("periodic check").isInstanceOf(IndexDamagedException.class);
    }

    @Test
    void aDestroyedIndexSetAsideIsReplacedByAnEmptyOneThatARebuildFills() throws Exception {
        destroyBehindItsBack();

        index.setAside();

        assertThat(index.count()).as("empty until rebuilt").isZero();
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(SearchCorpus.documents());
            rebuild.complete();
        }
        index.check();
        index.apply(List.of(SearchCorpus.document(FIVE_LINKS, "“五对接”工作法", "机关支部与基层需求对接不畅。",
                List.of("需求对接"), MethodStatus.PUBLISHED, 1, 1)), List.of());
        assertThat(index.count()).isEqualTo(SearchCorpus.documents().size() + 1);
        assertThat(ids(search("五对接"))).first().isEqualTo(FIVE_LINKS);
    }

    @Test
    void partOfAWordFindsTheWholeWord() {
        assertThat(ids(search("对接"))).contains(FIVE_LINKS);
    }

    @Test
    void exactTitleRanksFirst() {
        assertThat(ids(search("三会一课")).getFirst()).isEqualTo(THREE_MEETINGS);
        assertThat(ids(search("五对接")).getFirst()).isEqualTo(FIVE_LINKS);
        assertThat(ids(search("三审三核")).getFirst()).isEqualTo(1L);
        assertThat(ids(search("楼栋议事")).getFirst()).isEqualTo(30L);
    }

    @Test
    void titleMatchRanksAboveMatchesInTheBody() {
        // 青年干部 is m031's tag; entries merely mentioning young cadres in their text come later
        List<Long> hits = ids(search("田间课堂"));
        assertThat(hits.getFirst()).isEqualTo(23L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wuduijie", "wu dui jie", "wdj", "WuDuiJie", "wu对接", "五dui接"})
    void pinyinFullSpacedInitialsAndMixedFindTheTitle(String typed) {
        assertThat(ids(search(typed))).as(typed).first().isEqualTo(FIVE_LINKS);
    }

    @Test
    void polyphonicCharactersMatchInTheReadingOfTheirWord() {
        long bank = 1101;
        long focus = 1102;
        index.apply(List.of(
                SearchCorpus.document(bank, "“银行网点”工作法", "网点服务。", List.of(), MethodStatus.PUBLISHED, 1, 1),
                SearchCorpus.document(focus, "“重点攻坚”工作法", "攻坚。", List.of(), MethodStatus.PUBLISHED, 1, 1)),
                List.of());

        assertThat(ids(search("yinhang"))).first().isEqualTo(bank);
        assertThat(ids(search("yinxing"))).doesNotContain(bank);
        assertThat(ids(search("zhongdian"))).first().isEqualTo(focus);
        assertThat(ids(search("chongdian"))).doesNotContain(focus);
        assertThat(ids(search("sanhuiyike"))).first().isEqualTo(THREE_MEETINGS);
        assertThat(ids(search("shyk"))).first().isEqualTo(THREE_MEETINGS);
        assertThat(ids(search("skyk"))).doesNotContain(THREE_MEETINGS);
    }

    @Test
    void aSearchWithoutHitsGetsACorrectionThatSoundsAlikeAndFindsSomething() {
        assertThat(search("五对节").total()).isZero();
        assertThat(didYouMean("五对节")).as("同音字 in a title").contains("五对接");
        assertThat(didYouMean("楼栋义事")).contains("楼栋议事");
        assertThat(didYouMean("过欲算")).as("a glossary variant").contains("过预算");
        assertThat(didYouMean("sanshensanhu")).as("one letter off in pinyin").contains("三审三核");
        assertThat(didYouMean("完全不存在的说法")).isEmpty();
        assertThat(search("楼栋议事 完全不存在的说法").total()).isZero();
        assertThat(didYouMean("楼栋议事 完全不存在的说法")).as("without the words that find nothing").contains("楼栋议事");
        assertThat(DidYouMean.suggest(index, "五对节", MEMBER, glossary, text -> false)).as("only what finds something")
                .isEmpty();
    }

    private java.util.Optional<String> didYouMean(String text) {
        return DidYouMean.suggest(index, text, MEMBER, glossary, s -> search(s).total() > 0);
    }

    @Test
    void pinyinFindsCorpusTitlesAndTags() {
        assertThat(ids(search("sanshensanhe")).getFirst()).isEqualTo(1L);
        assertThat(ids(search("ldys"))).as("楼栋议事 initials").first().isEqualTo(30L);
    }

    @Test
    void aVariantFindsEntriesWrittenWithTheStandardTerm() {
        // 过预算 is the colloquial variant of 预算评审, a tag of m001
        assertThat(ids(search("过预算"))).first().isEqualTo(1L);
        // 流调 → 流行病学调查 (m012)
        assertThat(ids(search("流调"))).contains(12L);
    }

    @Test
    void theStandardTermFindsEntriesWrittenWithAVariant() {
        // 谈心谈话 → 拉家常, which is the only wording of the document below
        assertThat(ids(search("谈心谈话"))).contains(VARIANT_ONLY, 38L);
    }

    @Test
    void highlightsAreEscapedWithOnlyMarkTags() {
        SearchHit hit = search("对接").hits().stream().filter(h -> h.id() == SCRIPT).findFirst().orElseThrow();

        assertThat(hit.title()).isEqualTo("<script>alert('x')</script>对接台账");
        List<String> title = hit.highlights().get("title");
        assertThat(title).containsExactly("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<mark>对接</mark>台账");
        // the text of a field is indexed as a reader sees it: its HTML tags are gone, the rest escaped
        assertThat(hit.highlights().get("problem")).singleElement().asString()
                .contains("台账 <mark>对接</mark> &amp; 记录").doesNotContain("&lt;b&gt;");
        SearchResult injected = search("<img src=x onerror=alert(1)>对接");
        injected.hits().forEach(h -> h.highlights().values().forEach(fragments -> fragments.forEach(f ->
                assertThat(f.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">"))));
    }

    @Test
    void highlightsMarkTheMatchInEachField() {
        SearchHit first = search("三审三核").hits().getFirst();

        assertThat(first.highlights().get("title")).containsExactly("“<mark>三审三核</mark>”工作法");
    }

    @Test
    void facetsCountAllVisibleHits() {
        SearchResult all = search(new SearchRequest("", null, null, null, null, null, SearchSort.RELEVANCE, 0, 10),
                MEMBER);

        assertThat(all.total()).isEqualTo(64);
        assertThat(all.hits()).hasSize(10);
        Map<String, List<FacetCount>> facets = all.facets();
        assertThat(facets.get("category").stream().mapToLong(FacetCount::count).sum()).isEqualTo(64);
        assertThat(facets.get("category")).contains(new FacetCount(Category.PARTY_BUILDING.name(),
                Category.PARTY_BUILDING.name(), 4 + count(Category.PARTY_BUILDING)));
        assertThat(facets.get("status")).containsExactlyInAnyOrder(new FacetCount("PUBLISHED", "PUBLISHED", 64),
                new FacetCount("ARCHIVED", "ARCHIVED", 1));
        assertThat(facets.get("year")).first().isEqualTo(new FacetCount("2024", "2024", 4));
        assertThat(facets.get("tag")).contains(new FacetCount("青年干部", "青年干部", 4));
        assertThat(facets.get("department")).extracting(FacetCount::label).contains("某部财务司");
    }

    @Test
    void filtersNarrowHitsAndTheirFacets() {
        var request = new SearchRequest("", null, null, null, "青年干部", null, SearchSort.NEWEST, 0, 10);
        SearchResult result = search(request, MEMBER);

        assertThat(result.total()).isEqualTo(4);
        assertThat(ids(result)).containsExactly(39L, 32L, 31L, 33L);
        assertThat(result.facets().get("tag")).contains(new FacetCount("青年干部", "青年干部", 4));
    }

    @Test
    void mostAdoptedComeFirstAndTheAdoptedFilterKeepsOnlyMethodsInUse() {
        index.apply(List.of(adopted(2001, "“对接甲”工作法", 3), adopted(2002, "“对接乙”工作法", 12),
                adopted(2003, "“对接丙”工作法", 1)), List.of());
        var inUse = new SearchRequest("对接", null, null, null, null, null, SearchSort.MOST_ADOPTED, 0, 10, true);

        SearchResult adopted = search(inUse, MEMBER);
        assertThat(ids(adopted)).containsExactly(2002L, 2001L, 2003L);
        assertThat(adopted.total()).isEqualTo(3);
        SearchResult all = search(new SearchRequest("对接", null, null, null, null, null, SearchSort.MOST_ADOPTED, 0, 5,
                false), MEMBER);
        assertThat(ids(all).subList(0, 3)).as("the others follow").containsExactly(2002L, 2001L, 2003L);
        assertThat(all.total()).isGreaterThan(3);
        assertThat(search(new SearchRequest("", null, null, null, null, null, SearchSort.RELEVANCE, 0, 10, true),
                MEMBER).total()).as("browsing").isEqualTo(3);

        index.apply(List.of(adopted(2003, "“对接丙”工作法", 0)), List.of());
        assertThat(ids(search(inUse, MEMBER))).as("the last branch stopped").containsExactly(2002L, 2001L);
    }

    private static IndexDocument adopted(long id, String title, int branches) {
        return SearchCorpus.document(id, title, "机关支部与基层需求对接不畅。", List.of(), MethodStatus.PUBLISHED, 1, 1,
                Category.PARTY_BUILDING, branches);
    }

    @Test
    void pagesCarryTheTotal() {
        var second = new SearchRequest("工作法", null, null, null, null, null, SearchSort.RELEVANCE, 1, 5);
        SearchResult first = search(second.withPage(0), MEMBER);
        SearchResult page2 = search(second, MEMBER);

        assertThat(page2.total()).isEqualTo(first.total());
        assertThat(page2.hits()).hasSize(5);
        assertThat(ids(page2)).doesNotContainAnyElementsOf(ids(first));
        assertThat(page2.page()).isEqualTo(1);
    }

    @Test
    void publishedOnlyByDefaultArchivedWhenAsked() {
        assertThat(ids(search("归档对接"))).doesNotContain(ARCHIVED);
        var archived = new SearchRequest("归档对接", null, null, MethodStatus.ARCHIVED, null, null, SearchSort.RELEVANCE, 0, 10);
        assertThat(ids(search(archived, MEMBER))).containsExactly(ARCHIVED);
    }

    @Test
    void draftsAreFoundAndCountedOnlyByThoseWhoMaySeeThem() {
        var drafts = new SearchRequest("对接", null, null, MethodStatus.DRAFT, null, null, SearchSort.RELEVANCE, 0, 10);
        Viewer owner = new Viewer(DRAFT_OWNER, false, Set.of());
        Viewer reviewerInScope = new Viewer(20, false, Set.of(DRAFT_DEPARTMENT));
        Viewer reviewerElsewhere = new Viewer(21, false, Set.of(DRAFT_DEPARTMENT + 1));
        Viewer admin = new Viewer(22, true, Set.of());

        assertThat(ids(search(drafts, MEMBER))).isEmpty();
        assertThat(search(drafts, MEMBER).total()).isZero();
        assertThat(search(drafts, reviewerElsewhere).total()).isZero();
        assertThat(ids(search(drafts, owner))).containsExactly(DRAFT);
        assertThat(ids(search(drafts, reviewerInScope))).containsExactly(DRAFT);
        assertThat(ids(search(drafts, admin))).containsExactly(DRAFT);
        assertThat(search(SearchRequest.of("对接"), MEMBER).facets().get("status")).extracting(FacetCount::value)
                .doesNotContain("DRAFT");
        assertThat(search(SearchRequest.of("对接"), owner).facets().get("status"))
                .contains(new FacetCount("DRAFT", "DRAFT", 1));
    }

    @Test
    void suggestsTitlesByPrefixPinyinAndInitials() {
        assertThat(titles(index.suggestTitles("三会", PinyinReader.key("三会"), MEMBER, 5)))
                .contains("“三会一课”规范化工作法");
        assertThat(titles(index.suggestTitles("wuduij", "wuduij", MEMBER, 5))).contains("“五对接”工作法");
        assertThat(titles(index.suggestTitles("wdj", "wdj", MEMBER, 5))).contains("“五对接”工作法");
        assertThat(titles(index.suggestTitles("草稿", PinyinReader.key("草稿"), MEMBER, 5))).isEmpty();
    }

    @Test
    void similarMethodsShareTitleProblemOrMeasures() {
        List<Long> similar = index.similar(31, MEMBER, 5).stream().map(SearchHit::id).toList();

        assertThat(similar).isNotEmpty().doesNotContain(31L, DRAFT).containsAnyOf(32L, 33L, 39L);
    }

    @Test
    void aDraftsTitleAndProblemFindTheExistingMethodItMayDuplicate() {
        Map<String, String> draft = Map.of("title", "“五对接”工作法", "problem", "机关和基层的需求对接不畅");

        List<Long> similar = index.similarToText(draft, Set.of(), MEMBER, 5).stream().map(SearchHit::id).toList();

        assertThat(similar).isNotEmpty().doesNotContain(DRAFT, ARCHIVED);
        assertThat(similar.getFirst()).isEqualTo(FIVE_LINKS);
        assertThat(index.similarToText(draft, Set.of(FIVE_LINKS), MEMBER, 5)).extracting(SearchHit::id)
                .doesNotContain(FIVE_LINKS);
        assertThat(index.similarToText(Map.of("title", "春季植树造林", "problem", "苗木成活难，浇水不及时"), Set.of(),
                MEMBER, 5)).as("an unrelated draft").isEmpty();
        assertThat(index.similarToText(Map.of("title", " ", "problem", ""), Set.of(), MEMBER, 5)).isEmpty();
    }

    @Test
    void publishedGivesTheVisiblePublishedHitsOfTheIdsInTheirOrder() {
        List<SearchHit> hits = index.published(List.of(THREE_MEETINGS, DRAFT, 12L, ARCHIVED, 999_999L, FIVE_LINKS),
                MEMBER);

        assertThat(hits).extracting(SearchHit::id).as("no draft, nothing archived or unknown")
                .containsExactly(THREE_MEETINGS, 12L, FIVE_LINKS);
        assertThat(hits.getFirst().title()).isEqualTo("“三会一课”规范化工作法");
        assertThat(hits.getFirst().department()).isEqualTo("测试部门1");
        assertThat(index.published(List.of(DRAFT), new Viewer(DRAFT_OWNER, false, Set.of())))
                .as("published ones only, even for the owner").isEmpty();
        assertThat(index.published(List.of(), MEMBER)).isEmpty();
    }

    @Test
    void updatesAndDeletesApplyToTheNextSearch() {
        index.apply(List.of(SearchCorpus.document(FIVE_LINKS, "“六对接”工作法", "改了标题。", List.of(),
                MethodStatus.PUBLISHED, 1, 1)), List.of(THREE_MEETINGS));

        assertThat(ids(search("六对接")).getFirst()).isEqualTo(FIVE_LINKS);
        assertThat(ids(search("五对接"))).doesNotContain(FIVE_LINKS);
        assertThat(ids(search("三会一课"))).doesNotContain(THREE_MEETINGS);
    }

    @Test
    void rebuildServesTheOldIndexUntilCompleteAndKeepsWritesMadeMeanwhile() throws IOException {
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(SearchCorpus.documents().subList(0, 10));
            index.apply(List.of(SearchCorpus.document(FIVE_LINKS, "“七对接”工作法", "期间修改。", List.of(),
                    MethodStatus.PUBLISHED, 1, 1)), List.of());
            // the database read of the rebuild is older than the write above and must not win
            rebuild.add(List.of(SearchCorpus.document(FIVE_LINKS, "“五对接”工作法", "旧的读取。", List.of(),
                    MethodStatus.PUBLISHED, 1, 1)));
            assertThat(index.count()).as("old index still serving").isEqualTo(66);
            rebuild.complete();
        }

        assertThat(index.count()).isEqualTo(11);
        assertThat(ids(search("七对接"))).containsExactly(FIVE_LINKS);
        assertThat(ids(search("三审三核")).getFirst()).isEqualTo(1L);
    }

    private static long count(Category category) throws RuntimeException {
        try {
            return SearchCorpus.documents().stream().filter(d -> d.category().equals(category.name())).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> titles(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::title).toList();
    }

    // ---- the semantic leg (vectors of our own: one direction is "the same meaning")

    protected static final long NIGHT_SCHOOL = 2001;
    protected static final long NIGHT_DRAFT = 2002;
    protected static final long FAR_AWAY = 2003;
    private static final int DIMENSIONS = 512;

    /** A unit vector at {@code degrees} from the first axis towards the second: its cosine to the first is cos(degrees). */
    protected static float[] vector(double degrees) {
        float[] v = new float[DIMENSIONS];
        v[0] = (float) Math.cos(Math.toRadians(degrees));
        v[1] = (float) Math.sin(Math.toRadians(degrees));
        return v;
    }

    /**
     * A published method sharing no word with 三会一课 but meaning the same, and a draft of another
     * member that is the nearest of all, and one far from it; the corpus has no vectors (the
     * semantic leg skips it).
     */
    private void addSemanticNeighbours() {
        index.apply(List.of(
                SearchCorpus.document(NIGHT_SCHOOL, "“夜校充电”工作法", "职工晚上学习技能。", List.of(), MethodStatus.PUBLISHED,
                        1, 1).withVector(vector(20)),
                SearchCorpus.document(NIGHT_DRAFT, "“夜校草稿”工作法", "仍在起草。", List.of(), MethodStatus.DRAFT,
                        DRAFT_OWNER, DRAFT_DEPARTMENT).withVector(vector(0)),
                SearchCorpus.document(FAR_AWAY, "“远方”工作法", "无关。", List.of(), MethodStatus.PUBLISHED, 1, 1)
                        .withVector(vector(90))), List.of());
    }

    private SearchResult hybrid(SearchRequest request, Viewer viewer) {
        return index.search(QueryPlanner.plan(request, viewer, glossary).withVector(vector(0)));
    }

    private static long facetTotal(SearchResult result, String facet) {
        return result.facets().get(facet).stream().mapToLong(FacetCount::count).sum();
    }

    @Test
    void nearestFindsVisibleMethodsInTheStatusesAndFiltersWithTheirCosine() {
        addSemanticNeighbours();
        IndexQuery member = QueryPlanner.plan(SearchRequest.of(""), MEMBER, glossary);
        List<VectorHit> hits = index.nearest(member, vector(0), 10, 0.5f);
        assertThat(hits).extracting(VectorHit::id).containsExactly(NIGHT_SCHOOL);
        assertThat(hits.getFirst().similarity()).isCloseTo((float) Math.cos(Math.toRadians(20)),
                org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(index.nearest(member, vector(0), 10, 0.95f)).as("under the least similarity").isEmpty();

        Viewer owner = new Viewer(DRAFT_OWNER, false, Set.of());
        IndexQuery drafts = QueryPlanner.plan(new SearchRequest("", null, null, MethodStatus.DRAFT, null, null,
                SearchSort.RELEVANCE, 0, 10), owner, glossary);
        assertThat(index.nearest(drafts, vector(0), 10, 0.5f)).extracting(VectorHit::id).containsExactly(NIGHT_DRAFT);
        IndexQuery memberDrafts = QueryPlanner.plan(new SearchRequest("", null, null, MethodStatus.DRAFT, null, null,
                SearchSort.RELEVANCE, 0, 10), MEMBER, glossary);
        assertThat(index.nearest(memberDrafts, vector(0), 10, 0.0f)).as("another member's draft").isEmpty();
        IndexQuery otherCategory = QueryPlanner.plan(new SearchRequest("", Category.MASS_LINE, null, null, null,
                null, SearchSort.RELEVANCE, 0, 10), MEMBER, glossary);
        assertThat(index.nearest(otherCategory, vector(0), 10, 0.0f)).as("filtered by category").isEmpty();
    }

    @Test
    void theSemanticLegAddsMethodsSharingNoWordAndCountsThemButNothingInvisible() {
        addSemanticNeighbours();
        SearchResult lexical = search("三会一课");
        assertThat(ids(lexical)).doesNotContain(NIGHT_SCHOOL, NIGHT_DRAFT, FAR_AWAY);

        SearchResult both = hybrid(SearchRequest.of("三会一课"), MEMBER);

        assertThat(ids(both)).contains(NIGHT_SCHOOL).doesNotContain(NIGHT_DRAFT, FAR_AWAY);
        assertThat(ids(both).subList(0, 2)).as("each leg's first, the text's on a tie")
                .containsExactly(THREE_MEETINGS, NIGHT_SCHOOL);
        assertThat(both.total()).isEqualTo(lexical.total() + 1);
        assertThat(facetTotal(both, "category")).isEqualTo(facetTotal(lexical, "category") + 1);
        assertThat(facetTotal(both, "status")).as("another member's draft is not counted")
                .isEqualTo(facetTotal(lexical, "status") + 1);

        Viewer owner = new Viewer(DRAFT_OWNER, false, Set.of());
        SearchResult ownDrafts = hybrid(new SearchRequest("三会一课", null, null, MethodStatus.DRAFT, null, null,
                SearchSort.RELEVANCE, 0, 10), owner);
        assertThat(ids(ownDrafts)).contains(NIGHT_DRAFT);
        SearchResult othersDrafts = hybrid(new SearchRequest("三会一课", null, null, MethodStatus.DRAFT, null, null,
                SearchSort.RELEVANCE, 0, 10), MEMBER);
        assertThat(ids(othersDrafts)).doesNotContain(NIGHT_DRAFT);
        assertThat(othersDrafts.facets().get("status")).extracting(FacetCount::value).doesNotContain("DRAFT");
    }

    @Test
    void hybridPagesFollowOneOrderWithoutGapsOrRepeats() {
        addSemanticNeighbours();
        SearchResult first = hybrid(SearchRequest.of("对接"), MEMBER);
        long total = first.total();
        assertThat(total).isGreaterThan(3);
        List<Long> seen = new java.util.ArrayList<>();
        for (int page = 0; page * 3 < total; page++) {
            SearchResult result = hybrid(new SearchRequest("对接", null, null, null, null, null, SearchSort.RELEVANCE,
                    page, 3), MEMBER);
            assertThat(result.total()).isEqualTo(total);
            seen.addAll(ids(result));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total).contains(NIGHT_SCHOOL);
        assertThat(seen.subList(0, ids(first).size())).isEqualTo(ids(first));
    }

    @Test
    void newestFirstWithTheSemanticLegListsTheSameMatchesByDate() {
        addSemanticNeighbours();
        var newest = new SearchRequest("对接", null, null, null, null, null, SearchSort.NEWEST, 0, 100);
        SearchResult byDate = hybrid(newest, MEMBER);
        SearchResult byRank = hybrid(new SearchRequest("对接", null, null, null, null, null, SearchSort.RELEVANCE, 0, 100),
                MEMBER);
        assertThat(byDate.total()).isEqualTo(byRank.total());
        assertThat(ids(byDate)).containsExactlyInAnyOrderElementsOf(ids(byRank));
        assertThat(ids(byDate)).contains(NIGHT_SCHOOL);
        SearchResult lexical = search(newest, MEMBER);
        assertThat(ids(byDate).stream().filter(id -> id != NIGHT_SCHOOL).toList()).as("dates order, not fusion")
                .isEqualTo(ids(lexical));
    }

    @Test
    void withoutAVectorOrTextTheSemanticLegStaysOut() {
        addSemanticNeighbours();
        SearchResult all = search(SearchRequest.of(""), MEMBER);
        SearchResult allWithVector = hybrid(SearchRequest.of(""), MEMBER);
        assertThat(allWithVector.total()).isEqualTo(all.total());
        assertThat(ids(allWithVector)).isEqualTo(ids(all));
    }

    // ---- facets of a search matching more hits than they are counted over

    protected static final long NEAR_ONLY = 3200;
    protected static final long LOW_AND_NEAR = 3117;

    /**
     * 30 published methods matching 抽样计数 (which nothing in the corpus does): 12 name it in their
     * title and score highest (践行群众路线, tag 标题命中, department 1), 18 only in their problem
     * (带好队伍, tag 正文命中, department 2); and an archived one naming it in its title.
     */
    private void addSampledMatches() {
        List<IndexDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            documents.add(SearchCorpus.document(3000 + i, "“抽样计数”工作法" + i, "做法说明。", List.of("标题命中"),
                    MethodStatus.PUBLISHED, 1, 1, Category.MASS_LINE));
        }
        for (int i = 0; i < 18; i++) {
            documents.add(SearchCorpus.document(3100 + i, "“台账整理”工作法" + i,
                    "各支部每月整理台账，核对人员名单，汇总意见建议，最后附上抽样计数的结果。", List.of("正文命中"),
                    MethodStatus.PUBLISHED, 1, 2, Category.TEAM_BUILDING));
        }
        documents.add(SearchCorpus.document(3099, "“抽样计数”旧工作法", "已经归档。", List.of("标题命中"),
                MethodStatus.ARCHIVED, 1, 1, Category.MASS_LINE));
        index.apply(documents, List.of());
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        result.facets().get(facet).forEach(f -> counts.put(f.value(), f.count()));
        return counts;
    }

    @Test
    void facetsOfASearchMatchingMoreThanTheSampleCountItsBestHitsAndSaySo() {
        addSampledMatches();
        index.close();
        index = reopen(10);

        for (SearchSort sort : SearchSort.values()) {
            SearchResult result = search(new SearchRequest("抽样计数", null, null, null, null, null, sort, 0, 5), MEMBER);

            assertThat(result.total()).as("the total counts every match").isEqualTo(30);
            assertThat(result.facetsApproximate()).isTrue();
            assertThat(counts(result, "category")).as("the best 10 by score, whatever the order of the page (%s)", sort)
                    .isEqualTo(Map.of(Category.MASS_LINE.name(), 10L));
            assertThat(counts(result, "tag")).isEqualTo(Map.of("标题命中", 10L));
            assertThat(counts(result, "department")).isEqualTo(Map.of("1", 10L));
            assertThat(counts(result, "year")).isEqualTo(Map.of("2024", 10L));
            assertThat(counts(result, "status")).as("the status facet counts every match")
                    .isEqualTo(Map.of("PUBLISHED", 30L, "ARCHIVED", 1L));
        }
        SearchResult narrowed = search(new SearchRequest("抽样计数", Category.TEAM_BUILDING, null, null, null, null,
                SearchSort.RELEVANCE, 0, 5), MEMBER);
        assertThat(narrowed.total()).isEqualTo(18);
        assertThat(narrowed.facetsApproximate()).isTrue();
        assertThat(counts(narrowed, "tag")).isEqualTo(Map.of("正文命中", 10L));
    }

    @Test
    void facetsOfASearchMatchingNoMoreThanTheSampleAreExact() {
        addSampledMatches();
        Map<String, Long> exact = Map.of(Category.MASS_LINE.name(), 12L, Category.TEAM_BUILDING.name(), 18L);
        SearchResult byDefault = search("抽样计数");
        assertThat(byDefault.facetsApproximate()).isFalse();
        assertThat(counts(byDefault, "category")).isEqualTo(exact);

        index.close();
        index = reopen(30);
        SearchResult result = search("抽样计数");

        assertThat(result.total()).isEqualTo(30);
        assertThat(result.facetsApproximate()).as("30 matches, a sample of 30").isFalse();
        assertThat(counts(result, "category")).isEqualTo(exact);
        assertThat(counts(result, "tag")).isEqualTo(Map.of("标题命中", 12L, "正文命中", 18L));
        assertThat(counts(search(new SearchRequest("抽样计数", Category.MASS_LINE, null, null, null, null,
                SearchSort.NEWEST, 0, 5), MEMBER), "category")).isEqualTo(Map.of(Category.MASS_LINE.name(), 12L));
    }

    @Test
    void browsingWithoutATextCountsEveryMatchWhateverTheSample() {
        addSampledMatches();
        index.close();
        index = reopen(10);

        SearchResult all = search(SearchRequest.of(""), MEMBER);

        assertThat(all.total()).isEqualTo(64 + 30);
        assertThat(all.facetsApproximate()).isFalse();
        assertThat(all.facets().get("category").stream().mapToLong(FacetCount::count).sum()).isEqualTo(64 + 30);
    }

    @Test
    void theSemanticLegsMethodsAreCountedInASampledFacetWhereverTheyRank() {
        addSampledMatches();
        index.apply(List.of(
                SearchCorpus.document(NEAR_ONLY, "“夜间巡查”工作法", "值班人员夜里巡查。", List.of(), MethodStatus.PUBLISHED,
                        1, 3, Category.COHESION).withVector(vector(0)),
                SearchCorpus.document(LOW_AND_NEAR, "“台账整理”工作法17",
                        "各支部每月整理台账，核对人员名单，汇总意见建议，最后附上抽样计数的结果。", List.of("正文命中"),
                        MethodStatus.PUBLISHED, 1, 2, Category.TEAM_BUILDING).withVector(vector(5))), List.of());
        index.close();
        index = reopen(10);

        for (SearchSort sort : SearchSort.values()) {
            SearchResult result = hybrid(new SearchRequest("抽样计数", null, null, null, null, null, sort, 0, 5), MEMBER);

            assertThat(result.total()).isEqualTo(31);
            assertThat(result.facetsApproximate()).isTrue();
            assertThat(counts(result, "category")).as("the best 10 by the text, and both near in meaning (%s)", sort)
                    .isEqualTo(Map.of(Category.MASS_LINE.name(), 10L, Category.TEAM_BUILDING.name(), 1L,
                            Category.COHESION.name(), 1L));
            assertThat(counts(result, "status")).isEqualTo(Map.of("PUBLISHED", 31L, "ARCHIVED", 1L));
        }

        index.close();
        index = reopen(31);
        SearchResult exact = hybrid(SearchRequest.of("抽样计数"), MEMBER);
        assertThat(exact.facetsApproximate()).isFalse();
        assertThat(counts(exact, "category")).isEqualTo(Map.of(Category.MASS_LINE.name(), 12L,
                Category.TEAM_BUILDING.name(), 18L, Category.COHESION.name(), 1L));
    }
}
