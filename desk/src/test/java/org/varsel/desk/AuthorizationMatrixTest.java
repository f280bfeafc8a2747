package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/**
 * Every endpoint, called by every role and by nobody: the API with bearer tokens (a partner's token and a partner
 * user's token), the pages with browser sessions. Each state-changing call gets a fresh incident, so that what is
 * checked is who may, not what state the incident is in.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class AuthorizationMatrixTest {
    private static final List<String> CALLERS = List.of("none", "analyst", "lead", "admin", "partner");
    private static final String NO_BRIEF = "brf-00000000-0000-4000-8000-000000000000";
    private static final String NO_CASE = "case-00000000-0000-4000-8000-000000000000";

    private static Desk desk;
    private static DeskClient client;
    private static final Map<String, Caller> BEARER = new LinkedHashMap<>();
    private static final Map<String, Caller> SESSION = new LinkedHashMap<>();
    private static String visible;
    private static String hidden;
    private static String alerted;

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase database) throws Exception {
        desk = Desk.start(DeskTestSupport.config(kafka, database));
        client = new DeskClient(desk.port());
        desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
        BEARER.put("none", Caller.none());
        SESSION.put("none", Caller.none());
        for (Role role : List.of(Role.ANALYST, Role.LEAD, Role.ADMIN, Role.PARTNER)) {
            String name = "m-" + role.label();
            String token = desk.credentials()
                    .createUser(
                            name,
                            (name + " passphrase").toCharArray(),
                            role,
                            role == Role.PARTNER ? Optional.of("ngo-a") : Optional.empty(),
                            "t")
                    .token();
            BEARER.put(role.label(), Caller.bearer(token));
            SESSION.put(role.label(), client.login(name, name + " passphrase"));
        }
        visible = fresh();
        alerted = TestIncidents.newId();
        desk.incidents()
                .upsert(List.of(TestIncidents.incident(
                        alerted, 1, List.of("partner:ngo-a"), Tier.THREAT_TO_LIFE, 100, TriageIncidents.START)));
        hidden = TestIncidents.newId();
        desk.incidents().upsert(List.of(TestIncidents.incident(hidden, 1, List.of("feed:rss"))));
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() throws Exception {
        List<Row> rows = List.of(
                api("GET", () -> "/healthz", null, 200, 200, 200, 200, 200),
                api("GET", () -> "/metrics", null, 401, 403, 200, 200, 403),
                api("GET", () -> "/api/v1/incidents", null, 401, 200, 200, 200, 200),
                api("GET", () -> "/api/v1/incidents/" + visible, null, 401, 200, 200, 200, 200),
                api("GET", () -> "/api/v1/incidents/" + hidden, null, 401, 200, 200, 200, 404),
                api(
                        "POST",
                        () -> "/api/v1/incidents/" + fresh() + "/status",
                        "{\"status\": \"triaging\"}",
                        401,
                        200,
                        200,
                        200,
                        403),
                api(
                        "POST",
                        () -> "/api/v1/incidents/" + fresh() + "/assign",
                        "{\"assignee\": null}",
                        401,
                        200,
                        200,
                        200,
                        403),
                api("GET", () -> "/api/v1/incidents/" + visible + "/comments", null, 401, 200, 200, 200, 403),
                api(
                        "POST",
                        () -> "/api/v1/incidents/" + fresh() + "/comments",
                        "{\"body\": \"x\"}",
                        401,
                        201,
                        201,
                        201,
                        403),
                api("GET", () -> "/api/v1/incidents/" + visible + "/history", null, 401, 200, 200, 200, 403),
                api(
                        "POST",
                        () -> "/api/v1/incidents/bulk",
                        "{\"ids\": [\"" + fresh() + "\"], \"action\": \"triaging\"}",
                        401,
                        200,
                        200,
                        200,
                        403),
                api("GET", () -> "/api/v1/audit", null, 401, 403, 200, 200, 403),
                api("GET", () -> "/api/v1/audit.csv", null, 401, 403, 200, 200, 403),
                api("GET", () -> "/api/v1/rules/precision", null, 401, 200, 200, 200, 403),
                api("GET", () -> "/api/v1/training-data", null, 401, 403, 200, 200, 403),
                api("GET", () -> "/api/v1/rejected-messages", null, 401, 403, 200, 200, 403),
                api("GET", () -> "/api/v1/hotline/export", null, 401, 403, 200, 200, 403),
                api("GET", () -> "/api/v1/child-safety/stats", null, 401, 200, 200, 200, 403),
                api("GET", () -> "/api/v1/reports/period", null, 401, 200, 200, 200, 403),
                api("GET", () -> "/api/v1/notifications", null, 401, 200, 200, 200, 403),
                api("POST", () -> "/api/v1/notifications/read", "{}", 401, 200, 200, 200, 403),
                api("GET", () -> "/api/v1/alerts", null, 401, 200, 200, 200, 403),
                api("GET", () -> "/api/v1/alerts/" + alerted, null, 401, 200, 200, 200, 403),
                api("POST", () -> "/api/v1/briefs/" + NO_BRIEF + "/sent", "{}", 401, 404, 404, 404, 403),
                api("GET", () -> "/api/v1/cases", null, 401, 200, 200, 200, 200),
                api("GET", () -> "/api/v1/changes", null, 401, 200, 200, 200, 403),
                api("GET", () -> "/api/v1/saved-searches", null, 401, 200, 200, 200, 200),
                api(
                        "POST",
                        () -> "/api/v1/saved-searches",
                        "{\"name\": \"new today\", \"query\": \"status=new\"}",
                        401,
                        201,
                        201,
                        201,
                        201),
                api("DELETE", () -> "/api/v1/saved-searches/never-saved", null, 401, 404, 404, 404, 404),
                api("GET", () -> "/api/v1/cases/" + NO_CASE, null, 401, 404, 404, 404, 403),
                api("POST", () -> "/api/v1/cases/" + NO_CASE + "/events", "{}", 401, 400, 400, 400, 403),
                page("GET", () -> "/", 303, 200, 200, 200, 200),
                page("GET", () -> "/incidents/" + visible, 303, 200, 200, 200, 200),
                page("GET", () -> "/incidents/" + hidden, 303, 200, 200, 200, 404),
                page("GET", () -> "/audit", 303, 403, 200, 200, 403),
                page("GET", () -> "/rules", 303, 200, 200, 200, 403),
                page("GET", () -> "/child-safety", 303, 200, 200, 200, 403),
                page("GET", () -> "/reports/period", 303, 200, 200, 200, 403),
                page("GET", () -> "/inbox", 303, 200, 200, 200, 403),
                page("POST", () -> "/inbox/read", 303, 303, 303, 303, 403),
                page("GET", () -> "/incidents/" + visible + "/brief", 303, 200, 200, 200, 403),
                page("GET", () -> "/cases", 303, 200, 200, 200, 200),
                page("GET", () -> "/cases/" + NO_CASE, 303, 404, 404, 404, 403),
                page("POST", () -> "/incidents/" + fresh() + "/brief/sent", 303, 400, 400, 400, 403),
                page("POST", () -> "/cases/" + NO_CASE + "/responses", 303, 400, 400, 400, 403),
                page("POST", () -> "/incidents/" + fresh() + "/status", 303, 303, 303, 303, 403),
                page("POST", () -> "/incidents/" + fresh() + "/assign", 303, 303, 303, 303, 403),
                page("POST", () -> "/incidents/" + fresh() + "/comments", 303, 303, 303, 303, 403),
                page("POST", () -> "/incidents/bulk", 303, 200, 200, 200, 403),
                page("POST", () -> "/alerts/" + alerted + "/acknowledge", 303, 303, 303, 303, 403));

        List<String> mismatches = new ArrayList<>();
        StringBuilder matrix = new StringBuilder(String.format("%-58s", "endpoint"));
        CALLERS.forEach(caller -> matrix.append(String.format("%9s", caller)));
        for (Row row : rows) {
            String label = row.label();
            matrix.append('\n').append(String.format("%-58s", row.kind() + " " + row.method() + " " + label));
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                int actual = row.call(caller);
                matrix.append(
                        String.format("%9s", actual == row.expected()[i] ? actual : actual + "≠" + row.expected()[i]));
                if (actual != row.expected()[i]) {
                    mismatches.add(row.method() + " " + label + " as " + caller + ": " + actual + ", expected "
                            + row.expected()[i]);
                }
            }
        }
        System.out.println(matrix);
        assertThat(mismatches).as(matrix.toString()).isEmpty();

        JsonNode documented = Json.mapper()
                .readTree(AuthorizationMatrixTest.class.getResource("/openapi.json"))
                .get("paths");
        for (Row row : rows) {
            String path = row.label();
            if (row.kind().equals("api ") && path.startsWith("/api/v1/")) {
                assertThat(documented.has(path))
                        .as(path + " is in the served OpenAPI file")
                        .isTrue();
                assertThat(documented.get(path).has(row.method().toLowerCase(java.util.Locale.ROOT)))
                        .as(row.method() + " " + path + " is documented")
                        .isTrue();
            }
        }
    }

    private static String fresh() throws Exception {
        String id = TestIncidents.newId();
        desk.incidents()
                .upsert(List.of(TestIncidents.incident(
                        id, 1, List.of("partner:ngo-a", "feed:rss"), Tier.HIGH, 70, TriageIncidents.START)));
        return id;
    }

    private static Row api(String method, PathSource path, String body, int... expected) {
        return new Row("api ", method, path, body, expected);
    }

    private static Row page(String method, PathSource path, int... expected) {
        return new Row("page", method, path, null, expected);
    }

    @FunctionalInterface
    private interface PathSource {
        String next() throws Exception;
    }

    private record Row(String kind, String method, PathSource path, String body, int[] expected) {
        String label() {
            try {
                String example = path.next();
                return example.replaceAll("(inc|brf|case)-[a-z0-9-]+", "{id}")
                        .replaceAll("(/saved-searches/)[^/]+$", "$1{name}");
            } catch (Exception e) {
                return "?";
            }
        }

        int call(String caller) throws Exception {
            String target = path.next();
            HttpResponse<String> response;
            if (kind.equals("api ")) {
                Caller who = BEARER.get(caller);
                response = switch (method) {
                    case "GET" -> client.get(target, who);
                    case "DELETE" -> client.delete(target, who);
                    default -> client.post(target, who, body);
                };
            } else {
                Caller who = SESSION.get(caller);
                if (method.equals("GET")) {
                    response = client.get(target, who);
                } else {
                    String id = target.startsWith("/incidents/inc-") ? target.split("/")[2] : fresh();
                    response = client.postForm(
                            target,
                            who,
                            "_csrf",
                            who.csrf().orElse(""),
                            "status",
                            "triaging",
                            "assignee",
                            "",
                            "body",
                            "a note",
                            "ids",
                            id,
                            "action",
                            "triaging");
                }
            }
            return response.statusCode();
        }
    }
}
