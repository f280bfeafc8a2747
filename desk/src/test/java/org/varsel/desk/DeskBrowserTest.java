package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.varsel.contract.Incident;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * The analyst desk in a real headless Chromium (Debian's chromium + chromium-driver; nothing is downloaded): sign in,
 * filter, open an incident, triage it, find the audit entry; hostile signal text stays inert text everywhere.
 * Skipped only when /usr/bin/chromedriver is absent. {@code -Dvarsel.screenshots=<dir>} keeps the screenshots there
 * (docs/img for the README); otherwise they go to target/screenshots.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBrowserTest {
    private static final String HOSTILE_TITLE = "<img src=x onerror=alert('title')> Rally call";

    private static Desk desk;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static String base;
    private static String hostile;
    private static String needle;
    private static String invasion;

    @BeforeAll
    static void startDeskAndBrowser(LocalKafka kafka, PostgresDatabase database) throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        // the fixtures are dated 2025-03: the retention purge (90 days) would empty the queue before the browser looks
        // the test briefs settings let platform x receive TLP:AMBER: the period report's notices are briefs sent to x
        desk = Desk.start(DeskTestSupport.config(
                kafka,
                database,
                java.util.Map.of(
                        org.varsel.desk.retention.RetentionConfig.ENABLED,
                        "false",
                        org.varsel.desk.config.DeskConfig.BRIEFS_CONFIG,
                        Path.of("src/test/resources/briefs-test.yaml")
                                .toAbsolutePath()
                                .toString())));
        base = "http://localhost:" + desk.port();
        desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
        desk.credentials().createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
        desk.credentials().createUser("lee", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t");
        seed();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @Order(1)
    void anAnalystSignsInAndSeesTheQueueMostUrgentFirstWithCountsPerStatus() throws Exception {
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn("ana", "analyst passphrase");
        assertThat(browser.findElement(By.cssSelector(".user")).getText()).contains("ana (analyst)");
        List<WebElement> tiers = browser.findElements(By.cssSelector("#queue tbody tr td span.tier"));
        assertThat(tiers.get(0).getText()).isEqualTo("threat-to-life");
        assertThat(browser.findElement(By.cssSelector("#status-counts a[data-status=new] .count"))
                        .getText())
                .isEqualTo("9");
        screenshot("queue.png");
    }

    @Test
    @Order(2)
    void filteringBySearchAndTierNarrowsTheQueue() {
        browser.findElement(By.id("q")).sendKeys(needle);
        new Select(browser.findElement(By.id("tier"))).selectByValue("crisis");
        clickAndLoad(By.id("apply-filters"));
        List<String> ids = rowIds();
        assertThat(ids).containsExactly(hostile);
        new Select(browser.findElement(By.id("tier"))).selectByValue("low");
        clickAndLoad(By.id("apply-filters"));
        assertThat(rowIds()).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#queue .empty")).getText())
                .contains("No incidents match");
    }

    @Test
    @Order(3)
    void hostileTextRendersAsInertTextOnTheQueueAndTheIncidentPage() {
        browser.get(base + "/?q=" + needle);
        assertNoScriptRan();
        WebElement link = browser.findElement(By.cssSelector("#queue a.incident-link"));
        assertThat(link.getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(browser.findElements(By.cssSelector("#queue img, #queue script")))
                .isEmpty();

        loadAfter(link::click);
        assertNoScriptRan();
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(HOSTILE_TITLE);
        WebElement evidence = browser.findElement(By.cssSelector(".evidence[data-signal^=sig-a] .text"));
        assertThat(evidence.getAttribute("textContent")).isEqualTo(TriageIncidents.HOSTILE + " " + needle);
        assertThat(evidence.findElements(By.cssSelector("*")))
                .extracting(WebElement::getTagName)
                .containsExactly("mark");
        assertThat(evidence.findElement(By.tagName("mark")).getText()).isEqualTo("vermin");
        assertThat(browser.findElements(By.cssSelector("main img, main script, main iframe")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("script"))).hasSize(1);
    }

    @Test
    @Order(4)
    void violentEvidenceIsBlurredUntilClickedAndGreyscaleIsAPreference() {
        WebElement evidence = browser.findElement(By.cssSelector(".evidence[data-signal^=sig-a]"));
        assertThat(evidence.getAttribute("class")).contains("sensitive").doesNotContain("revealed");
        assertThat(filterOf(evidence.findElement(By.cssSelector(".text")))).contains("blur");
        evidence.findElement(By.cssSelector("button.reveal")).click();
        assertThat(evidence.getAttribute("class")).contains("revealed");
        assertThat(filterOf(evidence.findElement(By.cssSelector(".text")))).isEqualTo("none");

        clickAndLoad(By.id("greyscale-toggle"));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class"))
                .contains("greyscale");
        clickAndLoad(By.id("greyscale-toggle"));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class"))
                .doesNotContain("greyscale");
    }

    @Test
    @Order(5)
    void theIncidentPageShowsTimelineRulesScoresAccountsCoordinationAndRelatedIncidents() throws Exception {
        assertThat(browser.findElements(By.cssSelector("#timeline rect"))).hasSize(3);
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("near-identical text");
        assertThat(browser.findElement(By.id("classifier")).getText())
                .contains("hateful")
                .contains("0.91");
        assertThat(browser.findElement(By.id("accounts")).getText())
                .contains("@acct_a")
                .contains("@acct_b");
        assertThat(browser.findElement(By.id("coordination")).getText()).contains("0.93 across 3 accounts");
        assertThat(browser.findElements(By.cssSelector("#related li a"))).isNotEmpty();
        String page = browser.getCurrentUrl();
        browser.get(base + "/incidents/" + invasion);
        browser.findElement(By.cssSelector(".evidence.sensitive button.reveal")).click();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("incident.png");
        browser.get(page);
    }

    @Test
    @Order(6)
    void anAnalystTriagesAssignsAndCommentsAndTheHistoryShowsIt() {
        clickAndLoad(By.id("to-triaging"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("triaging");
        new Select(browser.findElement(By.id("assign-to"))).selectByValue("ana");
        clickAndLoad(By.id("assign"));
        assertThat(browser.findElement(By.id("assignee")).getText()).isEqualTo("ana");
        browser.findElement(By.id("comment-body")).sendKeys("<script>alert('comment')</script> looks coordinated");
        clickAndLoad(By.id("add-comment"));
        assertNoScriptRan();
        assertThat(browser.findElement(By.cssSelector("#comments .comment .text"))
                        .getText())
                .isEqualTo("<script>alert('comment')</script> looks coordinated");
        browser.findElement(By.id("dismiss-reason")).sendKeys("counter-speech quoting the slur");
        clickAndLoad(By.id("to-dismissed"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("dismissed");
        assertThat(browser.findElement(By.id("status-reason")).getText()).contains("counter-speech");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("ana moved it from new to triaging")
                .contains("assigned it to ana")
                .contains("commented")
                .contains("stored version 1");
        assertThat(browser.findElements(By.id("to-triaging")))
                .as("an analyst cannot reopen")
                .isEmpty();
    }

    @Test
    @Order(7)
    void aLeadSeesTheAnalystsActionsInTheAuditLog() {
        clickAndLoad(By.id("logout"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn("lee", "lead passphrase");
        clickAndLoad(By.linkText("Audit"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit)
                .contains("ana")
                .contains("dismissed")
                .contains("counter-speech quoting the slur")
                .contains(hostile);
        assertNoScriptRan();
        assertThat(browser.findElements(By.cssSelector("#audit script, #audit img")))
                .isEmpty();
        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href"))
                .contains("/api/v1/audit.csv");
        clickAndLoad(By.linkText("Rules"));
        assertThat(browser.findElement(By.id("rules")).getText())
                .contains("r-vermin")
                .contains("0 %");
    }

    @Test
    @Order(12)
    void theReportsMenuOpensThePeriodReportWithItsCharts() throws Exception {
        java.time.LocalDate start =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(21);
        sendNotices(seedThreeWeeks(start));
        clickAndLoad(By.linkText("Reports"));
        assertThat(browser.getCurrentUrl()).contains("/reports/period");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelector('input[name=from]').value = arguments[0];"
                                + "document.querySelector('input[name=to]').value = arguments[1];",
                        start.toString(),
                        start.plusDays(22).toString());
        clickAndLoad(By.id("period-show"));
        assertThat(browser.findElement(By.id("report-tlp")).getText()).isEqualTo("TLP:AMBER");
        for (String dimension : List.of("category", "platform", "language", "target-group", "tier")) {
            assertThat(browser.findElements(By.cssSelector("#trend-" + dimension + " svg.trend-chart")))
                    .as(dimension)
                    .isNotEmpty();
        }
        assertThat(browser.findElements(By.cssSelector("#trend-category svg.trend-chart rect.bar")))
                .hasSizeGreaterThan(20);
        assertThat(browser.findElement(By.id("top-incidents")).getText()).contains("Spread");
        assertThat(browser.findElement(By.id("top-campaigns")).getText()).contains("Campaign: spread");
        // one bar for x: removed, restricted, labelled, no action and awaiting
        assertThat(browser.findElements(By.cssSelector("#outcome-chart rect.outcome")))
                .hasSize(5);
        assertThat(outcomeCount("removed"))
                .as("two of six notices' URLs removed, one restricted")
                .isEqualTo(2 * outcomeCount("restricted"));
        assertThat(browser.findElement(By.id("cases")).getText()).contains("x 6");
        assertThat(browser.findElement(By.id("notices")).getText()).contains("(all)");
        // the downloads answer the browser's own session, as a click on the links would
        String csv = download(By.id("report-csv"), "text/csv");
        assertThat(csv)
                .startsWith("from,to,dimension,value,bucket,bucket_start,incidents\r\n")
                .contains(",category,threat,day,");
        assertThat(download(By.id("report-pdf"), "application/pdf")).startsWith("%PDF-");
        assertThat(download(By.id("notices-csv"), "text/csv")).contains(",x,(all),");
        assertNoScriptRan();
        screenshot("period-report.png");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('campaigns-heading').scrollIntoView()");
        screenshot("period-report-outcomes.png");
    }

    @Test
    @Order(13)
    void anEarlyWarningShowsItsTrendAgainstTheBaselineOnItsPageAndInThePeriodReport() throws Exception {
        java.time.Instant firstWeek = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .minusWeeks(16)
                .with(java.time.DayOfWeek.MONDAY)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        String id = TestIncidents.newId();
        Incident warning = TestIncidents.earlyWarning(
                id,
                "Early warning: threats and dehumanisation against migrants in north rising for 3 weeks",
                firstWeek);
        int weeks = warning.trend().series().size();
        java.time.Instant riseStarted = warning.firstSeen();
        desk.incidents().upsert(List.of(warning));

        browser.get(base + "/incidents/" + id);
        WebElement chart = browser.findElement(By.cssSelector("#early-warning svg.early-warning-chart"));
        assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(weeks);
        assertThat(chart.findElements(By.cssSelector("rect.bar.raised"))).hasSize(3);
        assertThat(chart.findElement(By.cssSelector("polyline.baseline"))
                        .getAttribute("points")
                        .split(" "))
                .hasSize(weeks);
        assertThat(chart.findElement(By.cssSelector("polyline.threshold"))
                        .getAttribute("points")
                        .split(" "))
                .hasSize(weeks);
        assertThat(browser.findElement(By.cssSelector("#early-warning figcaption"))
                        .getText())
                .isEqualTo("migrants in north, per week");
        // the raised bars stand above the dashed threshold line: taller than the bars of the weeks before
        double raisedHeight = chart.findElements(By.cssSelector("rect.bar.raised"))
                .get(0)
                .getRect()
                .getHeight();
        double baselineHeight =
                chart.findElements(By.cssSelector("rect.bar")).get(0).getRect().getHeight();
        assertThat(raisedHeight).isGreaterThan(1.5 * baselineHeight);
        assertNoScriptRan();
        screenshot("incident-early-warning.png");

        java.time.LocalDate from = java.time.LocalDate.ofInstant(riseStarted, java.time.ZoneOffset.UTC);
        browser.get(base + "/reports/period?from=" + from + "&to=" + from.plusDays(28));
        WebElement section = browser.findElement(By.id("early-warnings"));
        assertThat(section.getText()).contains("against migrants in north");
        assertThat(section.findElements(By.cssSelector("svg.early-warning-chart rect.bar.raised")))
                .hasSize(3);
        screenshot("period-report-early-warning.png");
    }

    /**
     * Demo-like incidents spread over the three weeks from {@code start}, so that the report's trends have a shape;
     * recent, as the desk's retention purge may take old incidents mid-class.
     */
    private static List<Incident> seedThreeWeeks(java.time.LocalDate start) throws Exception {
        String[] categories = {"incitement", "influence-operation", "dehumanisation", "threat", "dangerous-speech"};
        Tier[] tiers = {Tier.MEDIUM, Tier.LOW, Tier.HIGH, Tier.MEDIUM, Tier.CRISIS};
        List<Incident> incidents = new ArrayList<>();
        for (int day = 0; day < 21; day++) {
            for (int n = 0; n <= (day * 7 + 3) % 4; n++) {
                int k = (day + n) % categories.length;
                Incident c = TriageIncidents.campaign(
                        TestIncidents.newId(),
                        1,
                        "Spread " + categories[k] + " day " + day,
                        categories[k],
                        tiers[k],
                        "they must go",
                        "https://e.org/spread/" + day + "/" + n);
                java.time.Instant seen = start.atTime(9, 0)
                        .toInstant(java.time.ZoneOffset.UTC)
                        .plus(Duration.ofDays(day))
                        .plus(Duration.ofHours(n));
                boolean campaign = day % 5 == 0 && n == 0;
                incidents.add(c.toBuilder()
                        .kind(campaign ? org.varsel.contract.IncidentKind.CAMPAIGN : c.kind())
                        .title(campaign ? "Campaign: spread " + categories[k] + " day " + day : c.title())
                        .firstSeen(seen)
                        .lastSeen(seen.plusSeconds(900))
                        .updatedAt(seen.plusSeconds(900))
                        .platforms(n % 2 == 0 ? List.of("x") : List.of("telegram", "facebook"))
                        .languages(n % 3 == 0 ? List.of("da") : List.of("en", "ar"))
                        .targetGroups(k % 2 == 0 ? List.of("migrants") : List.of("muslims", "officials"))
                        .evidence(postedAt(c.evidence(), day + "-" + n))
                        .build());
            }
        }
        desk.incidents().upsert(incidents);
        return incidents;
    }

    /** The evidence with post URLs of its own, so that the notices about different incidents report different URLs. */
    private static Incident.Evidence postedAt(Incident.Evidence evidence, String post) {
        return new Incident.Evidence(
                evidence.signals().stream()
                        .map(s -> new Incident.EvidenceSignal(
                                s.signalId(),
                                s.source(),
                                s.externalId(),
                                s.observedAt(),
                                "https://x.com/" + s.author() + "/status/" + post,
                                s.platform(),
                                s.author(),
                                s.text(),
                                s.language(),
                                s.tlp(),
                                s.category(),
                                s.ruleIds(),
                                s.matchedTerms(),
                                s.scores()))
                        .toList(),
                evidence.accounts(),
                evidence.timeline(),
                evidence.coordination(),
                evidence.accountPosts());
    }

    /**
     * Notices sent to x about six of the seeded incidents and what x did with five of them:
     * the report's notices, outcomes and cases.
     */
    private static void sendNotices(List<Incident> seeded) throws Exception {
        DeskClient client = new DeskClient(desk.port());
        DeskClient.Caller lead = DeskClient.Caller.bearer(desk.credentials()
                .createUser("rhea", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                .token());
        String[] outcomes = {"removed", "restricted", "labelled", "no-action", "removed", ""};
        for (int i = 0; i < outcomes.length; i++) {
            Incident incident = seeded.get(i * 3);
            for (String status : List.of("triaging", "confirmed", "escalated")) {
                assertThat(client.post(
                                        "/api/v1/incidents/" + incident.id() + "/status",
                                        lead,
                                        "{\"status\": \"" + status + "\"}")
                                .statusCode())
                        .isEqualTo(200);
            }
            java.net.http.HttpResponse<String> brief = client.get(
                    "/api/v1/incidents/" + incident.id() + "/brief?track=tos&audience=platform:x&format=json", lead);
            assertThat(brief.statusCode()).as(brief.body()).isEqualTo(200);
            java.net.http.HttpResponse<String> sent = client.post(
                    "/api/v1/briefs/" + brief.headers().firstValue("X-Brief-Id").orElseThrow() + "/sent", lead, "{}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            if (!outcomes[i].isEmpty()) {
                String caseId =
                        DeskClient.json(sent).get("cases").get(0).get("id").asText();
                assertThat(client.post(
                                        "/api/v1/cases/" + caseId + "/events",
                                        lead,
                                        "{\"status\": \"actioned\", \"outcome\": \""
                                                + outcomes[i] + "\", \"happened_at\": \""
                                                + java.time.Instant.now()
                                                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                                + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }
        }
    }

    /** How many reported URLs the outcome chart's bar for x counts as {@code outcome} (its tooltip: "x: 3 removed"). */
    private static int outcomeCount(String outcome) {
        String tooltip = browser.findElement(By.cssSelector("#outcome-chart rect.outcome." + outcome + " title"))
                .getAttribute("textContent");
        return Integer.parseInt(tooltip.replaceAll("^x: (\\d+) .*$", "$1"));
    }

    /** What the link {@code link} answers to the browser's session cookie, checked for its content type. */
    private static String download(By link, String contentType) throws Exception {
        String href = browser.findElement(link).getAttribute("href");
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed(org.varsel.desk.http.SignedInPage.COOKIE);
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                                .header("Cookie", session.getName() + "=" + session.getValue())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
        return new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    @Order(8)
    void aCampaignShowsItsNetworkFindingsAndAccountsAndAnIncidentMergedIntoItRedirects() throws Exception {
        String campaign = TestIncidents.newId();
        String founder = TestIncidents.newId();
        Incident pushed = TriageIncidents.campaign(
                founder,
                1,
                "Hashtag push: #poisonedwater",
                "influence-operation",
                Tier.MEDIUM,
                "#poisonedwater",
                "https://hoax.example/water");
        desk.incidents().upsert(List.of(pushed));
        desk.incidents()
                .upsert(List.of(pushed.mergedInto(2, campaign), TriageIncidents.consolidated(campaign, founder)));

        browser.get(base + "/?q=poisonedwater");
        assertThat(rowIds())
                .as("the queue shows the campaign, not the incident merged into it")
                .containsExactly(campaign);
        browser.get(base + "/incidents/" + founder);
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + campaign + "?from=" + founder);
        assertThat(browser.findElement(By.id("redirected-from")).getText())
                .contains(founder)
                .contains("merged into this campaign");
        assertThat(browser.findElements(By.cssSelector("#network circle.subject")))
                .hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#network circle.node-account, #network circle.node-bridge")))
                .hasSize(9);
        assertThat(browser.findElements(By.cssSelector("#network circle.node-bridge")))
                .as("acct_a and acct_b are in every finding")
                .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#network line.edge"))).hasSize(6 + 4 + 3);
        assertThat(browser.findElements(By.cssSelector("#network line.edge-hashtag-push")))
                .hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#findings tr.finding"))).hasSize(3);
        assertThat(browser.findElement(By.id("findings")).getText())
                .contains("shares 2 of 4 accounts")
                .contains("first finding");
        assertThat(browser.findElements(By.cssSelector("#findings .finding-timeline")))
                .hasSize(3);
        List<WebElement> shares = browser.findElements(By.cssSelector("#account-shares li"));
        assertThat(shares.get(0).getText())
                .as("the busiest account first, with its share of the campaign's 31 posts")
                .contains("acct_a", "at least 9 posts (29 % of the campaign's posts)", "in 3 of 3 findings");
        assertThat(shares.get(1).getText()).contains("acct_b", "at least 6 posts (19 %", "in 3 of 3 findings");
        assertThat(shares)
                .extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).startsWith("acct_i in 1 of 3 findings"));
        assertThat(browser.findElement(By.cssSelector("#merged-from a")).getAttribute("href"))
                .endsWith("/incidents/" + founder + "?stay=1");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('campaign').scrollIntoView()");
        screenshot("campaign-generated.png");

        browser.findElement(By.cssSelector("#merged-from a")).click();
        assertThat(browser.findElement(By.id("merged-into")).getText()).contains(campaign);
        assertThat(browser.findElement(By.id("status")).getText())
                .as("the merged incident keeps its own triage state")
                .isEqualTo("new");
    }

    /**
     * With {@code -Dvarsel.campaign=<file>} (one incident.v1 campaign as JSON, e.g. from {@code ./varsel replay}), shows it
     * and keeps a screenshot of its network: the README's picture of a real campaign.
     */
    @Test
    @Order(9)
    void aReplayedCampaignShowsItsNetwork() throws Exception {
        String file = System.getProperty("varsel.campaign");
        Assumptions.assumeTrue(file != null, "no -Dvarsel.campaign file given");
        Incident replayed = org.varsel.contract.IncidentCodec.fromJson(Files.readAllBytes(Path.of(file)));
        desk.incidents().upsert(List.of(replayed));
        browser.get(base + "/incidents/" + replayed.id());
        assertThat(browser.findElements(By.cssSelector("#network circle.subject")))
                .isNotEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('campaign').scrollIntoView()");
        screenshot("campaign.png");
    }

    @Test
    @Order(10)
    void aThreatToLifeAlertIsABannerOnEveryPageUntilAnAnalystAcknowledgesIt() throws Exception {
        // a fresh incident: the seeded ones are old enough for the desk's retention purge to take them mid-class
        String alerted = TestIncidents.newId();
        desk.incidents()
                .upsert(List.of(TestIncidents.incident(
                        alerted, 1, List.of("partner:ngo-a"), Tier.THREAT_TO_LIFE, 100, java.time.Instant.now())));
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        signIn("ana", "analyst passphrase");
        By acknowledge = By.cssSelector("#alert-banner button.acknowledge[data-incident='" + alerted + "']");
        for (String page : List.of("/", "/rules", "/incidents/" + alerted)) {
            browser.get(base + page);
            WebElement banner = browser.findElement(By.id("alert-banner"));
            assertThat(banner.getText()).contains("Threat to life", "Same link pushed by many accounts v1");
            assertThat(banner.findElements(By.cssSelector("a[href='/incidents/" + alerted + "']")))
                    .hasSize(1);
            assertThat(browser.findElements(acknowledge)).hasSize(1);
        }
        screenshot("alert-banner.png");
        clickAndLoad(acknowledge);
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + alerted);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        assertThat(browser.findElements(acknowledge)).isEmpty();
        browser.get(base + "/");
        assertThat(browser.findElements(acknowledge)).isEmpty();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        assertThat(desk.alerts().find(alerted).orElseThrow().acknowledgedBy()).contains("ana");
    }

    @Test
    @Order(11)
    void arabicEvidenceAndTitlesRenderRightToLeftBesideLeftToRightOnes() throws Exception {
        String arabic = "يجب طرد هؤلاء المهاجرين من المدينة، إنهم vermin";
        String id = TestIncidents.newId();
        desk.incidents()
                .upsert(List.of(TriageIncidents.campaign(
                        id, 1, "طرد المهاجرين: Rally call", "incitement", Tier.HIGH, arabic, "https://e.org/ar")));
        browser.get(base + "/incidents/" + id);

        WebElement evidence = browser.findElement(By.cssSelector(".evidence[data-signal^=sig-a] .text"));
        assertThat(evidence.getAttribute("textContent")).isEqualTo(arabic);
        assertThat(evidence.getCssValue("direction")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("title")).getCssValue("direction")).isEqualTo("rtl");
        // the English evidence of the same incident stays left to right
        assertThat(browser.findElement(By.cssSelector(".evidence[data-signal^=sig-f] .text"))
                        .getCssValue("direction"))
                .isEqualTo("ltr");
        // right-to-left text starts at the right edge of its box
        long textRight = (Long) ((JavascriptExecutor) browser)
                .executeScript(
                        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                                + " return Math.round(arguments[0].getBoundingClientRect().right - r.getBoundingClientRect().right);",
                        evidence);
        assertThat(textRight).isBetween(0L, 2L);
        screenshot("incident-arabic.png");
    }

    @Test
    @Order(14)
    void theInboxListsTheThreatToLifeIncidentAndMarkingAllReadClearsTheMenusCount() throws Exception {
        browser.get(base + "/");
        WebElement count = browser.findElement(By.id("unread-count"));
        int unread = Integer.parseInt(count.getText());
        assertThat(unread).as("the seeded threat-to-life incident").isPositive();
        clickAndLoad(By.id("inbox-link"));
        WebElement inbox = browser.findElement(By.id("inbox"));
        assertThat(inbox.findElements(By.cssSelector("tbody tr.unread"))).hasSize(unread);
        assertThat(inbox.getText()).contains("Threat-to-life incident", "Threat to bomb the Nørrebro community centre");
        clickAndLoad(By.id("mark-all-read"));
        assertThat(browser.getCurrentUrl()).endsWith("/inbox");
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        assertThat(browser.findElements(By.id("unread-count"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#inbox tbody tr.unread")))
                .isEmpty();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        assertNoScriptRan();
    }

    private static void signIn(String username, String password) {
        chromium.signIn(base, username, password);
    }

    private static void clickAndLoad(By target) {
        chromium.clickAndLoad(target);
    }

    private static void loadAfter(Runnable action) {
        chromium.loadAfter(action);
    }

    private static List<String> rowIds() {
        List<String> ids = new ArrayList<>();
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        for (WebElement row : browser.findElements(By.cssSelector("#queue tbody tr[data-id]"))) {
            ids.add(row.getAttribute("data-id"));
        }
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return ids;
    }

    private static void assertNoScriptRan() {
        chromium.assertNoScriptRan();
    }

    private static String filterOf(WebElement element) {
        return chromium.filterOf(element);
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    /** Nine new incidents of every tier; one carries hostile markup in its title and evidence. */
    private static void seed() throws Exception {
        needle = "kestrel" + Long.toString(System.nanoTime() % 100_000);
        hostile = TestIncidents.newId();
        List<Incident> incidents = new ArrayList<>();
        incidents.add(TriageIncidents.campaign(
                hostile,
                1,
                HOSTILE_TITLE,
                "incitement",
                Tier.CRISIS,
                TriageIncidents.HOSTILE + " " + needle,
                "https://e.org/shared"));
        String[][] others = {
            {"Threat to bomb the Nørrebro community centre", "threat", "threat-to-life"},
            {"Coordinated 'invasion' narrative on five accounts", "dehumanisation", "high"},
            {"Same fabricated ministry letter shared by 14 accounts", "influence-operation", "high"},
            {"Surge of #gohome posts after the match", "dangerous-speech", "medium"},
            {"Recruitment video link pushed in three channels", "terrorist-content", "crisis"},
            {"Doctored photo of election officials", "influence-operation", "medium"},
            {"Insults against a journalist", "offensive", "low"},
            {"Rumour about poisoned water supply", "influence-operation", "low"}
        };
        for (String[] other : others) {
            Tier tier = java.util.Arrays.stream(Tier.values())
                    .filter(t -> t.label().equals(other[2]))
                    .findFirst()
                    .orElseThrow();
            String id = TestIncidents.newId();
            if (other[0].contains("invasion")) {
                invasion = id;
            }
            incidents.add(TriageIncidents.campaign(
                    id,
                    1,
                    other[0],
                    other[1],
                    tier,
                    "they are vermin and must go",
                    other[0].contains("ministry") ? "https://e.org/shared" : "https://e.org/x" + incidents.size()));
        }
        desk.incidents().upsert(incidents);
    }
}
