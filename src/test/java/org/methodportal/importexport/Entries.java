package org.methodportal.importexport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Builds import files in the corpus format for tests: complete entries that a test then changes. */
final class Entries {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Entries() {
    }

    /** A prefix no other test uses, for ids, departments and tags. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete entry in the corpus format, from a department in the demo data. */
    static Map<String, Object> entry(String id, String title) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("title", title);
        entry.put("summary", "摘要：" + title);
        entry.put("category", "破解业务难题");
        entry.put("department", "财政部");
        entry.put("branch", "预算司党支部");
        entry.put("problem", "项目多、时间紧，评审口径不一。");
        entry.put("concept", "把组织优势转化为把关优势。");
        entry.put("measures", List.of("组建评审小组", "编制要点清单"));
        entry.put("steps", List.of("筛查", "问询", "汇总"));
        entry.put("outcomes", "退改次数明显下降。");
        entry.put("applicability", "承担审核把关职能的处室党支部。");
        entry.put("tags", List.of("预算评审", "审核把关"));
        entry.put("raw_practice", "我们处一到编预算就跟打仗一样，后来分三拨人把关。");
        entry.put("created", "2016-03-18");
        return entry;
    }

    static Map<String, Object> with(Map<String, Object> entry, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> entry, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.remove(field);
        return copy;
    }

    static String line(Map<String, Object> entry) {
        return JSON.writeValueAsString(entry);
    }

    /** Lines as a file: entries are written as JSON, strings are taken as they are (broken lines). */
    static String file(Object... lines) {
        List<String> text = new ArrayList<>();
        for (Object line : lines) {
            if (line instanceof Map<?, ?> map) {
                text.add(JSON.writeValueAsString(map));
            } else {
                text.add((String) line);
            }
        }
        return String.join("\n", text) + "\n";
    }

    static InputStream stream(String file) {
        return new ByteArrayInputStream(file.getBytes(UTF_8));
    }

    static List<Object> lines(Object... lines) {
        return Arrays.asList(lines);
    }
}
