package org.methodportal.method.diff;

import org.methodportal.method.MethodField;
import org.methodportal.method.MethodContent;
import org.methodportal.method.Category;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DiffHtmlTest {

    private static final MethodContent BASE = MethodDiffTest.BASE;
    private static final String HOSTILE =
            "<script>alert('x')</script> \"引号\" & javascript:alert(1) <img src=x onerror=alert(2)>";

    @Test
    void changedTextIsMarkedInlineAndUnchangedRunsCollapseIntoOneNoteEach() {
        MethodContent edited = with(BASE, "支部每季度召开两次评审复盘会", BASE.measures());

        String html = DiffHtml.render(MethodDiff.between(BASE, edited), bundle("translations.properties"));

        assertThat(html).isEqualTo("<div class=\"method-diff\">"
                + "<p class=\"diff-unchanged\">未改动：名称、摘要、类别</p>"
                + "<section class=\"diff-field\"><h4 class=\"diff-field-name\">针对问题</h4><p class=\"diff-text\">"
                + "支部每<del class=\"diff-del\">月</del><ins class=\"diff-ins\">季度</ins>召开"
                + "<del class=\"diff-del\">一</del><ins class=\"diff-ins\">两</ins>次评审复盘会</p></section>"
                + "<p class=\"diff-unchanged\">未改动：工作理念、主要措施、操作步骤、工作成效、适用范围、标签、正文</p>"
                + "</div>");
    }

    @Test
    void listItemsAreAnOrderedListNumberedAsInTheNewerRevision() {
        MethodContent from = with(BASE, BASE.problem(), List.of("一审依据", "二审目标", "三审标准", "四审台账"));
        MethodContent to = with(BASE, BASE.problem(), List.of("四审台账", "一审依据", "二审目标", "三审统一标准", "五审绩效"));

        String rendered = DiffHtml.render(MethodDiff.between(from, to), bundle("translations.properties"));

        Document html = Jsoup.parseBodyFragment(rendered);
        assertThat(html.select("ol.diff-list > li"))
                .extracting(li -> li.className() + " " + li.attr("value") + " " + li.text())
                .containsExactly(
                        "diff-item-moved 1 四审台账 （原第 4 项）",
                        "diff-item-kept 2 一审依据",
                        "diff-item-kept 3 二审目标",
                        "diff-item-changed 4 三审统一标准 （原第 3 项）",
                        "diff-item-added 5 五审绩效 （新增）");
        assertThat(html.select("li.diff-item-changed ins.diff-ins").text()).isEqualTo("统一");
    }

    @Test
    void identicalRevisionsSayHowTheyCompareInTheEnglishBundleToo() {
        String html = DiffHtml.render(MethodDiff.between(BASE, BASE), bundle("translations_en.properties"));

        assertThat(Jsoup.parseBodyFragment(html).select("p").eachText()).containsExactly(
                "The two revisions have the same content.",
                "Unchanged: Title, Summary, Category, Problem addressed, Guiding idea, Main measures, Steps, "
                        + "Results, Where it applies, Tags, Full text");
    }

    @Test
    void documentTextIsEscapedSoNothingExecutableSurvives() {
        MethodContent hostile = new MethodContent(HOSTILE, HOSTILE, BASE.category(), HOSTILE, "a' onclick='x",
                List.of(HOSTILE, "<b>粗体</b>"), BASE.steps(), BASE.outcomes(), null, List.of("\"><svg onload=alert(3)>"),
                "[点我](javascript:alert(4))");

        String html = DiffHtml.render(MethodDiff.between(BASE, hostile), bundle("translations.properties"));

        assertThat(html).doesNotContain("<script", "<img", "<svg", "<b>", "\"引号\"", "a' onclick")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;引号&quot; &amp; javascript:alert(1)");
        Document document = Jsoup.parseBodyFragment(html);
        Set<String> tags = Set.of("body", "div", "section", "h4", "p", "ol", "li", "ins", "del", "span");
        for (Element element : document.body().getAllElements()) {
            assertThat(element.tagName()).isIn(tags);
            assertThat(element.attributes().asList()).extracting(Attribute::getKey).isSubsetOf("class", "value");
        }
        assertThat(document.body().text()).contains(HOSTILE, "[点我](javascript:alert(4))");
    }

    @Test
    void everyKeyTheDiffUsesIsInBothBundles() {
        List<String> keys = Stream.concat(Stream.of(MethodField.values()).map(MethodField::key),
                Stream.of("method.diff.identical", "method.diff.unchanged", "method.diff.separator",
                        "method.diff.item-added", "method.diff.item-removed", "method.diff.item-from")).toList();

        for (String bundle : List.of("translations.properties", "translations_en.properties")) {
            Properties properties = properties(bundle);
            assertThat(keys).as(bundle).allMatch(properties::containsKey);
        }
    }

    private static MethodContent with(MethodContent content, String problem, List<String> measures) {
        return new MethodContent(content.title(), content.summary(), content.category(), problem, content.concept(),
                measures, content.steps(), content.outcomes(), content.applicability(), content.tags(), content.body());
    }

    /** Translates like the view's getTranslation: a missing key fails the test instead of rendering the key. */
    private static Function<String, String> bundle(String name) {
        Properties properties = properties(name);
        return key -> {
            assertThat(properties).containsKey(key);
            return properties.getProperty(key);
        };
    }

    private static Properties properties(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/vaadin-i18n", name), UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
