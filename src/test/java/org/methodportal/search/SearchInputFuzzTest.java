package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.method.MethodService;
import org.methodportal.search.elasticsearch.TestNode;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryTerms;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.lucene.LuceneQueries;
import org.methodportal.search.lucene.LuceneSearchIndex;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;

/**
 * Any input answers: 10,000 random search texts (Chinese, Latin, digits, punctuation, Lucene and
 * Elasticsearch query syntax, emoji, control characters, traditional and full-width forms, pastes
 * of up to 2,000 characters of corpus text) through the service over the corpus in Lucene, and a
 * sample on the Elasticsearch test node. None may fail, none may build a Lucene query over the
 * clause budget, and no answer may carry a control character.
 * Seeded, so a failure repeats.
 */
class SearchInputFuzzTest {

    static final int INPUTS = 10_000;
    /** A smaller sample on the Elasticsearch test node: every search there is a request. */
    static final int ELASTICSEARCH_INPUTS = 400;
    static final long SEED = 14;
    /** Hits per search: enough to check their highlights, few enough to keep the test short. */
    static final int PAGE = 3;
    /** Per budget unit one clause per text field, and the pinyin and initials phrases. */
    static final int CLAUSE_BUDGET = QueryTerms.BUDGET * IndexDocument.WEIGHTS.size() + 2;

    @TempDir
    static Path dir;
    private static LuceneSearchIndex lucene;
    private static SearchService service;
    private static final List<IndexQuery> planned = new ArrayList<>();
    private static String corpusText;
    private static List<IndexDocument> documents;

    @BeforeAll
    static void indexTheCorpus() throws IOException {
        lucene = new LuceneSearchIndex(dir);
        List<IndexDocument> documents = SearchCorpus.documents();
        lucene.apply(documents, List.of());
        SearchInputFuzzTest.documents = documents;
        corpusText = documents.stream().flatMap(d -> Stream.concat(Stream.of(d.title(), d.problem()),
                d.measures().stream())).collect(Collectors.joining("\n"));
        service = service(lucene);
    }

