package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.methodportal.method.MethodService;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.SystemAuthentication;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Merging (总结提炼) as people live it: the secretary drafts a practice in local wording, the
 * normalisation assistant suggests the standard terms and "全部替换" applies them; a reviewer sees
 * a similar published entry on the draft's page and merges the two, composing the standard entry
 * side by side; another reviewer of 财政部 approves it; the standard entry lists both sources and
 * the draft says where it went.
 */
class MergeJourneyIT extends JourneySupport {

    @Autowired
    MethodService methods;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    SystemAuthentication system;

    @Test
    void secretarysLocalDraftIsNormalisedMergedWithASimilarEntryApprovedAndShowsItsSources() {
        long similar = system.callAsSystem(() -> methods.idByExternalId("seed-mof-wuduijie")).orElseThrow();

        // The secretary drafts in local wording; the assistant offers the standard terms.
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/new"));
        browser.waitFor(By.id("method-title"));
        type(By.id("method-title"), "预算司支部和预算业务对接的做法");
        chooseItem(By.id("method-category"), "发挥党建优势");
        type(By.id("method-problem"), "支部活动和预算业务“两张皮”，支委会开会念文件，传帮带跟不上，党员觉得组织生活是额外负担。");
        type(By.id("method-measures-0"), "目标对接：年初支委会与司领导共同研究预算重点任务");
        type(By.id("method-steps-0"), "年初召开支部大会确定对接清单，由老同志传帮带年轻党员");
        browser.js("arguments[0].opened = true;", present(By.id("normalisation-assistant")));
        click(By.id("normalisation-check"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "发现");
        browser.screenshot("merge-journey-assistant");
        click(By.id("normalisation-replace-all"));
        click(By.id("normalisation-preview-confirm"));
        browser.waitForVaadin();
        assertThat(value(By.id("method-problem"))).contains("支部委员会", "导师帮带").doesNotContain("传帮带");
        assertThat(value(By.id("method-steps-0"))).contains("导师帮带");
        click(By.id("method-save"));
        long draft = methodIdFromAddress();
        indexer.drain();

        // A reviewer of 财政部 finds the similar published entry on the draft's page and merges them.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        // Search results offer "加入合并" to reviewers; the chosen hits open the merge page.
        browser.open(url("search?q=" + URLEncoder.encode("五对接", StandardCharsets.UTF_8)));
        click(By.id("search-merge-" + similar));
        browser.waitForText(By.id("search-merge-selected"), "合并所选（1）");
        click(By.id("search-merge-selected"));
        browser.waitForTextContaining(By.id("merge-sources"), "“五对接”工作法");
        // The similar-methods list of the draft's page offers "与此合并".
        browser.open(url("methods/" + draft));
        browser.waitForTextContaining(By.id("method-similar"), "“五对接”工作法");
        click(By.id("method-similar-merge-" + similar));
        browser.waitForTextContaining(By.id("merge-sources"), "“五对接”工作法");
        assertThat(browser.waitFor(By.id("merge-sources")).getText()).contains("预算司支部和预算业务对接的做法");
        browser.screenshot("merge-start");
        click(By.id("merge-begin"));

        browser.waitFor(By.id("merge-sources-panel"));
        browser.screenshot("merge-compose-top");
        assertThat(value(By.id("method-title"))).as("starts from the first source").isEqualTo("预算司支部和预算业务对接的做法");
        click(By.id("merge-adopt-title-1"));
        assertThat(value(By.id("method-title"))).isEqualTo("“五对接”工作法");
        type(By.id("method-title"), "“五对接”工作法（标准条目）");
        click(By.id("merge-adopt-measures-1"));
        click(By.id("merge-adopt-measures-0-0"));
        assertThat(value(By.id("method-measures-0"))).startsWith("目标对接：每年初");
        assertThat(value(By.id("method-measures-5"))).isEqualTo("目标对接：年初支部委员会与司领导共同研究预算重点任务");
        click(By.id("merge-adopt-concept-1"));
        browser.screenshot("merge-compose");
        click(By.id("merge-submit"));
        browser.waitForTextContaining(By.id("method-review-banner"), "第 1 轮审核中");
        long merge = methodIdFromAddress();
        assertThat(browser.waitFor(By.id("method-sources")).getText()).contains("“五对接”工作法",
                "预算司支部和预算业务对接的做法");
        assertThat(browser.isPresent(By.id("method-review"))).as("no review of one's own merge").isFalse();

        // Another reviewer of 财政部 approves the merge.
        browser.signOutHard();
        signIn("reviewer2", DEMO_PASSWORD);
        browser.open(url("reviews/" + merge));
        scoreAndDecide(4, "通过");
        click(By.id("review-submit"));
        browser.waitFor(By.id("review-queue-view"));

        // The standard entry lists both sources; the sources say where they went.
        browser.open(url("methods/" + merge));
        browser.waitForText(By.id("method-title"), "“五对接”工作法（标准条目）");
        WebElement sources = browser.waitFor(By.id("method-sources"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", sources);
        assertThat(sources.getText()).contains("“五对接”工作法", "预算司支部和预算业务对接的做法", "已合并至标准条目");
        browser.screenshot("merge-provenance");
        browser.open(url("methods/" + draft));
        browser.waitForTextContaining(By.id("method-merged-banner"), "此条目已合并至");
        assertThat(browser.waitFor(By.id("method-merged-link")).getText()).isEqualTo("《“五对接”工作法（标准条目）》");
        assertThat(browser.isPresent(By.id("method-edit"))).as("read-only").isFalse();
        browser.screenshot("merge-source-banner");
    }
}
