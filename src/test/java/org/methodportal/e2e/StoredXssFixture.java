package org.methodportal.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.account.Branch;
import org.methodportal.account.BranchForm;
import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.comment.CommentDraft;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.VisibleComment;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.importexport.ImportExportService;
import org.methodportal.importexport.ImportProgress;
import org.methodportal.merge.MergeService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.notification.WatchService;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewQuorumService;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.Role;
import org.methodportal.shared.TestUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores the payloads through the services, as the people who may write each field would, in
 * every text field that some page shows. Payload {@code i} goes whole into the fields of its own
 * method and organisation (department, branch, account name, glossary term, method {@code i}:
 * title, summary, problem, concept, measure, step, outcomes, applicability, tag, body, change note,
 * review comment; an API token name), and into group {@code i mod 4}: a published entry whose
 * every field holds all of its group's payloads, with comments (edited), replies and hidden
 * comments with the payload as the reason; a change request on it with section comments carrying
 * suggestions, kept variants and a review asking for changes; an imported entry with the original
 * text (raw_practice). Two merges (总结提炼) have change notes of up to 500 characters of payloads.
 */
final class StoredXssFixture {

    /** Found in every method the fixture writes, so one search lists them all. */
    static final String MARK = "注入样例";
    static final int GROUPS = 4;
    private static final String PASSWORD = "Xs5-tR9!qLm2#vW7";
    /** Tags are at most 40 characters (MethodService.TAG_MAX); longer payloads go into the other fields only. */
    private static final int TAG_MAX = 40;
    private static final Scores SCORES = new Scores(4, 4, 4, 4, 4, 4);

    /** What the journey opens: the ids of the methods and merges holding the payloads. */
    record Data(List<Long> published, List<Long> aggregates, List<Long> changeRequests, List<Long> imported,
                long reviewerMerge, long adminMerge, List<String> fieldKinds) {

        /** The methods with discussions: the group entries and their change requests. */
        List<Long> allDiscussed() {
            List<Long> all = new ArrayList<>(aggregates);
            all.addAll(changeRequests);
            return all;
        }
    }

    private final MethodService methods;
    private final ProposalService proposals;
    private final ReviewService reviews;
    private final CommentService comments;
    private final GlossaryService glossary;
    private final OrganisationService organisation;
    private final AccountService accounts;
    private final WatchService watches;
    private final MergeService merges;
    private final ApiTokenService tokens;
    private final ReviewQuorumService quorum;
    private final ImportExportService importExport;
    private final JsonMapper json = JsonMapper.builder().build();
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy securityContexts;
    private List<String> payloads = List.of();

    StoredXssFixture(ApplicationContext context) {
        methods = context.getBean(MethodService.class);
        proposals = context.getBean(ProposalService.class);
        reviews = context.getBean(ReviewService.class);
        comments = context.getBean(CommentService.class);
        glossary = context.getBean(GlossaryService.class);
        organisation = context.getBean(OrganisationService.class);
        accounts = context.getBean(AccountService.class);
        watches = context.getBean(WatchService.class);
        merges = context.getBean(MergeService.class);
        tokens = context.getBean(ApiTokenService.class);
        quorum = context.getBean(ReviewQuorumService.class);
        importExport = context.getBean(ImportExportService.class);
        users = context.getBean(UserDetailsService.class);
        securityContexts = context.getBean(SecurityContextHolderStrategy.class);
    }