    /** The service over an engine, recording each query the engine is asked. */
    private static SearchService service(SearchIndex engine) throws IOException {
        SearchIndex recording = mock(SearchIndex.class, withSettings().stubOnly().defaultAnswer(invocation -> {
            if (invocation.getMethod().getName().equals("search")) {
                planned.add(invocation.getArgument(0));
            }
            try {
                return invocation.getMethod().invoke(engine, invocation.getArguments());
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
        SearchGlossary glossary = mock(SearchGlossary.class);
        when(glossary.terms()).thenReturn(SearchCorpus.glossary());
        CurrentUser currentUser = mock(CurrentUser.class);
        when(currentUser.require()).thenReturn(new PortalUser(9, "member", "党员", null, true, 1, 1, Set.of(Role.MEMBER),
                Set.of(), Locale.CHINA));
        SearchIndexer indexer = mock(SearchIndexer.class);
        when(indexer.health()).thenReturn(IndexHealth.SERVING);
        return new SearchService(recording, indexer, glossary, mock(MethodService.class), currentUser,
                event -> { }, Clock.systemUTC(), QueryEmbeddings.off(), mock(EmbeddingBackfill.class));
    }

    @AfterAll
    static void close() {
        lucene.close();
    }

    @Test
    void anyInputAnswersWithinTheClauseBudgetAndWithoutControlCharacters() {
        assertThat(CLAUSE_BUDGET).isLessThan(IndexSearcher.getMaxClauseCount());
        run(service, INPUTS, SEED, true);
    }

    @Test
    void aSampleOfInputsAnswersOnElasticsearch() throws IOException {
        String alias = "fuzz";
        try (SearchIndex elasticsearch = TestNode.searchIndex(alias)) {
            elasticsearch.apply(documents, List.of());
            run(service(elasticsearch), ELASTICSEARCH_INPUTS, SEED + 1, false);
        } finally {
            TestNode.dropIndexes(alias);
        }
    }

    /** Searches {@code count} random inputs; none may fail or return a control character. */
    private static void run(SearchService searches, int count, long seed, boolean checkLuceneClauses) {
        Random random = new Random(seed);
        int found = 0;
        int truncated = 0;
        for (int i = 0; i < count; i++) {
            String input = input(random);
            planned.clear();
            SearchResult result;
            try {
                result = searches.search(new SearchRequest(input, null, null, null, null, null, SearchSort.RELEVANCE, 0,
                        PAGE));
            } catch (RuntimeException e) {
                throw new AssertionError("input #" + i + " failed: " + printable(input), e);
            }
            for (IndexQuery query : checkLuceneClauses ? planned : List.<IndexQuery>of()) {
                int clauses = LuceneQueries.clauses(lucene, query);
                if (clauses > CLAUSE_BUDGET) {
                    fail("input #%d built %d clauses (budget %d): %s", i, clauses, CLAUSE_BUDGET, printable(input));
                }
            }
            for (SearchHit hit : result.hits()) {
                for (List<String> fragments : hit.highlights().values()) {
                    for (String fragment : fragments) {
                        assertThat(hasControl(fragment)).as("highlight of input #%d: %s", i, printable(fragment)).isFalse();
                    }
                }
                assertThat(hasControl(hit.title())).isFalse();
            }
            found += result.total() > 0 ? 1 : 0;
            truncated += result.truncated() ? 1 : 0;
        }
        assertThat(found).as("inputs that found something").isGreaterThan(count / 10);
        assertThat(truncated).as("inputs over %d characters, cut", QueryTerms.MAX_LENGTH).isGreaterThan(count / 40);
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    private static String printable(String text) {
        var out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> out.append(c < 32 || c == 127 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.toString();
    }

    private static final String[] SYNTAX = {"title:", "(", ")", "[", "]", "{", "}", "\"", "'", "~2", "^3", "*", "?",
            "\\", "/", "+", "-", "&&", "||", "!", " AND ", " OR ", " NOT ", "[1 TO 5]", "_exists_:title",
            "{\"query\":{\"match_all\":{}}}", "<script>alert(1)</script>", "%00", "${jndi:x}", "'; DROP TABLE method;--",
            "**粗体**", "<b>三会一课</b>", "\\u0000", ":", "=", "#", "@", "|"};
    private static final String[] WORDS = {"三会一课", "怎么", "如何", "的", "了", "吗", "支部", "党员", "sanshensanhe", "shyk",
            "wu dui jie", "liangcang", "OA", "12345", "工单", "老带新", "乡振", "過預算", "樓棟議事", "ＯＡ", "１２３４５",
            "两张皮", "青年干部", "新同志", "怎么办", "为什么", "哪些", "是", "有", "呢"};

    /** One random search text. */
    static String input(Random random) {
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0 -> corpusPaste(random, 1 + random.nextInt(2_000));
            case 1 -> chars(random, 1 + random.nextInt(60), 0x4E00, 0x9FFF);
            case 2 -> chars(random, 1 + random.nextInt(40), 0x20, 0x7E);
            case 3 -> chars(random, 1 + random.nextInt(30), 0x0, 0x3F);
            case 4 -> emoji(random, 1 + random.nextInt(30));
            case 5 -> chars(random, 1 + random.nextInt(40), 0xFF01, 0xFF5E);
            case 6 -> pick(random, SYNTAX, 1 + random.nextInt(12));
            case 7 -> pick(random, WORDS, 1 + random.nextInt(15));
            case 8 -> corpusPaste(random, 15 + random.nextInt(30)) + pick(random, WORDS, 2);
            case 9 -> chars(random, 1 + random.nextInt(400), 0x0, 0xFFFF);
            case 10 -> String.valueOf(random.nextLong()).repeat(1 + random.nextInt(30));
            default -> mixed(random);
        };
    }

    private static String mixed(Random random) {
        var out = new StringBuilder();
        int parts = 2 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            String part = input(random);
            out.append(part, 0, Math.min(part.length(), 80));
        }
        return out.toString();
    }

    private static String corpusPaste(Random random, int length) {
        int start = random.nextInt(Math.max(1, corpusText.length() - length));
        return corpusText.substring(start, Math.min(corpusText.length(), start + length));
    }

    private static String chars(Random random, int length, int from, int to) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (from + random.nextInt(to - from + 1)));
        }
        return out.toString();
    }

    private static String emoji(Random random, int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.appendCodePoint(0x1F300 + random.nextInt(0x300));
            if (random.nextInt(4) == 0) {
                out.append("\u200D");
            }
        }
        return out.toString();
    }

    private static String pick(Random random, String[] values, int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(values[random.nextInt(values.length)]);
            if (random.nextBoolean()) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
