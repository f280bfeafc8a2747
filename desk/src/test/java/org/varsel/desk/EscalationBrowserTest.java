package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * Escalation in a real headless Chromium: from the incident page an analyst previews a DSA brief to platform X, marks
 * it sent, and records the platform's answers until the case is actioned (removed); the partner whose report fed the
 * incident sees that outcome. Keeps the screenshots brief-dialog.png and case.png (docs/img for the README).
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationBrowserTest {
    private static final Instant SEEN = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private static final String TITLE = "Calls to drive residents out of the Sandholm asylum centre tonight";

    private static Desk desk;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static String base;
    private static String incident;
    private static String caseUrl;

    @BeforeAll
    static void start(LocalKafka kafka, PostgresDatabase database) throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        desk = Desk.start(DeskTestSupport.config(kafka, database, Map.of()));
        base = "http://localhost:" + desk.port();
        desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
        desk.credentials().createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
        desk.credentials()
                .createUser("pia", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-a"), "t");
        incident = TestIncidents.newId();
        desk.incidents().upsert(List.of(incitement(incident)));
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
    @Order(1)
    void anAnalystPreviewsADsaBriefFromTheIncidentPageAndMarksItSent() throws Exception {
        chromium.signIn(base, "ana", "analyst passphrase");
        browser.get(base + "/incidents/" + incident);
        chromium.clickAndLoad(By.id("open-brief"));
        assertThat(browser.findElement(By.id("incident-cases")).getText()).contains("No notice");

        browser.findElement(By.id("track-dsa")).click();
        new Select(browser.findElement(By.id("brief-audience"))).selectByValue("platform:x");
        chromium.clickAndLoad(By.id("brief-preview-button"));

        String preview = browser.findElement(By.id("brief-preview")).getText();
        assertThat(preview)
                .contains(
                        "TLP:GREEN",
                        "Notice of illegal content under Article 16",
                        "Why it is reported",
                        "3 posts by 3 accounts on x",
                        "aimed at migrants",
                        "Incitement to violence or crime",
                        "Straffeloven",
                        "https://x.com/nordic_patriot88/status/1890001");
        assertThat(preview).doesNotContain("severity 78/100 +", "neutral");
        assertThat(browser.findElement(By.id("brief-actions")).getText()).contains("TLP:GREEN");
        for (String format : List.of("pdf", "md", "json")) {
            assertThat(browser.findElement(By.id("download-" + format)).getAttribute("href"))
                    .contains("/api/v1/incidents/" + incident + "/brief?track=dsa&audience=platform%3Ax&format="
                            + format);
        }
        chromium.screenshot("brief-dialog.png");

        chromium.clickAndLoad(By.id("mark-sent"));
        caseUrl = browser.getCurrentUrl();
        assertThat(caseUrl).matches(".*/cases/case-[0-9a-f-]{36}");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("sent");
        assertThat(browser.findElement(By.id("case-urls")).getText())
                .contains("https://x.com/nordic_patriot88/status/1890001");
    }

    @Test
    @Order(2)
    void theAnalystRecordsThePlatformsAnswersUntilTheCaseIsActioned() throws Exception {
        browser.get(caseUrl);
        new Select(browser.findElement(By.id("case-next-status"))).selectByValue("acknowledged");
        browser.findElement(By.id("case-note")).sendKeys("Ticket X-4711 opened by X's DSA team");
        chromium.clickAndLoad(By.id("case-record"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("acknowledged");

        new Select(browser.findElement(By.id("case-next-status"))).selectByValue("actioned");
        new Select(browser.findElement(By.id("case-outcome-choice"))).selectByValue("removed");
        chromium.clickAndLoad(By.id("case-record"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("actioned");
        assertThat(browser.findElement(By.id("case-outcome")).getText()).isEqualTo("removed");
        assertThat(browser.findElements(By.cssSelector("#case-history tbody tr")))
                .hasSize(3);
        assertThat(browser.findElement(By.id("case-history")).getText()).contains("Ticket X-4711", "removed", "ana");
        chromium.screenshot("case.png");

        // an answer the case cannot take is a clear refusal, not a server error
        new Select(browser.findElement(By.id("case-next-status"))).selectByValue("appealed");
        new Select(browser.findElement(By.id("case-outcome-choice"))).selectByValue("removed");
        chromium.clickAndLoad(By.id("case-record"));
        assertThat(browser.findElement(By.cssSelector(".problem .error")).getText())
                .contains("an outcome goes only with status actioned");
    }

    @Test
    @Order(3)
    void thePartnerWhoseReportFedTheIncidentSeesTheOutcome() {
        browser.get(base + "/");
        chromium.clickAndLoad(By.id("logout"));
        chromium.signIn(base, "pia", "partner passphrase");
        browser.get(base + "/cases");
        String cases = browser.findElement(By.id("cases")).getText();
        assertThat(cases).contains("x", "actioned", "removed").doesNotContain(incident, "ana");
        browser.get(caseUrl);
        assertThat(browser.findElement(By.cssSelector(".problem .error")).getText())
                .contains("for the desk's staff");
    }

    /** An incitement incident on X with GREEN evidence: two posts from a feed, one reported by ngo-a. */
    private static Incident incitement(String id) {
        List<Incident.EvidenceSignal> signals = List.of(
                post(
                        "1",
                        "feed:rss",
                        "nordic_patriot88",
                        "1890001",
                        0,
                        "Tonight we go to Sandholm and drive the migrants out. Bring what you need. They will not sleep there again."),
                post(
                        "2",
                        "feed:rss",
                        "vestegn_vagt",
                        "1890017",
                        240,
                        "Sandholm 22:00. Drive them out, every last one. Share before they delete this."),
                post(
                        "3",
                        "partner:ngo-a",
                        "true_dane_1864",
                        "1890042",
                        600,
                        "The migrants in Sandholm must be driven out tonight. We meet at the gate."));
        return Incident.builder()
                .id(id)
                .kind(IncidentKind.CO_SIMILAR_TEXT)
                .title(TITLE)
                .firstSeen(SEEN)
                .lastSeen(SEEN.plusSeconds(600))
                .updatedAt(SEEN.plusSeconds(660))
                .signalCount(3)
                .accountCount(3)
                .sources(List.of("feed:rss", "partner:ngo-a"))
                .platforms(List.of("x"))
                .languages(List.of("en"))
                .categories(List.of("incitement", "neutral"))
                .disarm(List.of("T0049"))
                .targetGroups(List.of("migrants"))
                .hallmarks(List.of("threat-to-group-integrity"))
                .tcap(List.of("place", "time"))
                .ruleHits(List.of(new Incident.RuleHitSummary(
                        "en-call-to-expel-group", "Call to drive a group out", 4, "incitement", "1", 3)))
                .classifier(new Incident.ClassifierSummary("doccat-test", Map.of("threat", 0.81, "neutral", 0.1)))
                .evidence(new Incident.Evidence(
                        signals,
                        List.of("nordic_patriot88", "vestegn_vagt", "true_dane_1864"),
                        List.of(),
                        Map.of("similarity", "0.71 across 3 accounts", "window", "PT10M")))
                .severity(78)
                .tier(Tier.HIGH)
                .tlp(Tlp.GREEN)
                .explanation("Co-similar text: 3 distinct accounts ... severity max(content 60, coordination 37) + 10")
                .build();
    }

    private static Incident.EvidenceSignal post(
            String n, String source, String account, String status, int offset, String text) {
        int at = text.indexOf("drive");
        return new Incident.EvidenceSignal(
                "sig-" + n,
                source,
                "ext-" + n,
                SEEN.plusSeconds(offset),
                "https://x.com/" + account + "/status/" + status,
                "x",
                "@" + account,
                text,
                "en",
                Tlp.GREEN,
                "incitement",
                List.of("en-call-to-expel-group"),
                at < 0 ? List.of() : List.of(new Incident.MatchedTerm("drive", at, at + 5)),
                Map.of("threat", 0.81));
    }
}
