package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The glossary page: a member finds a term by pinyin initials and by its index letter; a reviewer
 * adds a term through the dialog, reads its history and deletes it after confirming.
 */
class GlossaryJourneyIT extends JourneySupport {

    @Test
    void memberFindsTermsByPinyinAndByIndexLetterWithoutEditingControls() {
        signIn("member", DEMO_PASSWORD);
        browser.open(url("glossary"));
        present(By.id("glossary-cards"));
        assertThat(browser.all(By.id("glossary-create"))).isEmpty();
        assertThat(browser.all(By.cssSelector("[id^='glossary-edit-']"))).isEmpty();
        browser.screenshot("glossary-member");

        type(By.id("glossary-search"), "shyk");
        waitForCards(cards -> cards.size() == 1);
        assertThat(titles()).containsExactly("三会一课");
        assertThat(browser.waitFor(By.cssSelector(".glossary-card .glossary-variants")).getText()).contains("支部三会");

        WebElement search = present(By.cssSelector("#glossary-search input"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitForCards(cards -> cards.size() > 1);
        click(By.id("glossary-letter-Z"));
        waitForCards(cards -> !cards.isEmpty() && titles().contains("主题党日"));
        assertThat(titles()).doesNotContain("三会一课");
        assertThat(browser.driver.findElement(By.id("glossary-letter-Z")).getDomAttribute("theme")).contains("primary");
    }

    @Test
    void reviewerAddsATermAndDeletesItAfterConfirming() {
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("glossary"));
        click(By.id("glossary-create"));
        type(By.id("glossary-standard"), "田间课堂");
        type(By.id("glossary-variants"), "地头课、田埂课");
        type(By.id("glossary-definition"), "在田间地头就地开展的党员学习和技术培训。");
        type(By.id("glossary-category"), "学习教育");
        browser.screenshot("glossary-editor");
        click(By.id("glossary-save"));

        type(By.id("glossary-search"), "田埂课");
        waitForCards(cards -> cards.size() == 1);
        assertThat(titles()).containsExactly("田间课堂");
        WebElement card = browser.waitFor(By.cssSelector(".glossary-card"));
        assertThat(card.getText()).contains("地头课", "田埂课", "学习教育", "在田间地头就地开展");
        browser.screenshot("glossary-reviewer");

        // Everyone may read how the term came to be.
        click(By.cssSelector(".glossary-card [id^='glossary-history-']"));
        browser.waitForTextContaining(By.id("glossary-history-list"), "reviewer 新建");
        assertThat(browser.waitFor(By.id("glossary-history-list")).getText()).contains("田埂课", "在田间地头就地开展");
        browser.screenshot("glossary-history");
        click(By.id("glossary-history-close"));
        browser.waitForVaadin();

        click(By.cssSelector(".glossary-card [id^='glossary-delete-']"));
        browser.waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] | "
                + "//vaadin-button[@slot='confirm-button']")).click();
        browser.waitForVaadin();
        present(By.id("glossary-empty"));
        assertThat(titles()).isEmpty();
    }

    private List<String> titles() {
        return browser.all(By.cssSelector(".glossary-card h3")).stream().map(WebElement::getText).toList();
    }

    private void waitForCards(Predicate<List<WebElement>> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> condition.test(browser.all(By.cssSelector(".glossary-card"))));
    }
}
