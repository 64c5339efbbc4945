package org.methodportal.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.methodportal.bench.LoadStats.Action;
import org.methodportal.method.Category;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person using the portal through the REST API with personal API tokens of their own: a
 * member's for reading, searching and commenting, a secretary's for editing that secretary's
 * draft (created first when the secretary has none). Between actions a uniformly random think
 * time; the action drawn by the fixed mix of {@link #pick}. Deterministic for a given seed, apart
 * from the timing.
 */
final class SimulatedUser implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PAGE_SIZE = 20;
    /** The browse sorts of MethodController; without sort the list is newest first. */
    private static final List<String> SORT_KEYS = List.of("updatedAt", "createdAt", "title", "category", "status",
            "department");
    /** The content fields of a save (MethodJson.ProposalRequest), copied from the draft as read. */
    private static final List<String> CONTENT_FIELDS = List.of("title", "summary", "category", "problem", "concept",
            "measures", "steps", "outcomes", "applicability", "tags", "body");
    /** The mark an edit leaves at the end of the problem; the next edit replaces it, so the text does not grow. */
    private static final Pattern EDIT_MARK = Pattern.compile("（压测修改 \\d+）$");
    private static final List<String> COMMENTS = List.of("这个做法我们支部也试过，效果不错。",
            "请问第二步具体怎么组织？", "建议补充一下适用的支部规模。", "学习了，准备在下次支部会上交流。",
            "青年党员多的支部可以参考。");

    private final HttpClient http;
    private final LoadPlan plan;
    private final LoadStats stats;
    private final String memberBearer;
    private final String secretaryLogin;
    private final String secretaryBearer;
    private final Random random;
    private @Nullable Long draft;
    private int edits;

    SimulatedUser(HttpClient http, LoadPlan plan, LoadStats stats, String memberBearer, String secretaryLogin,
                  String secretaryBearer, @Nullable Long draft, long seed) {
        this.http = http;
        this.plan = plan;
        this.stats = stats;
        this.memberBearer = memberBearer;
        this.secretaryLogin = secretaryLogin;
        this.secretaryBearer = secretaryBearer;
        this.draft = draft;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        try {
            // Not everyone at once: the first action after up to one longest think time.
            Thread.sleep(random.nextLong(plan.thinkMaxMs() + 1));
            while (true) {
                long think = plan.thinkMinMs() + random.nextLong(plan.thinkMaxMs() - plan.thinkMinMs() + 1);
                if (System.nanoTime() + think * 1_000_000 >= plan.end()) {
                    return;
                }
                Thread.sleep(think);
                act(pick());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mix: browse 40 %, read 30 %, search 20 %, comment 5 %, edit 5 %. */
    private Action pick() {
        int p = random.nextInt(100);
        return p < 40 ? Action.BROWSE : p < 70 ? Action.READ : p < 90 ? Action.SEARCH : p < 95 ? Action.COMMENT
                : draft == null ? Action.CREATE_DRAFT : Action.EDIT;
    }

    private void act(Action action) throws InterruptedException {
        long start = System.nanoTime();
        boolean measured = start >= plan.warmUpEnd();
        String failure;
        try {
            failure = switch (action) {
                case BROWSE -> failure(get(browsePath(), memberBearer));
                case READ -> failure(get("/api/v1/methods/" + any(plan.visibleIds()), memberBearer));
                case SEARCH -> failure(get("/api/v1/search?q=" + encode(any(plan.queries())), memberBearer));
                case COMMENT -> comment();
                case EDIT -> edit();
                case CREATE_DRAFT -> createDraft();
            };
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        }
        if (failure == null) {
            stats.success(action, (System.nanoTime() - start) / 1e6, measured);
        } else {
            stats.error(action, failure, measured);
        }
    }

    /** A page of the method list: mostly the first pages, a random sort and at most one filter. */
    private String browsePath() {
        int p = random.nextInt(100);
        int page = p < 60 ? 0 : p < 90 ? 1 + random.nextInt(4) : 5 + random.nextInt(45);
        var query = new StringJoiner("&", "/api/v1/methods?", "").add("page=" + page).add("size=" + PAGE_SIZE);
        int sort = random.nextInt(SORT_KEYS.size() * 2 + 2);
        if (sort < SORT_KEYS.size() * 2) {
            query.add("sort=" + SORT_KEYS.get(sort / 2) + (sort % 2 == 0 ? ",asc" : ",desc"));
        }
        switch (random.nextInt(10)) {
            case 4 -> query.add("category=" + encode(any(List.of(Category.values())).chineseName()));
            case 5 -> query.add("department=" + any(plan.departments()));
            case 6 -> query.add("status=" + (random.nextInt(4) == 0 ? "ARCHIVED" : "PUBLISHED"));
            case 7 -> query.add("tag=" + encode(any(plan.tags())));
            case 8 -> query.add("q=" + encode(any(plan.titleWords())));
            case 9 -> query.add("author=" + any(plan.authors()));
            default -> { }
        }
        return query.toString();
    }

    private @Nullable String comment() throws IOException, InterruptedException {
        String text = any(COMMENTS) + "（" + secretaryLogin + "的同事）";
        return failure(send(HttpRequest.newBuilder(plan.uri("/api/v1/methods/" + any(plan.publishedIds()) + "/comments"))
                .header("Content-Type", "application/json").POST(json(Map.of("text", text))), memberBearer));
    }

    /** Opens the draft (its latest revision and ETag, as the editor would) and saves a changed problem. */
    private @Nullable String edit() throws IOException, InterruptedException {
        HttpResponse<String> open = get("/api/v1/methods/" + draft, secretaryBearer);
        String failure = failure(open);
        if (failure != null) {
            return failure;
        }
        String etag = open.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag"));
        Map<String, Object> method = JSON.readValue(open.body(), OBJECT);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : CONTENT_FIELDS) {
            if (method.get(field) != null) {
                body.put(field, method.get(field));
            }
        }
        edits++;
        body.put("problem", EDIT_MARK.matcher((String) method.get("problem")).replaceFirst("") + "（压测修改 " + edits + "）");
        body.put("changeNote", "压测修改 " + edits);
        return failure(send(HttpRequest.newBuilder(plan.uri("/api/v1/proposals/" + draft)).header("If-Match", etag)
                .header("Content-Type", "application/json").PUT(json(body)), secretaryBearer));
    }

    /** A secretary without a draft of their own starts one; later edits revise it. */
    private @Nullable String createDraft() throws IOException, InterruptedException {
        Map<String, Object> body = Map.of(
                "title", "“压测草稿" + secretaryLogin + "”工作法",
                "category", Category.TEAM_BUILDING.chineseName(),
                "problem", "新同志进支部后不熟悉业务，老同志带教缺少章法。",
                "measures", List.of("结对带教", "每月交流一次心得"),
                "steps", List.of("确定带教对子", "制定带教计划", "季度评估"),
                "tags", List.of("青年干部", "传帮带"),
                "changeNote", "初稿");
        HttpResponse<String> created = send(HttpRequest.newBuilder(plan.uri("/api/v1/proposals"))
                .header("Content-Type", "application/json").POST(json(body)), secretaryBearer);
        String failure = failure(created);
        if (failure == null) {
            draft = ((Number) JSON.readValue(created.body(), OBJECT).get("id")).longValue();
        }
        return failure;
    }

    private HttpResponse<String> get(String pathAndQuery, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(plan.uri(pathAndQuery)).GET(), bearer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String bearer)
            throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).header("Authorization", bearer).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.BodyPublisher json(Map<String, Object> body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    /** Null for a 2xx answer, else what was asked and what came back. */
    private static @Nullable String failure(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            return null;
        }
        HttpRequest request = response.request();
        return request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
                + " → " + response.statusCode() + " " + response.body();
    }

    private long any(long[] ids) {
        return ids[random.nextInt(ids.length)];
    }

    private <T> T any(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
