package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * An analyst's daily basics in a real headless Chromium: bulk dismissal with and without a reason (confirmation, every
 * incident's result), the warning when a colleague changed the open incident, keyboard triage, the queue's TLP,
 * platform and age columns, saved searches and the queue refreshing itself when a colleague acts.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class QueueBrowserTest {
    /** The page polls every 10 s; a loaded machine may need a few rounds. */
    private static final Duration POLLED = Duration.ofSeconds(60);

    private static final Instant SEEN = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

    private static Desk desk;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static DeskClient client;
    private static Caller bob;
    private static String base;

    @BeforeAll
    static void start(LocalKafka kafka, PostgresDatabase database) throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        desk = Desk.start(DeskTestSupport.config(kafka, database, Map.of()));
        base = "http://localhost:" + desk.port();
        client = new DeskClient(desk.port());
        desk.credentials().createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
        bob = Caller.bearer(desk.credentials()
                .createUser("bob", "colleague passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token());
        chromium.signIn(base, "ana", "analyst passphrase");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void bulkDismissWithoutAReasonSaysOneIsRequiredBeforeAnythingIsSent() throws Exception {
        List<String> ids = seed("p-bulk1", "Threats against the harbour mosque", "Hoax about ballot boxes");
        browser.get(base + "/?platform=p-bulk1");
        tick(ids);
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("dismissed");
        browser.findElement(By.id("bulk-apply")).click();

        assertThat(browser.findElement(By.id("bulk-message")).getText()).contains("A reason is required to dismiss");
        assertThat(browser.findElement(By.id("bulk-confirm")).isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("bulk-reason");
        for (String id : ids) {
            assertThat(status(id)).as("nothing was sent").isEqualTo("new");
        }
    }

    @Test
    void withoutScriptABulkDismissalWithoutAReasonAnswersEachIncidentRefusedWithWhyInsteadOfSilentlyNothing()
            throws Exception {
        List<String> ids = seed("p-noscript", "Threat against a synagogue", "Hoax about poisoned wells");
        Caller session = client.login("ana", "analyst passphrase");
        var answer = client.postForm(
                "/incidents/bulk",
                session,
                "_csrf",
                session.csrf().orElseThrow(),
                "action",
                "dismissed",
                "reason",
                "",
                "ids",
                ids.get(0),
                "ids",
                ids.get(1),
                "back",
                "/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("0 of 2 done", "refused: ", "reason");
        for (String id : ids) {
            assertThat(status(id)).isEqualTo("new");
        }
    }

    @Test
    void bulkDismissWithAReasonAsksFirstAndListsWhatWasDoneAndWhatWasRefusedAndWhy() throws Exception {
        List<String> ids =
                seed("p-bulk2", "Calls to burn the community centre", "Fake evacuation order", "Doxxing of a reporter");
        browser.get(base + "/?platform=p-bulk2");
        // a colleague dismisses one of them while the queue is open: that one is refused, with the workflow's reason
        client.post(
                "/api/v1/incidents/" + ids.get(1) + "/status",
                bob,
                "{\"status\": \"dismissed\", \"reason\": \"satire\"}");
        tick(ids);
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("dismissed");
        browser.findElement(By.id("bulk-reason")).sendKeys("duplicate of a known hoax");
        browser.findElement(By.id("bulk-apply")).click();

        WebElement dialog = browser.findElement(By.id("bulk-confirm"));
        assertThat(dialog.isDisplayed()).isTrue();
        assertThat(dialog.getText()).contains("Dismiss 3 incidents with the reason \"duplicate of a known hoax\"?");
        chromium.clickAndLoad(By.id("bulk-confirm-yes"));

        assertThat(browser.findElement(By.id("bulk-summary")).getText()).startsWith("2 of 3 done");
        String refused = browser.findElement(By.cssSelector("#bulk-results tr[data-id='" + ids.get(1) + "']"))
                .getText();
        assertThat(refused).contains("refused:", "dismissed");
        assertThat(browser.findElement(By.cssSelector("#bulk-results tr[data-id='" + ids.get(0) + "']"))
                        .getText())
                .contains("done");
        assertThat(status(ids.get(0))).isEqualTo("dismissed");
        assertThat(status(ids.get(2))).isEqualTo("dismissed");
    }

    @Test
    void aColleaguesDismissalOfTheOpenIncidentShowsWhoChangedWhatAndOffersReload() throws Exception {
        String id = seed("p-stale", "Threat to the mayor of Nordby").get(0);
        browser.get(base + "/incidents/" + id);
        assertThat(browser.findElement(By.id("stale-warning")).isDisplayed()).isFalse();

        client.post("/api/v1/incidents/" + id + "/status", bob, "{\"status\": \"triaging\"}");
        client.post(
                "/api/v1/incidents/" + id + "/status",
                bob,
                "{\"status\": \"dismissed\", \"reason\": \"quoted in a news report\"}");

        WebElement warning = new WebDriverWait(browser, POLLED).until(d -> {
            WebElement w = d.findElement(By.id("stale-warning"));
            return w.isDisplayed() ? w : null;
        });
        assertThat(warning.getText())
                .contains(
                        "bob moved it from triaging to dismissed because “quoted in a news report”",
                        "as it was when you opened it");
        assertThat(browser.findElements(By.cssSelector("#triage button")))
                .allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        // without script (or before the page noticed) the refused form says the same instead of a bare 403
        Caller session = client.login("ana", "analyst passphrase");
        var refused = client.postForm(
                "/incidents/" + id + "/status", session, "_csrf", session.csrf().orElseThrow(), "status", "confirmed");
        assertThat(refused.statusCode()).isIn(403, 409);
        assertThat(refused.body())
                .contains(
                        "Meanwhile bob moved it from triaging to dismissed because “quoted in a news report”",
                        "reload the incident");
        chromium.clickAndLoad(By.id("stale-reload"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("dismissed");
    }

    @Test
    void keyboardTriageMovesAssignsConfirmsAndDismissesButNeverWhileTyping() throws Exception {
        List<String> ids =
                seed("p-keys", "Incitement against Roma families in Vestby", "Coordinated hoax about water poisoning");
        browser.get(base + "/?platform=p-keys");
        browser.findElement(By.id("q")).sendKeys("jjk");
        assertThat(browser.findElements(By.cssSelector("#queue tr.kbd-selected")))
                .as("typing is not a shortcut")
                .isEmpty();
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.tagName("h1")).click();

        keys("j");
        assertThat(selected()).isEqualTo(ids.get(0));
        keys("j");
        assertThat(selected()).isEqualTo(ids.get(1));
        keys("k");
        assertThat(selected()).isEqualTo(ids.get(0));

        keys("a");
        awaitStatus(ids.get(0), "assignee", "ana");
        keys("c");
        awaitStatus(ids.get(0), "status", "confirmed");
        assertThat(rowText(ids.get(0))).contains("confirmed", "ana");

        keys("j");
        assertThat(selected()).isEqualTo(ids.get(1));
        keys("d");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("bulk-reason");
        browser.switchTo().activeElement().sendKeys("counter-speech", Keys.ENTER);
        assertThat(browser.findElement(By.id("bulk-confirm-text")).getText())
                .isEqualTo("Dismiss 1 incident with the reason \"counter-speech\"?");
        chromium.clickAndLoad(By.id("bulk-confirm-yes"));
        assertThat(browser.findElement(By.id("bulk-summary")).getText()).startsWith("1 of 1 done");
        assertThat(status(ids.get(1))).isEqualTo("dismissed");

        browser.get(base + "/?platform=p-keys");
        browser.findElement(By.tagName("h1")).click();
        openShortcuts();
        assertThat(browser.findElement(By.id("shortcuts")).getText())
                .contains("assign the selected incident to me", "escalate");
        keys(Keys.ESCAPE.toString());
        keys("j");
        String escalated = selected();
        chromium.loadAfter(() -> keys("e"));
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + escalated + "/brief");
    }

    @Test
    void theQueueShowsTlpPlatformAndAgeSavesSearchesAndRefreshesItselfWhenAColleagueActs() throws Exception {
        List<String> ids = seed("tiktok", "Surge of threats against journalists");
        browser.get(base + "/?status=new&platform=tiktok");
        assertThat(rowText(ids.get(0))).contains("TLP:AMBER", "tiktok", "3 h ago");
        assertThat(browser.findElement(By.cssSelector("#queue tr[data-id='" + ids.get(0) + "'] time.age"))
                        .getAttribute("title"))
                .isEqualTo("first seen " + SEEN);

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("saved-searches")).isDisplayed());
        browser.findElement(By.id("saved-search-name")).sendKeys("new on TikTok");
        browser.findElement(By.id("save-search")).click();
        WebElement saved = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#saved-search-list a.saved-search")).stream()
                        .filter(a -> a.getText().equals("new on TikTok"))
                        .findFirst()
                        .orElse(null));
        assertThat(saved.getAttribute("href")).endsWith("/?status=new&platform=tiktok");
        browser.get(base + "/");
        chromium.clickAndLoad(By.linkText("new on TikTok"));
        assertThat(browser.getCurrentUrl()).endsWith("/?status=new&platform=tiktok");

        // a colleague assigns the incident to himself: the open queue shows it without a reload
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
        client.post("/api/v1/incidents/" + ids.get(0) + "/assign", bob, "{\"assignee\": \"bob\"}");
        new WebDriverWait(browser, POLLED).until(d -> rowText(ids.get(0)).contains("bob"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("queue-live")).getText()).contains("1 change by colleagues");
    }

    /** Incidents on a platform of the test's own, so that its queue (filtered by platform) holds only them. */
    private static List<String> seed(String platform, String... titles) throws Exception {
        List<String> ids = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            String id = TestIncidents.newId();
            ids.add(id);
            // the first is the most urgent, so the queue lists them in the given order
            incidents.add(Incident.builder()
                    .id(id)
                    .kind(IncidentKind.HIGH_SEVERITY)
                    .title(titles[i])
                    .firstSeen(SEEN)
                    .lastSeen(SEEN.plusSeconds(60))
                    .updatedAt(SEEN.plusSeconds(60))
                    .signalCount(1)
                    .accountCount(1)
                    .sources(List.of("partner:ngo-a"))
                    .platforms(List.of(platform))
                    .languages(List.of("da"))
                    .categories(List.of("threat"))
                    .evidence(new Incident.Evidence(List.of(), List.of("acct1"), List.of(), Map.of()))
                    .severity(90 - i)
                    .tier(Tier.HIGH)
                    .tlp(Tlp.AMBER)
                    .explanation("a grave post")
                    .build());
        }
        desk.incidents().upsert(incidents);
        return ids;
    }

    private static void tick(List<String> ids) {
        for (String id : ids) {
            browser.findElement(By.cssSelector("#queue input[name=ids][value='" + id + "']"))
                    .click();
        }
    }

    private static String status(String id) throws Exception {
        return DeskClient.json(client.get("/api/v1/incidents/" + id, bob))
                .path("status")
                .asText();
    }

    private static void awaitStatus(String id, String field, String value) throws Exception {
        Eventually.await(
                Duration.ofSeconds(20),
                id + " has " + field + " " + value,
                () -> DeskClient.json(client.get("/api/v1/incidents/" + id, bob))
                        .path(field)
                        .asText()
                        .equals(value));
        // the row is redrawn in place after the call
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> rowText(id).contains(value));
    }

    /** A queue row's text; the page redraws its rows in place when the queue changes, so a row read may go stale. */
    private static String rowText(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#queue tr[data-id='" + id + "']"))
                        .getText());
    }

    private static String selected() {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d ->
                        d.findElement(By.cssSelector("#queue tr.kbd-selected")).getAttribute("data-id"));
    }

    /** "?" until the shortcuts dialog is open (a key pressed before the freshly loaded page's script listens is lost), never twice within 2 s: a second "?" would close it. */
    private static void openShortcuts() {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .pollingEvery(Duration.ofSeconds(2))
                .until(d -> {
                    if (d.findElement(By.id("shortcuts")).getAttribute("open") == null) {
                        keys("?");
                    }
                    return d.findElement(By.id("shortcuts")).getAttribute("open") != null;
                });
    }

    private static void keys(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }
}