    Data store(List<String> all) {
        payloads = all;
        List<String> fieldKinds = List.of("department name", "branch name", "account display name",
                "glossary standard term", "glossary variant", "glossary definition", "glossary category",
                "glossary tag", "method title", "method summary", "method problem", "method concept", "method measure",
                "method step", "method outcomes", "method applicability", "method tag", "method body",
                "revision change note", "review comment", "comment", "reply", "edited comment", "moderation reason",
                "section comment", "suggestion", "merge change note", "API token name", "kept variant", "imported raw practice",
                "import source");
        long start = System.nanoTime();
        for (int i = 0; i < payloads.size(); i++) {
            organise(i);
        }
        long organisation = System.nanoTime();
        glossaryTerms();
        long organised = System.nanoTime();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            published.add(publish(i));
        }
        long one = System.nanoTime();
        List<Long> aggregates = new ArrayList<>();
        List<Long> changeRequests = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            long entry = groupEntry(g);
            aggregates.add(entry);
            discuss(g, entry);
            changeRequests.add(changeRequest(g, entry));
        }
        published.addAll(aggregates);
        List<Long> imported = importGroups();
        published.addAll(imported);
        long grouped = System.nanoTime();
        List<String> roles = List.of("member", "secretary", "reviewer", "admin");
        for (int i = 0; i < payloads.size(); i++) {
            String p = payload(i);
            run(roles.get(i % roles.size()), () -> tokens.create(p, Set.of(ApiTokenScope.READ), 30));
        }
        long reviewerMerge = as("reviewer", () -> {
            MethodDetail merge = merges.start(aggregates, null);
            return merges.compose(merge.id(), aggregate(3, 1, "合并"), merge.latestRevision(),
                    joined(group(3), " ", 500)).id();
        });
        long adminMerge = as("admin", () -> {
            MethodDetail merge = merges.start(published.subList(0, 10), null);
            return merges.compose(merge.id(), aggregate(2, 2, "合并"), merge.latestRevision(),
                    joined(group(2), " ", 500)).id();
        });
        System.out.printf("stored XSS fixture: organisation %d ms, glossary %d ms, one method per payload %d ms, "
                        + "group entries, discussions and change requests %d ms, tokens and merges %d ms%n",
                (organisation - start) / 1_000_000, (organised - organisation) / 1_000_000, (one - organised) / 1_000_000, (grouped - one) / 1_000_000,
                (System.nanoTime() - grouped) / 1_000_000);
        return new Data(List.copyOf(published), aggregates, changeRequests, imported, reviewerMerge, adminMerge,
                fieldKinds);
    }

    /** Payload {@code i} as a department, branch, account name and glossary term. */
    private void organise(int i) {
        String p = payload(i);
        String login = String.format("xss%02d", i);
        run("admin", () -> {
            Department department = organisation.createDepartment(new DepartmentForm(p, null));
            Branch branch = organisation.createBranch(new BranchForm(department.id(), p));
            accounts.create(new AccountForm(login, p, branch.id(), Set.of(Role.MEMBER, Role.SECRETARY), Set.of()),
                    PASSWORD);
            if (i < 4) {
                // a per-department rule lists the department on the review settings page
                quorum.setForDepartment(department.id(), 1);
            }
        });
    }

    /** Every payload as a glossary term (standard, variant, definition, category, tag), in one import as editors do. */
    private void glossaryTerms() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < payloads.size(); i++) {
            String p = payload(i);
            ObjectNode term = json.createObjectNode().put("standard", p).put("definition", p);
            term.putArray("variants").add(variant(i));
            if (p.length() <= 60) {
                term.put("category", p);
            }
            term.putArray("tags").add(p);
            lines.append(json.writeValueAsString(term)).append('\n');
        }
        run("admin", () -> glossary.importLines(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** Payload {@code i} in every field of a method of its account, published with it as the review comment. */
    private long publish(int i) {
        String p = payload(i);
        String login = String.format("xss%02d", i);
        List<String> tags = p.length() <= TAG_MAX ? List.of(p, MARK) : List.of(MARK);
        MethodContent content = new MethodContent(p, p, Category.values()[i % Category.values().length], p, p,
                List.of(p), List.of(p), p, p, tags, p);
        MethodDetail draft = as(login, () -> {
            MethodDetail created = methods.createDraft(content, null, null, p);
            return proposals.submit(created.id(), created.latestRevision());
        });
        as("admin", () -> reviews.review(draft.id(), new ReviewRequest(draft.latestRevision(), Decision.APPROVE,
                SCORES, p)));
        return draft.id();
    }

    /**
     * One published entry per group through the administrators' import (the corpus format): the
     * imported original text (raw_practice) and the import's source name hold payloads too.
     */
    private List<Long> importGroups() {
        StringBuilder lines = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            List<String> ps = group(g);
            String text = String.join("\n\n", ps);
            ObjectNode line = json.createObjectNode().put("id", "stored-xss-" + g)
                    .put("title", cut(MARK + "导入" + (g + 1) + "：" + ps.get(1), 100)).put("summary", joined(ps, "\n", 500))
                    .put("category", Category.COHESION.chineseName()).put("department", payload(g))
                    .put("branch", payload(g)).put("problem", text).put("concept", text).put("outcomes", text)
                    .put("applicability", text).put("raw_practice", text).put("created", "2024-07-01");
            ps.forEach(line.putArray("measures")::add);
            ps.forEach(line.putArray("steps")::add);
            line.putArray("tags").add(MARK);
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        run("admin", () -> importExport.importLines(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                MethodStatus.PUBLISHED, payload(4), ImportProgress.NONE));
        return IntStream.range(0, GROUPS).mapToObj(g -> as("admin", () -> methods.idByExternalId("stored-xss-" + g))
                .orElseThrow()).toList();
    }

    /** The group's published entry: two revisions (the history diff), approved with the group in the review comment. */
    private long groupEntry(int g) {
        MethodDetail submitted = as("secretary", () -> {
            MethodDetail draft = methods.createDraft(aggregate(g, 0, "汇总"), null, null, joined(group(g), " ", 500));
            MethodDetail second = methods.saveRevision(draft.id(), aggregate(g, 1, "汇总"), draft.latestRevision(),
                    joined(reversed(group(g)), " ", 500));
            return proposals.submit(second.id(), second.latestRevision());
        });
        as("reviewer", () -> reviews.review(submitted.id(), new ReviewRequest(submitted.latestRevision(),
                Decision.APPROVE, SCORES, joined(group(g), "\n\n", 4_000))));
        for (String watcher : List.of("member", "reviewer", "admin")) {
            run(watcher, () -> watches.watch(submitted.id()));
        }
        return submitted.id();
    }

    /**
     * Each payload of the group as a comment by its own account (mentioning the member), edited
     * afterwards (the earlier text stays in its history) and answered by the secretary; and once
     * more by the member, hidden by a moderator with the payload as the reason.
     */
    private void discuss(int g, long entry) {
        for (int i : indexes(g)) {
            String p = payload(i);
            String login = String.format("xss%02d", i);
            VisibleComment root = as(login, () -> comments.post(entry, CommentDraft.page(p + "\n\n@member")));
            as(login, () -> comments.edit(root.id(), p, root.version()));
            as("secretary", () -> comments.post(entry, CommentDraft.reply(root.id(), p)));
            VisibleComment hidden = as("member", () -> comments.post(entry, CommentDraft.page(p)));
            as("reviewer", () -> comments.hide(hidden.id(), p, hidden.version()));
        }
    }

    /**
     * A change request of the group's entry: section comments with the group's payloads as text and
     * suggestion on several fields, submitted, sent back with a payload review comment and submitted again.
     */
    private long changeRequest(int g, long entry) {
        MethodDetail request = as("secretary", () -> proposals.proposeChange(entry, aggregate(g, 2, "修改"),
                joined(group(g), " ", 500)));
        List<Integer> group = indexes(g);
        List<MethodField> fields = List.of(MethodField.PROBLEM, MethodField.MEASURES, MethodField.STEPS,
                MethodField.CONCEPT, MethodField.OUTCOMES, MethodField.APPLICABILITY, MethodField.SUMMARY);
        for (int k = 0; k < group.size(); k++) {
            int i = group.get(k);
            MethodField field = fields.get(k % fields.size());
            Integer item = field == MethodField.MEASURES || field == MethodField.STEPS ? k % group.size() : null;
            String suggestion = field == MethodField.SUMMARY ? payload(i) : payload(i) + "\n" + MARK;
            as(k % 2 == 0 ? "reviewer" : "admin", () -> comments.post(request.id(),
                    CommentDraft.anchored(payload(i), request.latestRevision(), field, item, suggestion)));
        }
        for (int i : group) {
            run("secretary", () -> glossary.keepVariant(request.id(), variant(i)));
        }
        as("secretary", () -> proposals.submit(request.id(), request.latestRevision()));
        as("reviewer", () -> reviews.review(request.id(), new ReviewRequest(request.latestRevision(),
                Decision.REQUEST_CHANGES, SCORES, joined(reversed(group(g)), "\n", 4_000))));
        as("secretary", () -> proposals.submit(request.id(), request.latestRevision()));
        return request.id();
    }

    /** Every field holds the group's payloads (one per item or paragraph), in an order per revision. */
    private MethodContent aggregate(int g, int revision, String kind) {
        List<String> ps = group(g);
        if (revision == 1) {
            ps = reversed(ps);
        } else if (revision == 2) {
            ps = new ArrayList<>(ps);
            Collections.rotate(ps, 1);
        }
        String text = String.join("\n\n", ps);
        List<String> tags = new ArrayList<>(ps.stream().filter(p -> p.length() <= TAG_MAX).limit(19).toList());
        tags.add(MARK);
        String title = cut(MARK + kind + (g + 1) + "：" + ps.getFirst(), 100);
        // the local wordings of the group's terms, for the normalisation assistant and the review form to find
        String variants = indexes(g).stream().map(this::variant).collect(Collectors.joining("\n"));
        return new MethodContent(title, joined(ps, "\n", 500), Category.PARTY_BUILDING, text + "\n\n" + MARK, text,
                ps, ps, text, text + "\n\n" + variants, tags, text);
    }

    private List<Integer> indexes(int g) {
        return IntStream.range(0, payloads.size()).filter(i -> i % GROUPS == g).boxed().toList();
    }

    private List<String> group(int g) {
        return indexes(g).stream().map(this::payload).toList();
    }

    private String payload(int i) {
        return payloads.get(i % payloads.size());
    }

    /** A local wording for term {@code i}: the payload after a prefix, within the 100 characters of a term. */
    private String variant(int i) {
        return cut("方言" + i + payload(i), 100);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    /** As many whole items as fit into {@code max} characters. */
    private static String joined(List<String> items, String separator, int max) {
        StringBuilder text = new StringBuilder();
        for (String item : items) {
            int length = text.length() + (text.isEmpty() ? 0 : separator.length()) + item.length();
            if (length > max) {
                break;
            }
            text.append(text.isEmpty() ? "" : separator).append(item);
        }
        return text.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private <T> T as(String login, Supplier<T> work) {
        TestUsers.signInAs(users, securityContexts, login);
        try {
            return work.get();
        } finally {
            TestUsers.signOut(securityContexts);
        }
    }

    private void run(String login, Runnable work) {
        as(login, () -> {
            work.run();
            return null;
        });
    }
}
