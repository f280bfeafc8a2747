package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Tlp;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.brief.HostileIncidents;
import org.varsel.desk.cases.CaseConfig;
import org.varsel.desk.cases.CaseStore;
import org.varsel.desk.cases.UrlCheck;
import org.varsel.desk.cases.UrlRecheck;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.db.Database;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * Cases against a whole desk (real PostgreSQL and broker): a brief is a notice only once marked sent; the platform's
 * answers move its case sent → acknowledged → actioned; the transparency report counts sent notices and the time to
 * action; partners see only the outcome of cases their signals fed; the scheduled re-check records each reported URL's
 * HTTP status from a local server, and refuses loopback unless allowed.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class CaseApiTest {
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static Desk desk;
    private static DeskClient client;
    private static Database database;
    private static PostgresDatabase postgres;
    private static HttpServer platform;
    private static Caller analyst;
    private static Caller ngoA;
    private static Caller ngoC;
    private static String goneUrl;
    private static String upUrl;

    @BeforeAll
    static void start(LocalKafka kafka, PostgresDatabase db) throws Exception {
        postgres = db;
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().contains("gone") ? 404 : 200, -1);
            exchange.close();
        });
        platform.start();
        String base = "http://127.0.0.1:" + platform.getAddress().getPort();
        goneUrl = base + "/hater/status/gone";
        upUrl = base + "/hater/status/up";

        desk = Desk.start(DeskTestSupport.config(kafka, postgres));
        client = new DeskClient(desk.port());
        database = Database.open(postgres.jdbcUrl(), postgres.user(), postgres.password());
        desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
        desk.credentials().createPartner("ngo-c", "NGO C", Optional.empty(), Tlp.AMBER, "t");
        analyst = Caller.bearer(desk.credentials()
                .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token());
        ngoA = Caller.bearer(desk.credentials()
                .createUser("pia", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-a"), "t")
                .token());
        ngoC = Caller.bearer(desk.credentials()
                .createUser("cai", "partner passphrase".toCharArray(), Role.PARTNER, Optional.of("ngo-c"), "t")
                .token());
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
        if (database != null) {
            database.close();
        }
        if (platform != null) {
            platform.stop(0);
        }
    }

    @Test
    void aDownloadIsNoNoticeAMarkedSentBriefOpensACaseThatTheAnswersMoveToActioned() throws Exception {
        String incident = TestIncidents.newId();
        desk.incidents().upsert(List.of(HostileIncidents.green(incident, "https://x.com/case_one/status/1")));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String period = "from=" + today + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String briefId = brief(incident);
        assertThat(transparency(period)).doesNotContain(",x,(all),");

        HttpResponse<String> sent = client.post("/api/v1/briefs/" + briefId + "/sent", analyst, "{}");
        assertThat(sent.statusCode()).isEqualTo(201);
        JsonNode opened = DeskClient.json(sent).get("cases").get(0);
        assertThat(opened.get("status").asText()).isEqualTo("sent");
        assertThat(opened.get("incident_id").asText()).isEqualTo(incident);
        String caseId = opened.get("id").asText();
        assertThat(client.post("/api/v1/briefs/" + briefId + "/sent", analyst, "{}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(transparency(period)).contains(",x,(all),1,1,0,0,0,0,1,\r\n");

        assertThat(event(caseId, "{\"status\":\"appealed\",\"happened_at\":\"" + today + "\"}")
                        .statusCode())
                .as("a sent case cannot be appealed")
                .isEqualTo(409);
        assertThat(event(caseId, "{\"status\":\"actioned\",\"happened_at\":\"" + today + "\"}")
                        .statusCode())
                .as("actioned needs an outcome")
                .isEqualTo(400);
        assertThat(event(caseId, "{\"status\":\"acknowledged\",\"happened_at\":\"" + today + "\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> actioned = event(
                caseId,
                "{\"status\":\"actioned\",\"outcome\":\"labelled\",\"happened_at\":\"" + today
                        + "\",\"note\":\"label added\"}");
        assertThat(actioned.statusCode()).isEqualTo(201);
        assertThat(DeskClient.json(actioned).get("outcome").asText()).isEqualTo("labelled");

        JsonNode shown = DeskClient.json(client.get("/api/v1/cases/" + caseId, analyst));
        assertThat(shown.get("status").asText()).isEqualTo("actioned");
        assertThat(shown.get("history").findValuesAsText("status")).containsExactly("sent", "acknowledged", "actioned");
        assertThat(transparency(period)).contains(",x,(all),1,1,0,0,1,0,0,0.0\r\n");
        assertThat(DeskTestSupport.count(
                        postgres,
                        "SELECT count(*) FROM audit_event WHERE incident_id = ? AND action IN "
                                + "('brief.sent', 'case.acknowledged', 'case.actioned')",
                        incident))
                .isEqualTo(3);

        // ngo-a's signals fed the incident: it sees the outcome, not who or which incident; ngo-c sees nothing of it
        JsonNode fed = DeskClient.json(client.get("/api/v1/cases", ngoA)).get("items");
        assertThat(fed.findValuesAsText("id")).contains(caseId);
        assertThat(fed.get(0).has("incident_id")).isFalse();
        assertThat(fed.get(0).has("opened_by")).isFalse();
        assertThat(DeskClient.json(client.get("/api/v1/cases", ngoC))
                        .get("items")
                        .findValuesAsText("id"))
                .doesNotContain(caseId);
        assertThat(client.get("/api/v1/cases/" + caseId, ngoA).statusCode()).isEqualTo(403);
    }

    @Test
    void theRecheckRecordsEachReportedUrlsHttpStatusAndNeverCallsLoopbackUnlessAllowed() throws Exception {
        String gone = TestIncidents.newId();
        String up = TestIncidents.newId();
        desk.incidents().upsert(List.of(HostileIncidents.green(gone, goneUrl), HostileIncidents.green(up, upUrl)));
        String goneCase = markSent(brief(gone));
        String upCase = markSent(brief(up));
        CaseStore store = new CaseStore(database);

        REQUESTS.set(0);
        new UrlRecheck(store, new CaseConfig(Duration.ofHours(1), Set.of())).runOnce();
        assertThat(REQUESTS.get()).as("loopback is refused before any request").isZero();
        assertThat(store.latestChecks(goneCase).get(0).error())
                .hasValueSatisfying(e -> assertThat(e).contains("not a public address"));

        new UrlRecheck(store, new CaseConfig(Duration.ofHours(1), Set.of("127.0.0.1"))).runOnce();
        assertThat(REQUESTS.get()).isGreaterThanOrEqualTo(2);
        UrlCheck goneCheck = store.latestChecks(goneCase).get(0);
        assertThat(goneCheck.httpStatus()).hasValue(404);
        assertThat(goneCheck.summary()).isEqualTo("404 (gone)");
        assertThat(store.latestChecks(upCase).get(0).httpStatus()).hasValue(200);
        assertThat(DeskClient.json(client.get("/api/v1/cases/" + goneCase, analyst))
                        .get("url_checks")
                        .get(0)
                        .get("http_status")
                        .asInt())
                .isEqualTo(404);
    }

    @Test
    void theRecheckRunsOnItsScheduleThroughTheOncePerClusterSeam() throws Exception {
        String up = TestIncidents.newId();
        desk.incidents().upsert(List.of(HostileIncidents.green(up, upUrl + "/scheduled")));
        String caseId = markSent(brief(up));
        CaseStore store = new CaseStore(database);
        AtomicInteger runs = new AtomicInteger();
        try (UrlRecheck scheduled =
                UrlRecheck.start(store, new CaseConfig(Duration.ofSeconds(1), Set.of("127.0.0.1")), (name, work) -> {
                    assertThat(name).isEqualTo("case-url-recheck");
                    runs.incrementAndGet();
                    work.run();
                })) {
            Eventually.await(
                    Duration.ofSeconds(60),
                    "a scheduled re-check of " + caseId,
                    () -> !store.latestChecks(caseId).isEmpty());
        }
        assertThat(runs.get()).isPositive();
        assertThat(store.latestChecks(caseId).get(0).httpStatus()).hasValue(200);
    }

    @Test
    void theRecheckIntervalIsAConfigKeyAndABadOneIsRefused() {
        assertThat(DeskSettings.fromMap(Map.of(CaseConfig.RECHECK_INTERVAL, "PT30M"))
                        .cases()
                        .recheckInterval())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(DeskSettings.defaults().cases().recheckInterval()).isEqualTo(Duration.ofHours(6));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DeskSettings.fromMap(Map.of(CaseConfig.RECHECK_INTERVAL, "hourly")))
                .hasMessageContaining(CaseConfig.RECHECK_INTERVAL);
    }

    private static String brief(String incident) throws Exception {
        HttpResponse<String> brief = client.get(
                "/api/v1/incidents/" + incident + "/brief?track=dsa&audience=platform:x&format=json", analyst);
        assertThat(brief.statusCode()).as(brief.body()).isEqualTo(200);
        return brief.headers().firstValue("X-Brief-Id").orElseThrow();
    }

    private static String markSent(String briefId) throws Exception {
        HttpResponse<String> sent = client.post("/api/v1/briefs/" + briefId + "/sent", analyst, "{}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return DeskClient.json(sent).get("cases").get(0).get("id").asText();
    }

    private static HttpResponse<String> event(String caseId, String body) throws Exception {
        return client.post("/api/v1/cases/" + caseId + "/events", analyst, body);
    }

    private static String transparency(String period) throws Exception {
        HttpResponse<String> csv = client.get("/api/v1/reports/transparency?" + period + "&format=csv", analyst);
        assertThat(csv.statusCode()).isEqualTo(200);
        return csv.body();
    }
}
