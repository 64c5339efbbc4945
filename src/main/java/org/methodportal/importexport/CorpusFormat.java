package org.methodportal.importexport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.ImportedMethod;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.shared.PortalException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of the JSON lines format of {@code ../corpus/methods.jsonl}: id, title, summary,
 * category (Chinese name), department, branch, problem, concept, measures[], steps[], outcomes,
 * applicability, tags[], raw_practice, created, plus an optional Markdown {@code body} that the
 * portal's own entries may have. Reading reports the first thing wrong with a line as a
 * {@link PortalException} whose code names it.
 */
final class CorpusFormat {

    /** The corpus gives calendar days of its Chinese sources; they start at midnight in China. */
    static final ZoneId CORPUS_ZONE = ZoneId.of("Asia/Shanghai");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CorpusFormat() {
    }

    static ImportedMethod read(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw PortalException.invalid("import.invalid-json");
        }
        if (node == null || !node.isObject()) {
            throw PortalException.invalid("import.invalid-json");
        }
        String categoryName = text(node, "category");
        if (categoryName == null || categoryName.isBlank()) {
            throw PortalException.invalid("import.field-required", "category");
        }
        Category category = Category.fromName(categoryName)
                .orElseThrow(() -> PortalException.invalid("method.category-unknown", categoryName));
        // Title and problem may be missing here: the service reports them as the editor would.
        @SuppressWarnings("DataFlowIssue")
        var content = new MethodContent(text(node, "title"), text(node, "summary"), category, text(node, "problem"),
                text(node, "concept"), list(node, "measures"), list(node, "steps"), text(node, "outcomes"),
                text(node, "applicability"), list(node, "tags"), text(node, "body"));
        return new ImportedMethod(id(node), content, text(node, "department"), text(node, "branch"),
                text(node, "raw_practice"), created(node));
    }

    /** The method as one line; {@code id} is its source id, or "portal-" and its number if it has none. */
    static String write(MethodDetail method) {
        MethodContent c = method.revision().content();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", method.externalId() != null ? method.externalId() : "portal-" + method.id());
        node.put("title", c.title());
        putIfPresent(node, "summary", c.summary());
        node.put("category", c.category().chineseName());
        node.put("department", method.departmentName());
        node.put("branch", method.branchName());
        node.put("problem", c.problem());
        putIfPresent(node, "concept", c.concept());
        putList(node, "measures", c.measures());
        putList(node, "steps", c.steps());
        putIfPresent(node, "outcomes", c.outcomes());
        putIfPresent(node, "applicability", c.applicability());
        putList(node, "tags", c.tags());
        putIfPresent(node, "raw_practice", method.rawPractice());
        node.put("created", created(method.createdAt()));
        putIfPresent(node, "body", c.body());
        return JSON.writeValueAsString(node);
    }

    /** A day as the corpus writes it when the time is midnight in China, else the full time, so nothing is lost. */
    static String created(Instant instant) {
        ZonedDateTime time = instant.atZone(CORPUS_ZONE);
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
    }

    private static @Nullable Instant created(JsonNode node) {
        String value = text(node, "created");
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        try {
            return trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay(CORPUS_ZONE).toInstant()
                    : OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw PortalException.invalid("import.created-invalid", trimmed);
        }
    }

    /** The source id may be written as a string or a whole number. */
    private static @Nullable String id(JsonNode node) {
        JsonNode value = node.get("id");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() || value.isIntegralNumber()) {
            return value.asString();
        }
        throw PortalException.invalid("import.field-invalid", "id");
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw PortalException.invalid("import.field-invalid", field);
        }
        return value.asString();
    }

    private static List<String> list(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw PortalException.invalid("import.field-invalid", field);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw PortalException.invalid("import.field-invalid", field);
            }
            items.add(item.asString());
        }
        return items;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putList(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
