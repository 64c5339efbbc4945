package org.methodportal.search.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDocument;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.TestCorpus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 60 sample methods of the evaluation corpus as index documents: id n for entry m00n,
 * published, owned by account 1, one department id per department name; and the starter glossary.
 */
public final class SearchCorpus {

    private static final Path FILE = TestCorpus.methods();
    private static final Path GLOSSARY = Path.of("seeds/glossary.jsonl");

    private SearchCorpus() {
    }

    public static List<IndexDocument> documents() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Long> departments = new LinkedHashMap<>();
        List<IndexDocument> documents = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode e = json.readTree(line);
            long id = Long.parseLong(e.path("id").asString().substring(1));
            String department = e.path("department").asString();
            long departmentId = departments.computeIfAbsent(department, d -> 100L + departments.size());
            var content = new MethodContent(e.path("title").asString(), e.path("summary").asString(null),
                    Category.fromName(e.path("category").asString()).orElseThrow(), e.path("problem").asString(),
                    e.path("concept").asString(null), list(e, "measures"), list(e, "steps"),
                    e.path("outcomes").asString(null), e.path("applicability").asString(null), list(e, "tags"), null);
            var created = LocalDate.parse(e.path("created").asString()).atStartOfDay(IndexDocument.ZONE).toInstant();
            documents.add(IndexDocument.of(new MethodDocument(id, e.path("id").asString(), MethodStatus.PUBLISHED,
                    departmentId, department, e.path("branch").asString(), 1, created, created,
                    e.path("raw_practice").asString(null), content, 0)));
        }
        return documents;
    }

    /** A document of our own beside the corpus. */
    public static IndexDocument document(long id, String title, String problem, List<String> tags, MethodStatus status,
                                         long ownerId, long departmentId) {
        return document(id, title, problem, tags, status, ownerId, departmentId, Category.PARTY_BUILDING);
    }

    /** A document of our own beside the corpus, in this category. */
    public static IndexDocument document(long id, String title, String problem, List<String> tags, MethodStatus status,
                                         long ownerId, long departmentId, Category category) {
        return document(id, title, problem, tags, status, ownerId, departmentId, category, 0);
    }

    /** A document of our own beside the corpus, in this category, used by {@code adoptions} branches now. */
    public static IndexDocument document(long id, String title, String problem, List<String> tags, MethodStatus status,
                                         long ownerId, long departmentId, Category category, int adoptions) {
        var content = new MethodContent(title, null, category, problem, null, List.of("措施"),
                List.of(), null, null, tags, null);
        var created = LocalDate.of(2024, 5, 1).atStartOfDay(IndexDocument.ZONE).toInstant();
        return IndexDocument.of(new MethodDocument(id, null, status, departmentId, "测试部门" + departmentId, "测试支部",
                ownerId, created, created, null, content, adoptions));
    }

    public static List<GlossaryTerm> glossary() throws IOException {
        try (InputStream in = Files.newInputStream(GLOSSARY)) {
            return GlossaryTerm.readJsonLines(in);
        }
    }

    private static List<String> list(JsonNode entry, String field) {
        List<String> items = new ArrayList<>();
        entry.path(field).forEach(item -> items.add(item.asString()));
        return items;
    }
}
