package org.methodportal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation the OpenAPI document lists, called anonymously and as each demo role, against the
 * expected outcome kept in {@code security/api-access.tsv}: {@code 401} (not signed in), {@code 403}
 * (not allowed) or {@code ok} (anything else: the request got past the access rules, whatever the
 * missing ids and bodies then made of it). An operation without a line fails the build, so a new
 * endpoint gets its access decided and written down; {@code -Dportal.access-matrix.write=true}
 * writes the table as the portal answers now, for review.
 * <p>
 * Its own context (the extra property): the calls start reindexing and the like with empty bodies.
 */
@SpringBootTest(properties = {"spring.config.location=classpath:/", "portal.test.access-matrix=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiAccessMatrixTest {

    private static final String TABLE = "security/api-access.tsv";
    private static final List<String> CALLERS = List.of("anonymous", "member", "secretary", "reviewer", "admin");
    private static final String MISSING_ID = "999999";
    private static final String CATEGORY = "发挥党建优势";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JsonMapper json;
    JsonNode components;

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() throws Exception {
        Map<String, List<String>> actual = new TreeMap<>();
        JsonNode document = json.readTree(mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString());
        JsonNode paths = document.get("paths");
        components = document.path("components").path("schemas");
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                List<String> outcomes = new ArrayList<>();
                for (String caller : CALLERS) {
                    outcomes.add(outcome(method, path.getKey(), operation.getValue(), caller));
                }
                actual.put(method + "\t" + path.getKey(), outcomes);
            }
        }
        if (Boolean.getBoolean("portal.access-matrix.write")) {
            write(actual);
        }
        Map<String, List<String>> expected = read();

        assertThat(actual.keySet()).as("operations without an expected line in " + TABLE + " (add them)")
                .isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("lines in " + TABLE + " for operations that no longer exist")
                .isSubsetOf(actual.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((operation, outcomes) -> {
            if (!outcomes.equals(actual.get(operation))) {
                differences.add(operation + ": expected " + outcomes + ", got " + actual.get(operation));
            }
        });
        assertThat(differences).as("access differing from " + TABLE).isEmpty();
        assertThat(actual).as("every operation refuses anonymous callers")
                .allSatisfy((operation, outcomes) -> assertThat(outcomes.getFirst()).as(operation).isEqualTo("401"));
    }

    private String outcome(String method, String path, JsonNode operation, String caller) throws Exception {
        StringBuilder uri = new StringBuilder(path.replaceAll("\\{action[^}]*}", "resolve").replaceAll("\\{[^}]+}", MISSING_ID));
        String separator = "?";
        JsonNode parameters = operation.get("parameters");
        if (parameters != null) {
            for (JsonNode parameter : parameters) {
                if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean()) {
                    String type = parameter.path("schema").path("type").asString();
                    uri.append(separator).append(parameter.get("name").asString())
                            .append("integer".equals(type) ? "=1" : "=x");
                    separator = "&";
                }
            }
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri.toString());
        if (!"GET".equals(method)) {
            request.header("If-Match", "\"0\"");
        }
        JsonNode body = operation.path("requestBody").path("content");
        if (body.has("application/json")) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(example(body.get("application/json").get("schema"), 0)));
        } else if (!body.isMissingNode() && body.size() > 0) {
            request.contentType(body.properties().iterator().next().getKey()).content("");
        }
        if (!"anonymous".equals(caller)) {
            request.with(user(users.loadUserByUsername(caller)));
        }
        int status = mvc.perform(request).getResponse().getStatus();
        return status == 401 || status == 403 ? String.valueOf(status) : "ok";
    }

    /**
     * A body the schema accepts, so that the request reaches the service's access check rather than
     * stopping at validation: strings, numbers and lists of one, the first value of an enum.
     */
    private JsonNode example(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return example(components.get(name), depth);
        }
        var factory = json.getNodeFactory();
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (schema.path("type").asString()) {
            case "object" -> {
                var object = factory.objectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p -> object.set(p.getKey(),
                            switch (p.getKey()) {
                                case "category" -> factory.stringNode(CATEGORY);
                                case "version" -> factory.numberNode(0);
                                default -> example(p.getValue(), depth + 1);
                            }));
                }
                return object;
            }
            case "array" -> {
                var array = factory.arrayNode();
                array.add(example(schema.get("items"), depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return factory.numberNode(1);
            }
            case "boolean" -> {
                return factory.booleanNode(true);
            }
            default -> {
                return factory.stringNode("date-time".equals(schema.path("format").asString())
                        ? "2026-01-01T00:00:00Z" : "lantern-ferry-" + depth);
            }
        }
    }

    private static Map<String, List<String>> read() throws IOException {
        Map<String, List<String>> table = new LinkedHashMap<>();
        try (InputStream in = ApiAccessMatrixTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as(line).hasSize(2 + CALLERS.size());
                table.put(cells[0] + "\t" + cells[1], List.of(cells).subList(2, cells.length));
            }
        }
        return table;
    }

    private static void write(Map<String, List<String>> actual) throws IOException {
        StringBuilder text = new StringBuilder("""
                # Who may call each operation of the REST API: 401 not signed in, 403 not allowed, ok allowed
                # (the request got past the access rules). Checked by ApiAccessMatrixTest against the OpenAPI
                # document; every operation needs a line. Columns: method, path, then the callers.
                """);
        text.append("#method\tpath\t").append(String.join("\t", CALLERS)).append('\n');
        actual.forEach((operation, outcomes) -> text.append(operation).append('\t')
                .append(String.join("\t", outcomes)).append('\n'));
        Files.writeString(Path.of("src/test/resources", TABLE), text);
    }
}
