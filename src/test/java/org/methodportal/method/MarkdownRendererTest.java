package org.methodportal.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.methodportal.shared.SafeHtml;
import org.methodportal.shared.XssPayloads;

class MarkdownRendererTest {

    @Test
    void rendersCommonMarkdown() {
        String html = MarkdownRenderer.render("""
                ## 做法

                **重点**是*落实*。

                1. 调研
                2. 对接

                - 甲
                - 乙

                > 引文

                见[说明](https://example.org/a)。
                """);

        assertThat(html).startsWith("<div class=\"method-body\">").endsWith("</div>")
                .contains("<h2>做法</h2>", "<strong>重点</strong>", "<em>落实</em>", "<ol>", "<li>调研</li>",
                        "<ul>", "<blockquote>", "href=\"https://example.org/a\"", "rel=\"nofollow\"");
    }

    @Test
    void keepsTextThatLooksLikeMarkupAsText() {
        assertThat(MarkdownRenderer.render("a < b && c > d")).contains("a &lt; b &amp;&amp; c &gt; d");
        assertThat(MarkdownRenderer.render("<b>粗</b>")).contains("&lt;b&gt;粗&lt;/b&gt;").doesNotContain("<b>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<body onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1) )",
            "[click](&#106;avascript:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](vbscript:msgbox(1))",
            "![x](javascript:alert(1))",
            "![x](https://example.org/x.png \"onerror=alert(1)\")",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<input onfocus=alert(1) autofocus>",
            "<details open ontoggle=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "[a](https://example.org/\" onmouseover=\"alert(1))",
            "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
            "<<script>script>alert(1)<</script>/script>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<form action=javascript:alert(1)><button>x</button></form>",
    })
    void noPayloadSurvives(String payload) {
        String html = MarkdownRenderer.render(payload);

        // Text that merely reads "javascript:" is harmless once escaped; what matters is the markup.
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<svg", "<iframe", "<object",
                "<style", "<meta", "<form", "<input", "<details", "<math", "<body");
        SafeHtml.assertSafe(html, SAFE_TAGS, Set.of("href", "rel", "cite", "class"));
    }

    @Test
    void plainTextIsWhatAReaderSeesWithoutMarkdownOrHtml() {
        assertThat(MarkdownRenderer.plainText("**三会一课**要<b>按时</b>开")).isEqualTo("三会一课要按时开");
        assertThat(MarkdownRenderer.plainText("## 做法\n\n- 第一步\n- 第二步 [链接](https://example.org)"))
                .isEqualTo("做法\n第一步\n第二步 链接");
        assertThat(MarkdownRenderer.plainText("<script>alert(1)</script>正文")).isEqualTo("正文");
        assertThat(MarkdownRenderer.plainText("a < b & c")).isEqualTo("a < b & c");
    }

    @Test
    void plainTextWithoutMarkersStaysAsItIs() {
        String text = "部门预算编制时间紧、项目多，“一上”“二上”反复退改。\n第二段";
        assertThat(MarkdownRenderer.plainText(text)).isSameAs(text);
    }

    private static final Set<String> SAFE_TAGS = Set.of("body", "div", "p", "a", "em", "strong", "code", "pre",
            "ul", "ol", "li", "blockquote", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6");

    /** The stored-XSS journey's payloads too, so a payload added there is checked here at once. */
    @ParameterizedTest
    @MethodSource("storedXssPayloads")
    void noStoredXssPayloadSurvives(String payload) {
        SafeHtml.assertSafe(MarkdownRenderer.render(payload), SAFE_TAGS, Set.of("href", "rel", "cite", "class"));
    }

    static List<String> storedXssPayloads() {
        return XssPayloads.all();
    }
}
