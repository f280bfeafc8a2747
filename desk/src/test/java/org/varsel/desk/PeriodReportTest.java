package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * The period report against a whole desk (real PostgreSQL and broker): the page with its charts, the CSV and the PDF,
 * and partners turned away. A platform brief about a disinformation incident and an incitement incident shows that
 * each reported URL counts under its own incident's categories, and that "neutral" is never a category.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class PeriodReportTest {
    private static final Instant SEEN = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    private static final String DAY = LocalDate.ofInstant(SEEN, ZoneOffset.UTC).toString();
    private static final String DISINFORMATION = TestIncidents.newId();
    private static final String INCITEMENT = TestIncidents.newId();
    private static final String OLD = TestIncidents.newId();
    private static final String EARLY_WARNING = TestIncidents.newId();
    private static final String CAMPAIGN = TestIncidents.newId();

    private static Desk desk;
    private static DeskClient client;
    private static Caller analyst;
    private static Caller analystSession;
    private static Caller partner;
    private static Caller partnerSession;

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase database) throws Exception {
        desk = Desk.start(DeskTestSupport.config(
                kafka,
                database,
                Map.of(
                        DeskConfig.BRIEFS_CONFIG,
                        Path.of("src/test/resources/briefs-test.yaml")
                                .toAbsolutePath()
                                .toString())));
        client = new DeskClient(desk.port());
        desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
        analyst = Caller.bearer(desk.credentials()
                .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token());
        partner = Caller.bearer(desk.credentials()
                .createUser("pia", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-a"), "t")
                .token());
        analystSession = client.login("ana", "analyst passphrase");
        partnerSession = client.login("pia", "partner passphrase");
        desk.incidents()
                .upsert(List.of(
                        incident(
                                DISINFORMATION,
                                "Fabricated ministry letter",
                                "influence-operation",
                                "neutral",
                                "en",
                                "officials",
                                Tier.MEDIUM,
                                SEEN,
                                "https://x.com/forger/status/1"),
                        incident(
                                INCITEMENT,
                                "Call to march on the asylum centre",
                                "incitement",
                                "incitement",
                                "da",
                                "migrants",
                                Tier.HIGH,
                                SEEN,
                                "https://x.com/caller/status/2"),
                        incident(
                                CAMPAIGN,
                                IncidentKind.CAMPAIGN,
                                "Forged-letter network on five accounts",
                                "influence-operation",
                                "neutral",
                                "en",
                                "officials",
                                Tier.CRISIS,
                                SEEN.minus(1, ChronoUnit.DAYS),
                                "https://x.com/forger/status/9"),
                        incident(
                                OLD,
                                "Last year's rumour",
                                "incitement",
                                "incitement",
                                "da",
                                "migrants",
                                Tier.LOW,
                                SEEN.minus(400, ChronoUnit.DAYS),
                                "https://x.com/old/status/3"),
                        // its rise began weeks before the report's day and is still on
                        TestIncidents.earlyWarning(
                                EARLY_WARNING,
                                "Early warning: threats against migrants rising for 3 weeks",
                                LocalDate.ofInstant(SEEN, ZoneOffset.UTC)
                                        .minusWeeks(15)
                                        .with(java.time.DayOfWeek.MONDAY)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant())));
        try (Connection connection = database.connect();
                PreparedStatement escalate =
                        connection.prepareStatement("UPDATE incident SET status = 'escalated' WHERE id = ANY (?)")) {
            escalate.setArray(1, connection.createArrayOf("text", new Object[] {DISINFORMATION, INCITEMENT}));
            escalate.executeUpdate();
        }
        HttpResponse<String> brief = client.get("/api/v1/briefs/platform/x?track=tos&format=json", analyst);
        assertThat(brief.statusCode()).isEqualTo(200);
        // a brief counts as a notice once it is marked sent, not when it is downloaded
        HttpResponse<String> sent = client.post(
                "/api/v1/briefs/" + brief.headers().firstValue("X-Brief-Id").orElseThrow() + "/sent", analyst, "{}");
        assertThat(sent.statusCode()).isEqualTo(201);
        String firstCase = DeskClient.json(sent).get("cases").get(0).get("id").asText();
        assertThat(client.post(
                                "/api/v1/cases/" + firstCase + "/events",
                                analyst,
                                "{\"status\":\"actioned\",\"outcome\":" + "\"removed\",\"happened_at\":\""
                                        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void theCsvCountsIncidentsPerDayByCategoryPlatformLanguageTargetGroupAndTierForTheLast30Days() throws Exception {
        HttpResponse<String> response = client.get("/api/v1/reports/period?format=csv", analyst);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String csv = response.body();
        assertThat(csv).startsWith("from,to,dimension,value,bucket,bucket_start,incidents\r\n");
        assertThat(csv)
                .contains(
                        ",category,influence-operation,day," + DAY + ",1\r\n",
                        ",category,incitement,day," + DAY + ",1\r\n",
                        ",platform,x,day," + DAY + ",2\r\n",
                        ",language,da,day," + DAY + ",1\r\n",
                        ",target group,migrants,day," + DAY + ",1\r\n",
                        ",tier,high,day," + DAY + ",1\r\n",
                        ",tier,medium,day," + DAY + ",1\r\n");
        assertThat(csv).doesNotContain("neutral").doesNotContain(",tier,low,");
        assertThat(csv.lines().filter(line -> line.contains(",tier,high,")).count())
                .as("a row for each of 31 days")
                .isEqualTo(31);
    }

    @Test
    void thePageDrawsTheTrendsAsSvgChartsAndCountsEachReportedUrlUnderItsOwnIncidentsCategory() throws Exception {
        HttpResponse<String> response = client.get("/reports/period", analystSession);

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page)
                .contains(
                        "id=\"early-warnings\"",
                        "<svg class=\"early-warning-chart\"",
                        "Early warning: threats against migrants rising for 3 weeks");
        assertThat(page)
                .contains(
                        "id=\"report-tlp\">TLP:AMBER<",
                        "<svg class=\"trend-chart\"",
                        "id=\"trend-target-group\"",
                        "Call to march on the asylum centre",
                        "href=\"/reports/period\"");
        assertThat(page).doesNotContain("Last year");
        // one URL each: the disinformation URL is not incitement, and "neutral" (a classifier label) is no category
        assertThat(page)
                .contains(
                        "<td>x</td><td>influence-operation</td><td class=\"num\">1</td><td class=\"num\">1</td>",
                        "<td>x</td><td>incitement</td><td class=\"num\">1</td><td class=\"num\">1</td>");
        assertThat(page).doesNotContain("<td>neutral</td>");
    }

    @Test
    void theTransparencyReportCountsEachReportedUrlUnderItsOwnIncidentsCategoryAsThePeriodReportDoes()
            throws Exception {
        HttpResponse<String> response = client.get(
                "/api/v1/reports/transparency?format=csv&from=" + DAY + "T00:00:00Z&to="
                        + Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
                analyst);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(",x,(all),1,2,", ",x,influence-operation,1,1,", ",x,incitement,1,1,");
        assertThat(response.body()).doesNotContain("neutral");
    }

    @Test
    void thePageListsTheTopCampaignsDrawsWhatThePlatformsDidAndCountsTheCasesByStatusAndOutcome() throws Exception {
        String page = client.get("/reports/period", analystSession).body();

        assertThat(page).contains("id=\"top-campaigns\"", "Forged-letter network on five accounts");
        assertThat(page.substring(page.indexOf("id=\"top-campaigns\""), page.indexOf("id=\"notices-heading\"")))
                .doesNotContain("Call to march");
        // two URLs reported to x: one removed, one awaiting an answer
        assertThat(page)
                .contains(
                        "<svg id=\"outcome-chart\"",
                        "class=\"outcome removed\"><title>x: 1 removed</title>",
                        "class=\"outcome awaiting\"><title>x: 1 awaiting</title>",
                        "x: 2 URLs");
        // opened 2, sent 1, acknowledged 0, actioned 1, appealed 0, closed 0, removed 1
        assertThat(page)
                .contains(
                        "<tr><td>x</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                                + "<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>");
        assertThat(page).contains("id=\"notices-csv\"").contains("/api/v1/reports/transparency?format=csv&amp;from=");
    }

    @Test
    void thePdfCarriesTheTlpMarkingTheTrendsAndTheTopIncidents() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port()
                                        + "/api/v1/reports/period?format=pdf&from=" + DAY))
                                .header(
                                        "Authorization",
                                        "Bearer " + analyst.token().orElseThrow())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(response.headers().firstValue("X-Report-TLP")).hasValue("AMBER");
        // kept to compare renderings across openhtmltopdf upgrades (page count, text)
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample-period-report.pdf"), response.body());
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains(
                        "TLP:AMBER",
                        "By target group",
                        "migrants",
                        "Fabricated ministry letter",
                        "influence-operation",
                        "Early warnings per target group",
                        "Early warning: threats against migrants rising for 3 weeks",
                        "migrants in north, per week",
                        "19* 22* 24*",
                        "Top campaigns",
                        "What the platforms did with the reported URLs",
                        "Cases with platforms");
    }

    @Test
    void partnersGet403CallersWithoutATokenGet401AndABadPeriodIsAProblem() throws Exception {
        assertThat(client.get("/reports/period", partnerSession).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/reports/period?format=csv", partner).statusCode())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/reports/period?format=pdf", partnerSession)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/reports/period?format=csv", Caller.none())
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.get("/reports/period", Caller.none()).statusCode()).isEqualTo(303);
        assertThat(client.get("/api/v1/reports/period?format=csv&from=2026-02-01&to=2026-01-01", analyst)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> badDate = client.get("/api/v1/reports/period?format=csv&from=yesterday", analyst);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("from must be YYYY-MM-DD");
        assertThat(client.get("/api/v1/reports/period?format=xlsx", analyst).statusCode())
                .isEqualTo(400);
    }

    private static Incident incident(
            String id,
            String title,
            String category,
            String signalCategory,
            String language,
            String targetGroup,
            Tier tier,
            Instant seen,
            String url) {
        return incident(
                id,
                IncidentKind.CO_SIMILAR_TEXT,
                title,
                category,
                signalCategory,
                language,
                targetGroup,
                tier,
                seen,
                url);
    }

    /** An incident on platform x whose one evidence signal the classifier labelled {@code signalCategory}. */
    private static Incident incident(
            String id,
            IncidentKind kind,
            String title,
            String category,
            String signalCategory,
            String language,
            String targetGroup,
            Tier tier,
            Instant seen,
            String url) {
        Incident.EvidenceSignal signal = new Incident.EvidenceSignal(
                "sig-" + id,
                "feed:rss",
                "ext-" + id,
                seen,
                url,
                "x",
                "acct_" + id.substring(4, 10),
                title + " (evidence)",
                language,
                Tlp.AMBER,
                signalCategory,
                List.of(),
                List.of(),
                Map.of());
        return Incident.builder()
                .id(id)
                .kind(kind)
                .title(title)
                .firstSeen(seen)
                .lastSeen(seen.plusSeconds(600))
                .updatedAt(seen.plusSeconds(600))
                .signalCount(4)
                .accountCount(2)
                .sources(List.of("feed:rss"))
                .platforms(List.of("x"))
                .languages(List.of(language))
                .categories(List.of(category))
                .urls(List.of(url))
                .targetGroups(List.of(targetGroup))
                .classifier(new Incident.ClassifierSummary("doccat-test", Map.of()))
                .evidence(new Incident.Evidence(List.of(signal), List.of("acct"), List.of(), Map.of()))
                .severity(50)
                .tier(tier)
                .tlp(Tlp.AMBER)
                .explanation("Test incident for the period report.")
                .build();
    }
}
