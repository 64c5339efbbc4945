package org.methodportal.glossary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.shared.TestUsers.signInAs;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.search.SearchService;
import org.methodportal.search.Suggestion;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The glossary through its service with the whole application and the demo data (seeded glossary included). */
@ServiceTest
class GlossaryServiceTest {

    private static final PageRequest FIRST_PAGE = PageRequest.ofPage(0, 100, "standard", true);

    @Autowired
    GlossaryService glossary;
    @Autowired
    AuditService audit;
    @Autowired
    MethodService methods;
    @Autowired
    SearchService search;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void theDemoDataLoadsTheStarterGlossary() {
        signInAs(users, securityContexts, "member");
        StandardTerm term = glossary.search("三会一课", null, FIRST_PAGE).content().getFirst();
        assertThat(term.standard()).isEqualTo("三会一课");
        assertThat(term.variants()).containsExactly("支部三会");
        assertThat(glossary.all()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void reviewersEditMembersAndSecretariesOnlyRead() {
        String word = unique();
        signInAs(users, securityContexts, "secretary");
        assertThatThrownBy(() -> glossary.create(form(word + "标准", word + "土话")))
                .isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "reviewer");
        StandardTerm created = glossary.create(new TermForm(" " + word + "标准 ", List.of(word + "土话", " ", word + "土话"),
                " 定义 ", " 组织生活 ", List.of("学习，实践", "学习")));
        assertThat(created.standard()).isEqualTo(word + "标准");
        assertThat(created.variants()).containsExactly(word + "土话");
        assertThat(created.definition()).isEqualTo("定义");
        assertThat(created.category()).isEqualTo("组织生活");
        assertThat(created.tags()).containsExactly("学习", "实践");
        assertThat(created.version()).isZero();

        signInAs(users, securityContexts, "member");
        assertThat(glossary.get(created.id())).isEqualTo(created);
        assertThatThrownBy(() -> glossary.delete(created.id(), 0)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aStaleEditIsRefusedAndEveryChangeIsAudited() {
        String word = unique();
        signInAs(users, securityContexts, "admin");
        StandardTerm created = glossary.create(form(word + "标准", word + "土话"));
        StandardTerm updated = glossary.update(created.id(), 0, form(word + "标准", word + "新土话"));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.variants()).containsExactly(word + "新土话");

        assertThatThrownBy(() -> glossary.update(created.id(), 0, form(word + "标准", "x" + word)))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("glossary.stale");
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.STALE);
                });
        assertThatThrownBy(() -> glossary.delete(created.id(), 0)).isInstanceOf(PortalException.class);
        glossary.delete(created.id(), 1);
        assertThatThrownBy(() -> glossary.get(created.id()))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("glossary.not-found"));

        List<AuditEntry> history = audit.find(new AuditFilter(null, "glossary.", String.valueOf(created.id()), null,
                null), new PageRequest(0, 10, "occurredAt", true));
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("glossary.created", "glossary.updated", "glossary.deleted");
        assertThat(history).extracting(AuditEntry::actor).containsOnly("admin");
        assertThat(history.getFirst().detail()).isEqualTo(word + "标准");
    }

    @Test
    void aVariantBelongsToOneTermOnly() {
        String word = unique();
        signInAs(users, securityContexts, "reviewer");
        glossary.create(form(word + "甲", word + "乙"));

        assertThatThrownBy(() -> glossary.create(form(word + "丙", word + "乙")))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("glossary.variant-taken"));
        assertThatThrownBy(() -> glossary.create(form(word + "丁", word + "甲")))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("glossary.variant-taken"));
        assertThatThrownBy(() -> glossary.create(form(word + "甲", word + "戊")))
                .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo("glossary.standard-taken"));
        assertThatThrownBy(() -> glossary.create(form(word + "乙", word + "己")))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("glossary.standard-is-variant"));
        assertThatThrownBy(() -> glossary.create(new TermForm(word + "庚", List.of(), " ", null, List.of())))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("glossary.definition-required"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndExportRoundTrips() {
        String word = unique();
        String file = line(word + "甲", word + "乙", "第一个定义") + "\n\n" + line(word + "丙", word + "丁", "第二个定义") + "\n";
        signInAs(users, securityContexts, "reviewer");

        assertThat(glossary.importLines(stream(file))).isEqualTo(new GlossaryImportReport(2, 0, 0));
        assertThat(glossary.importLines(stream(file))).isEqualTo(new GlossaryImportReport(0, 0, 2));
        assertThat(glossary.importLines(stream(line(word + "甲", word + "乙", "改过的定义"))))
                .isEqualTo(new GlossaryImportReport(0, 1, 0));
        StandardTerm changed = glossary.search(word + "甲", null, FIRST_PAGE).content().getFirst();
        assertThat(changed.definition()).isEqualTo("改过的定义");
        assertThat(changed.version()).isEqualTo(1);

        String export = glossary.exportLines();
        assertThat(export).contains(line(word + "甲", word + "乙", "改过的定义"), line(word + "丙", word + "丁", "第二个定义"));
        signInAs(users, securityContexts, "admin");
        int terms = glossary.all().size();
        GlossaryImportReport again = glossary.importLines(stream(export));
        assertThat(again).isEqualTo(new GlossaryImportReport(0, 0, terms));

        assertThatThrownBy(() -> glossary.importLines(stream(line(word + "戊", word + "己", "定义") + "\n{oops")))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("glossary.import-line");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThat(glossary.search(word + "戊", null, FIRST_PAGE).total()).as("all or nothing").isZero();
    }

    @Test
    void searchMatchesVariantsPinyinAndInitialsAndTheIndexCountsLetters() {
        signInAs(users, securityContexts, "member");
        assertThat(glossary.search("支部三会", null, FIRST_PAGE).content()).extracting(StandardTerm::standard)
                .contains("三会一课");
        assertThat(glossary.search("sanhuiyike", null, FIRST_PAGE).content()).extracting(StandardTerm::standard)
                .contains("三会一课");
        assertThat(glossary.search("SHYK", null, FIRST_PAGE).content()).extracting(StandardTerm::standard)
                .contains("三会一课");
        assertThat(glossary.search(null, "s", FIRST_PAGE).content()).extracting(StandardTerm::standard)
                .contains("三会一课").doesNotContain("主题党日");
        assertThat(glossary.index()).contains(new LetterCount("S", glossary.search(null, "S", FIRST_PAGE).total()));
    }

    @Test
    void aGlossaryChangeAppliesAtOnceToTheCheckAndToSearchSuggestions() {
        String word = unique();
        signInAs(users, securityContexts, "reviewer");
        String text = "我们的" + word + "土话很好";
        assertThat(glossary.check(text)).isEmpty();

        glossary.create(form(word + "标准", word + "土话"));

        assertThat(glossary.check(text)).containsExactly(
                new Finding(null, 3, 3 + (word + "土话").length(), word + "土话", word + "标准", "定义"));
        assertThat(search.suggest(word, 10)).extracting(Suggestion::text).contains(word + "标准");
    }

    @Test
    void aDraftIsCheckedFieldByFieldOnlyByThoseWhoMaySeeIt() {
        signInAs(users, securityContexts, "secretary2");
        var content = new MethodContent("“田间党日”工作法", "每月搞党日活动", Category.MASS_LINE, "先锋岗不亮", null,
                List.of("设立党员先锋岗", "挂牌上岗"), List.of(), null, null, List.of(), null);
        long id = methods.createDraft(content, null, null, null).id();

        List<Finding> findings = glossary.checkMethod(id);

        assertThat(findings).extracting(Finding::field, Finding::variant, Finding::standard).containsExactly(
                tuple("title", "党日", "主题党日"),
                tuple("summary", "党日活动", "主题党日"),
                tuple("problem", "先锋岗", "党员先锋岗"),
                tuple("measures[1]", "挂牌上岗", "党员先锋岗"));

        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> glossary.checkMethod(id)).isInstanceOf(PortalException.class);
    }

    @Test
    void keptWordingsAreStoredWithTheDraftByThoseWhoMayEditItAndMarkedInItsCheck() {
        signInAs(users, securityContexts, "secretary2");
        var content = new MethodContent("“田间党日”工作法", null, Category.MASS_LINE, "先锋岗不亮", null,
                List.of("每月搞党日活动"), List.of(), null, null, List.of(), null);
        long id = methods.createDraft(content, null, null, null).id();

        glossary.keepVariant(id, " 先锋岗 ");
        glossary.keepVariant(id, "先锋岗");

        assertThat(glossary.keptVariants(id)).containsExactly("先锋岗");
        assertThat(glossary.checkMethod(id)).extracting(Finding::variant, Finding::kept)
                .containsExactly(tuple("党日", false), tuple("先锋岗", true), tuple("党日活动", false));

        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> glossary.keepVariant(id, "党日")).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("method.not-found"));
        assertThatThrownBy(() -> glossary.keptVariants(id)).isInstanceOf(PortalException.class);

        signInAs(users, securityContexts, "secretary2");
        glossary.releaseVariant(id, "先锋岗");
        assertThat(glossary.keptVariants(id)).isEmpty();
        signInAs(users, securityContexts, "admin");
        assertThat(audit.find(new AuditFilter(null, "glossary.variant-", String.valueOf(id), null, null),
                new PageRequest(0, 10, "occurredAt", true))).extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(tuple("glossary.variant-kept", "先锋岗"), tuple("glossary.variant-released", "先锋岗"));
    }

    @Test
    void aTermsHistoryKeepsEachVersionAlsoAfterItIsDeleted() {
        String word = unique();
        signInAs(users, securityContexts, "reviewer");
        StandardTerm created = glossary.create(form(word + "标准", word + "土话"));
        signInAs(users, securityContexts, "admin");
        glossary.update(created.id(), 0, new TermForm(word + "标准", List.of(word + "甲", word + "乙"), "新定义", null,
                List.of()));
        glossary.delete(created.id(), 1);

        signInAs(users, securityContexts, "member");
        assertThat(glossary.history(created.id()))
                .extracting(TermChange::action, TermChange::variants, TermChange::definition, TermChange::changedBy)
                .containsExactly(tuple("deleted", List.of(word + "甲", word + "乙"), "新定义", "admin"),
                        tuple("updated", List.of(word + "甲", word + "乙"), "新定义", "admin"),
                        tuple("created", List.of(word + "土话"), "定义", "reviewer"));
    }

    private static TermForm form(String standard, String variant) {
        return new TermForm(standard, List.of(variant), "定义", null, List.of());
    }

    private static String line(String standard, String variant, String definition) {
        return "{\"standard\":\"" + standard + "\",\"variants\":[\"" + variant + "\"],\"definition\":\"" + definition + "\"}";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    private static String unique() {
        return "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
