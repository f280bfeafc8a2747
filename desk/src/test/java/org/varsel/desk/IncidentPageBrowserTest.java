package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.varsel.contract.Tier;
import org.varsel.desk.auth.Role;
import org.varsel.desk.retention.RetentionConfig;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * The incident page's daily basics in a real headless Chromium: evidence URLs are links that leak nothing and only
 * for http(s), one click shows every blurred item, and the history reads as sentences, not JSON.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class IncidentPageBrowserTest {
    private static final String HOSTILE_URL = "javascript:alert(document.domain)";
    private static final String WEB_URL = "https://news.example/story?id=7&ref=a";

    private static Desk desk;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void startDeskAndBrowser(LocalKafka kafka, PostgresDatabase database) throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        // the fixtures are dated 2025-03: without this the retention purge could take them before the browser looks
        desk = Desk.start(DeskTestSupport.config(kafka, database, Map.of(RetentionConfig.ENABLED, "false")));
        base = "http://localhost:" + desk.port();
        desk.credentials().createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
        chromium.signIn(base, "ana", "analyst passphrase");
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.stop(chromium, desk);
    }

    @Test
    void urlsAreLinksThatOpenWithoutReferrerOrOpenerAndOnlyForHttp() throws Exception {
        String linked = incident("Linked story", WEB_URL);
        String hostile = incident("Hostile link", HOSTILE_URL);

        browser.get(base + "/incidents/" + linked);
        WebElement link = browser.findElement(By.cssSelector("#urls a"));
        assertThat(link.getAttribute("href")).isEqualTo(WEB_URL);
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(link.getText()).isEqualTo(WEB_URL);
        List<WebElement> evidenceLinks = browser.findElements(By.cssSelector(".evidence a.evidence-link"));
        assertThat(evidenceLinks).hasSize(3).allSatisfy(a -> {
            assertThat(a.getAttribute("href")).startsWith("https://x.com/");
            assertThat(a.getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
        });

        browser.get(base + "/incidents/" + hostile);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        assertThat(browser.findElements(By.cssSelector("#urls a")))
                .as("a javascript: URL is never a link")
                .isEmpty();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        assertThat(browser.findElement(By.cssSelector("#urls code")).getText()).isEqualTo(HOSTILE_URL);
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript']")))
                .isEmpty();
        chromium.assertNoScriptRan();
    }

    @Test
    void oneClickShowsEveryBlurredItemAndASecondBlursThemAgain() throws Exception {
        browser.get(base + "/incidents/" + incident("Blurred evidence", WEB_URL));
        List<WebElement> blurred = browser.findElements(By.cssSelector(".evidence.sensitive"));
        assertThat(blurred)
                .hasSize(3)
                .allSatisfy(e -> assertThat(chromium.filterOf(e.findElement(By.cssSelector(".text"))))
                        .contains("blur"));

        WebElement showAll = browser.findElement(By.id("reveal-all"));
        showAll.click();
        assertThat(blurred).allSatisfy(e -> {
            assertThat(e.getAttribute("class")).contains("revealed");
            assertThat(chromium.filterOf(e.findElement(By.cssSelector(".text"))))
                    .isEqualTo("none");
            assertThat(e.findElement(By.cssSelector("button.reveal")).getText()).isEqualTo("Hide");
        });
        assertThat(showAll.getText()).isEqualTo("Blur all");

        showAll.click();
        assertThat(blurred).allSatisfy(e -> assertThat(e.getAttribute("class")).doesNotContain("revealed"));
        assertThat(showAll.getText()).isEqualTo("Show all");
    }

    @Test
    void theHistoryTellsWhoDidWhatWhenAndWhyInWords() throws Exception {
        String id = incident("History in words", WEB_URL);
        browser.get(base + "/incidents/" + id);
        chromium.clickAndLoad(By.id("to-triaging"));
        new Select(browser.findElement(By.id("assign-to"))).selectByValue("ana");
        chromium.clickAndLoad(By.id("assign"));
        browser.findElement(By.id("dismiss-reason")).sendKeys("satire account, not a threat");
        chromium.clickAndLoad(By.id("to-dismissed"));

        String history = browser.findElement(By.id("history")).getText();
        assertThat(history)
                .contains("pipeline stored version 1: tier high, severity 75, 13 signals")
                .contains("ana moved it from new to triaging")
                .contains("ana assigned it to ana")
                .contains("ana moved it from triaging to dismissed because “satire account, not a threat”")
                .doesNotContain("{")
                .doesNotContain("\"status\"");
        List<WebElement> lines = browser.findElements(By.cssSelector("#history li"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).findElement(By.tagName("time")).getText())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    }

    private static String incident(String title, String url) throws Exception {
        String id = TestIncidents.newId();
        desk.incidents()
                .upsert(List.of(TriageIncidents.campaign(
                        id, 1, title, "incitement", Tier.HIGH, "they are vermin and must go", url)));
        return id;
    }
}
