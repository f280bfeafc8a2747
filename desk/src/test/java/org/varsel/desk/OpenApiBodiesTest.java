package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.brief.HostileIncidents;
import org.varsel.desk.config.DeskConfig;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * The hand-written openapi.json describes the bodies the desk really takes and gives: every call below sends a body
 * that is checked against the file's request schema, and its answer (success or problem) against the response schema
 * for its status and media type, objects closed ({@link OpenApiContract}).
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class OpenApiBodiesTest {
    private static final OpenApiContract OPENAPI = OpenApiContract.load();

    private static Desk desk;
    private static DeskClient client;
    private static Caller partner;
    private static Caller lead;
    private static String incident;
    private static String reportable;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase database) throws Exception {
        kafka.createTopics(2, Topics.SIGNALS_RAW, Topics.SIGNALS_DLQ);
        desk = Desk.start(DeskTestSupport.config(
                kafka,
                database,
                Map.of(
                        DeskConfig.BRIEFS_CONFIG,
                        HostileIncidents.SETTINGS.toAbsolutePath().toString())));
        client = new DeskClient(desk.port());
        partner = Caller.bearer(desk.credentials()
                .createPartner("ngo-openapi", "NGO", Optional.empty(), Tlp.AMBER, "t")
                .token());
        lead = Caller.bearer(desk.credentials()
                .createUser("openapi-lead", "a long passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                .token());
        incident = TestIncidents.newId();
        desk.incidents().upsert(List.of(TestIncidents.incident(incident, 1, List.of("partner:ngo-openapi"))));
        reportable = "inc-openapi-brief";
        desk.incidents().upsert(List.of(HostileIncidents.green(reportable, "https://x.com/poster/status/1")));
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void healthAndSignalIntakeBodiesAreTheDocumentedOnes() throws Exception {
        get("/healthz/desk", "/healthz/desk", Caller.none());
        String signal = "{\"external_id\":\"openapi-1\",\"observed_at\":\""
                + Instant.now().minusSeconds(60)
                + "\",\"text\":\"they must be driven out\",\"url\":\"https://x.example/p/1\",\"tlp\":\"GREEN\","
                + "\"language\":\"en\",\"platform\":\"x\",\"author\":{\"handle\":\"@someone\"},\"labels\":{\"category\":\"incitement\"}}";
        HttpResponse<String> accepted = post("/api/v1/signals", "/api/v1/signals", partner, signal);
        assertThat(accepted.statusCode()).isEqualTo(202);
        post("/api/v1/signals", "/api/v1/signals", partner, signal);
        refused("/api/v1/signals", "/api/v1/signals", partner, "{\"external_id\":\"openapi-2\"}");
        String id = DeskClient.json(accepted).get("id").asText();
        get("/api/v1/signals/{id}", "/api/v1/signals/" + id, partner);
        get("/api/v1/signals", "/api/v1/signals?limit=5", partner);
        get("/api/v1/signals/{id}", "/api/v1/signals/sig-no-such-signal", partner);
        assertThat(problems).isEmpty();
    }

    @Test
    void triageBodiesAreTheDocumentedOnes() throws Exception {
        get("/api/v1/incidents", "/api/v1/incidents?limit=5", lead);
        get("/api/v1/incidents/{id}", "/api/v1/incidents/" + incident, lead);
        get("/api/v1/incidents/{id}", "/api/v1/incidents/inc-no-such-incident", lead);
        post(
                "/api/v1/incidents/{id}/assign",
                "/api/v1/incidents/" + incident + "/assign",
                lead,
                "{\"assignee\":\"openapi-lead\"}");
        post(
                "/api/v1/incidents/{id}/status",
                "/api/v1/incidents/" + incident + "/status",
                lead,
                "{\"status\":\"triaging\",\"reason\":\"looking\"}");
        refused(
                "/api/v1/incidents/{id}/status",
                "/api/v1/incidents/" + incident + "/status",
                lead,
                "{\"status\":\"maybe\"}");
        post(
                "/api/v1/incidents/{id}/comments",
                "/api/v1/incidents/" + incident + "/comments",
                lead,
                "{\"body\":\"the same link as last week\"}");
        get("/api/v1/incidents/{id}/comments", "/api/v1/incidents/" + incident + "/comments", lead);
        get("/api/v1/incidents/{id}/history", "/api/v1/incidents/" + incident + "/history", lead);
        post(
                "/api/v1/incidents/bulk",
                "/api/v1/incidents/bulk",
                lead,
                "{\"ids\":[\"" + incident + "\"],\"action\":\"status\",\"status\":\"confirmed\",\"reason\":\"seen\"}");
        for (String route : List.of(
                "/api/v1/audit",
                "/api/v1/rules/precision",
                "/api/v1/alerts",
                "/api/v1/rejected-messages",
                "/api/v1/cases",
                "/api/v1/child-safety/stats")) {
            get(route, route, lead);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void briefCaseAndReportBodiesAreTheDocumentedOnes() throws Exception {
        HttpResponse<String> brief = get(
                "/api/v1/incidents/{id}/brief",
                "/api/v1/incidents/" + reportable + "/brief?track=dsa&audience=platform:x&format=json",
                lead);
        assertThat(brief.statusCode()).as(brief.body()).isEqualTo(200);
        String briefId = brief.headers().firstValue("X-Brief-Id").orElseThrow();
        get("/api/v1/incidents/{id}/brief", "/api/v1/incidents/inc-no-such-incident/brief?track=tos&format=json", lead);
        get("/api/v1/briefs/{id}", "/api/v1/briefs/" + briefId, lead);
        get("/api/v1/briefs/{id}", "/api/v1/briefs/brf-00000000-0000-4000-8000-000000000000", lead);
        // the route takes no body
        answered("POST", "/api/v1/briefs/{id}/sent", client.post("/api/v1/briefs/" + briefId + "/sent", lead, ""));
        refused(
                "/api/v1/briefs/{id}/responses",
                "/api/v1/briefs/" + briefId + "/responses",
                lead,
                "{\"decision\":\"maybe\"}");
        HttpResponse<String> cases = get("/api/v1/cases", "/api/v1/cases", lead);
        String caseId = DeskClient.json(cases).get("items").get(0).get("id").asText();
        get("/api/v1/cases/{id}", "/api/v1/cases/" + caseId, lead);
        for (Map.Entry<String, String> call : Map.of(
                        "/api/v1/cases/{id}", "/api/v1/cases/case-00000000-0000-4000-8000-000000000000",
                        "/api/v1/reports/transparency", "/api/v1/reports/transparency?from=2025-01-01",
                        "/api/v1/reports/period", "/api/v1/reports/period?format=nonsense",
                        "/api/v1/incidents", "/api/v1/incidents?limit=nonsense")
                .entrySet()) {
            get(call.getKey(), call.getValue(), lead);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesAFieldTheFileDoesNotDescribeAndAStatusItDoesNotList() {
        assertThat(
                        OPENAPI.response(
                                "GET",
                                "/api/v1/incidents/{id}/comments",
                                200,
                                "application/json",
                                "{\"items\":[{\"id\":1,\"author\":\"ana\",\"body\":\"x\",\"created_at\":\"2025-03-01T10:00:00Z\",\"mood\":\"grim\"}]}"))
                .singleElement()
                .asString()
                .contains("mood");
        assertThat(OPENAPI.response("GET", "/api/v1/incidents/{id}/comments", 418, "application/json", "{}"))
                .singleElement()
                .asString()
                .contains("not described");
        assertThat(OPENAPI.request("POST", "/api/v1/incidents/{id}/comments", "{\"body\":\"\"}"))
                .isNotEmpty();
    }

    private HttpResponse<String> get(String route, String path, Caller caller) throws Exception {
        return answered("GET", route, client.get(path, caller));
    }

    private HttpResponse<String> post(String route, String path, Caller caller, String body) throws Exception {
        problems.addAll(OPENAPI.request("POST", route, body));
        return answered("POST", route, client.post(path, caller, body));
    }

    /** A body the desk must refuse: only its answer (a problem) is checked. */
    private HttpResponse<String> refused(String route, String path, Caller caller, String body) throws Exception {
        HttpResponse<String> response = answered("POST", route, client.post(path, caller, body));
        assertThat(response.statusCode()).as(route + " " + body).isBetween(400, 499);
        return response;
    }

    private HttpResponse<String> answered(String method, String route, HttpResponse<String> response) {
        problems.addAll(OPENAPI.response(
                method,
                route,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body()));
        return response;
    }
}
