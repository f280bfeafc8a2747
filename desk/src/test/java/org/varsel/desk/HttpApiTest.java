package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.TestIncidents.incident;
import static org.varsel.desk.TestIncidents.newId;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Json;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.auth.IssuedToken;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class HttpApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.parse("2025-03-02T12:00:00Z");

    private static Desk desk;
    private static String analystToken;
    private static String partnerToken;
    private static String partnerIncident;
    private static String feedIncident;
    private static String urgentIncident;

    @BeforeAll
    static void startDeskWithIncidents(LocalKafka kafka, PostgresDatabase database) throws Exception {
        desk = Desk.start(DeskTestSupport.config(kafka, database));
        analystToken = desk.credentials()
                .createUser("anna", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "test")
                .token();
        partnerToken = desk.credentials()
                .createPartner("ngo-a", "NGO A", Optional.of("desk@ngo-a.example"), Tlp.AMBER, "test")
                .token();
        partnerIncident = newId();
        feedIncident = newId();
        urgentIncident = newId();
        desk.incidents()
                .upsert(List.of(
                        incident(partnerIncident, 1, List.of("partner:ngo-a", "feed:rss"), Tier.MEDIUM, 60, NOW),
                        incident(feedIncident, 1, List.of("feed:rss", "partner:ngo-b"), Tier.HIGH, 80, NOW),
                        incident(
                                urgentIncident,
                                1,
                                List.of("feed:rss"),
                                Tier.THREAT_TO_LIFE,
                                40,
                                NOW.minusSeconds(3600))));
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void aRequestWithoutATokenGets401AsProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/incidents", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void anUnknownOrRevokedTokenGets401() throws Exception {
        assertThat(get("/api/v1/incidents", "vsl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                        .statusCode())
                .isEqualTo(401);
        IssuedToken revoked = desk.credentials()
                .createUser("leaver", "another passphrase".toCharArray(), Role.LEAD, Optional.empty(), "test");
        assertThat(get("/api/v1/incidents", revoked.token()).statusCode()).isEqualTo(200);
        assertThat(desk.credentials().revoke(revoked.token())).isTrue();
        assertThat(get("/api/v1/incidents", revoked.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void anAnalystSeesEveryIncidentMostUrgentTierFirst() throws Exception {
        JsonNode page = json(get("/api/v1/incidents", analystToken));
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        List<String> ids = ids(page);
        assertThat(ids).containsSubsequence(urgentIncident, feedIncident, partnerIncident);
        assertThat(page.get("items").get(0).get("status").asText()).isEqualTo("new");
        assertThat(page.get("items").get(0).get("explanation").asText()).isNotBlank();
    }

    @Test
    void aPartnerSeesOnlyIncidentsItsOwnSignalsArePartOf() throws Exception {
        JsonNode page = json(get("/api/v1/incidents", partnerToken));
        assertThat(ids(page)).containsExactly(partnerIncident);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/incidents/" + partnerIncident, partnerToken).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/incidents/" + feedIncident, partnerToken).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anIncidentIsReadByIdWithItsPayloadAndStatus() throws Exception {
        JsonNode incident = json(get("/api/v1/incidents/" + feedIncident, analystToken));
        assertThat(incident.get("id").asText()).isEqualTo(feedIncident);
        assertThat(incident.get("tier").asText()).isEqualTo("high");
        assertThat(incident.get("status").asText()).isEqualTo("new");
        assertThat(incident.has("received_at")).isTrue();
    }

    @Test
    void anUnknownIncidentIs404ProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/incidents/inc-does-not-exist", analystToken);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/v1/incidents/%3Cscript%3E", analystToken).statusCode())
                .isEqualTo(404);
    }

    @Test
    void filtersNarrowTheListAndBadParametersAre400() throws Exception {
        JsonNode high = json(get("/api/v1/incidents?tier=high&kind=co-link&status=new", analystToken));
        assertThat(ids(high)).contains(feedIncident).doesNotContain(urgentIncident, partnerIncident);
        JsonNode one = json(get("/api/v1/incidents?limit=1&offset=1", analystToken));
        assertThat(one.get("items")).hasSize(1);
        assertThat(one.get("total").asLong()).isGreaterThanOrEqualTo(3);

        HttpResponse<String> tooMany = get("/api/v1/incidents?limit=501", analystToken);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/v1/incidents?tier=urgent", analystToken).statusCode())
                .isEqualTo(400);
    }

    @Test
    void onlyLeadsAndAdminsSeeRejectedMessagesOthersGet403() throws Exception {
        String leadToken = desk.credentials()
                .createUser("lea", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "test")
                .token();
        HttpResponse<String> forLead = get("/api/v1/rejected-messages?limit=10", leadToken);
        assertThat(forLead.statusCode()).isEqualTo(200);
        assertThat(json(forLead).get("items").isArray()).isTrue();

        HttpResponse<String> forAnalyst = get("/api/v1/rejected-messages", analystToken);
        assertThat(forAnalyst.statusCode()).isEqualTo(403);
        assertThat(forAnalyst.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/v1/rejected-messages", partnerToken).statusCode()).isEqualTo(403);
    }

    @Test
    void healthReportsTheDatabaseAndTheConsumer() throws Exception {
        HttpResponse<String> response = get("/healthz", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("db").asText()).isEqualTo("up");
        assertThat(health.get("kafka").has("last_poll")).isTrue();
    }

    @Test
    void anUnknownPathIs404ProblemJsonWithoutAStackTrace() throws Exception {
        HttpResponse<String> response = get("/nothing-here", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.javalin");
    }

    @Test
    void theDemoSwitchLetsAnonymousCallersReadButNothingElse(LocalKafka kafka, PostgresDatabase database)
            throws Exception {
        try (Desk demo =
                Desk.start(DeskTestSupport.config(kafka, database, Map.of(DeskConfig.DEMO_ANONYMOUS_READ, "true")))) {
            HttpResponse<String> list = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/api/v1/incidents"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(ids(json(list))).contains(urgentIncident, feedIncident, partnerIncident);
            HttpResponse<String> write = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/api/v1/incidents"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).isEqualTo(401);
            HttpResponse<String> restricted = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/api/v1/rejected-messages"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(restricted.statusCode()).isEqualTo(401);
            // the switch reads the incident list and incidents, nothing an analyst sees beyond them
            for (String path : List.of(
                    "/api/v1/incidents/" + urgentIncident + "/comments",
                    "/api/v1/incidents/" + urgentIncident + "/history",
                    "/api/v1/audit",
                    "/api/v1/audit.csv",
                    "/api/v1/rules/precision",
                    "/api/v1/training-data",
                    "/api/v1/child-safety/stats",
                    "/api/v1/incidents/" + urgentIncident + "/brief?audience=platform:x")) {
                HttpResponse<String> beyond = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(beyond.statusCode()).as("anonymous GET " + path).isEqualTo(401);
            }
        }
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
