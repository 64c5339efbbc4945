package org.methodportal.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.methodportal.account.MentionedAccount;
import org.methodportal.shared.SafeHtml;
import org.methodportal.shared.XssPayloads;

class CommentRendererTest {

    private static final Map<String, MentionedAccount> PEOPLE = Map.of(
            "reviewer2", new MentionedAccount(12, "reviewer2", "赵评审"),
            "member", new MentionedAccount(7, "member", "张党员"));

    private static final Set<String> SAFE_TAGS = Set.of("body", "div", "p", "a", "em", "strong", "b", "i", "code",
            "ul", "ol", "li", "blockquote", "br", "span");

    private static String render(String text) {
        return CommentRenderer.render(text, PEOPLE);
    }

    @Test
    void rendersMarkdownLiteWithLineBreaks() {
        String html = render("""
                **重点**是*落实*，
                第二行。

                - 甲
                - 乙

                1. 一
                2. 二

                见[说明](https://example.org/a)。
                """);

        assertThat(html).startsWith("<div class=\"comment-text\">").endsWith("</div>")
                .contains("<strong>重点</strong>", "<em>落实</em>", "，<br>第二行", "<ul>", "<li>甲</li>", "<ol>",
                        "href=\"https://example.org/a\"", "rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void headingsImagesAndRawHtmlBecomeText() {
        assertThat(render("# 标题")).doesNotContain("<h1").contains("标题");
        assertThat(render("<b>粗</b>")).contains("&lt;b&gt;粗&lt;/b&gt;");
        assertThat(render("a < b && c > d")).contains("a &lt; b &amp;&amp; c &gt; d");
    }

    @Test
    void mentionsOfAccountsShowTheirNamesLinkedToTheirMethods() {
        assertThat(render("请 @reviewer2 和@member 看看"))
                .contains("请 <a class=\"comment-mention\" href=\"methods?author=12\" title=\"@reviewer2\">@赵评审</a> 和"
                        + "<a class=\"comment-mention\" href=\"methods?author=7\" title=\"@member\">@张党员</a> 看看");
        assertThat(render("请 @Member. 看看")).as("any case, a full stop after it")
                .contains("title=\"@member\">@张党员</a>. 看看");
        assertThat(render("请 @li 和 @nobody 看看")).as("no such accounts").contains("请 @li 和 @nobody 看看")
                .doesNotContain("comment-mention");
        assertThat(render("写信到 member@example.org")).doesNotContain("comment-mention");
        assertThat(render("[@member](https://example.org)")).doesNotContain("comment-mention");
        assertThat(render("`@member`")).doesNotContain("comment-mention");
        assertThat(render("@<script>x")).doesNotContain("<script");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<script>script>alert(1)<</script>/script>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<body onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onmouseover=\"alert(1)\">悬停</p>",
            "<input onfocus=alert(1) autofocus>",
            "<details open ontoggle=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<form action=javascript:alert(1)><button>x</button></form>",
            "<link rel=stylesheet href=\"javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<video><source onerror=\"alert(1)\"></video>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1) )",
            "[click](&#106;avascript:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](%6A%61%76%61script:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](vbscript:msgbox(1))",
            "[click](<javascript:alert(1)>)",
            "<javascript:alert(1)>",
            "![x](javascript:alert(1))",
            "![x](https://example.org/x.png \"onerror=alert(1)\")",
            "[a](https://example.org/\" onmouseover=\"alert(1))",
            "[x]: javascript:alert(1)\n\n[link][x]",
            "<b onclick=alert(1)>粗</b>",
            "**<img src=x onerror=alert(1)>**",
            "- <script>alert(1)</script>\n- 二",
            "@<img src=x onerror=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<div><a href='javas\ncript:alert(1)'>x</a>",
            "<!--<script>alert(1)//-->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<style>@import 'javascript:alert(1)';</style>",
    })
    void noPayloadSurvives(String payload) {
        String html = render(payload);

        // Text that merely reads "javascript:" is harmless once escaped; what matters is the markup.
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<svg", "<iframe", "<object",
                "<embed", "<style", "<meta", "<form", "<input", "<details", "<math", "<body", "<link", "<base",
                "<video", "<source", "<!--");
        SafeHtml.assertSafe(html, SAFE_TAGS, Set.of("href", "rel", "target", "class"));
    }

    /** The stored-XSS journey's payloads too, so a payload added there is checked here at once. */
    @ParameterizedTest
    @MethodSource("storedXssPayloads")
    void noStoredXssPayloadSurvives(String payload) {
        SafeHtml.assertSafe(render(payload), SAFE_TAGS, Set.of("href", "rel", "target", "class"));
    }

    static List<String> storedXssPayloads() {
        return XssPayloads.all();
    }
}
