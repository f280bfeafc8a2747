package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.brief.HostileIncidents.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The brief endpoints against a whole desk: real PostgreSQL, real broker, every export path. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class BriefApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FORMATS = List.of("md", "html", "pdf", "json", "stix");
    /** What no brief to platform:x may carry: RED, AMBER without consent, AMBER+STRICT, the mixed summary, people. */
    private static final List<String> NEVER_TO_PLATFORM_X = List.of(
            RED_URL,
            RED_TEXT,
            RED_AUTHOR,
            AMBER_WITHHELD_URL,
            AMBER_WITHHELD_TEXT,
            STRICT_URL,
            STRICT_TEXT,
            "EXPLANATION-MIXES-RED",
            VICTIM,
            STAFF_EMAIL,
            "ngo-a",
            "ngo-b",
            OTHER_PLATFORM_URL,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private static Desk desk;
    private static PostgresDatabase db;
    private static String analyst;
    private static String lead;
    private static String partner;
    private static final String MIXED = "inc-" + UUID.randomUUID();
    private static final String RED_ONLY = "inc-" + UUID.randomUUID();
    private static final String GREEN = "inc-" + UUID.randomUUID();
    private static final String GREEN_ONLY_URL = "https://x.com/green_only/status/7007";

    @BeforeAll
    static void startDesk(LocalKafka kafka, PostgresDatabase database) throws Exception {
        db = database;
        kafka.createTopics(2, Topics.INCIDENTS);
        Map<String, String> keys = DeskSettings.embedded(
                database.jdbcUrl(), database.user(), database.password(), kafka.bootstrapServers());
        keys.put(DeskConfig.KAFKA_GROUP, "brief-test-" + UUID.randomUUID());
        keys.put(DeskConfig.BRIEFS_CONFIG, SETTINGS.toAbsolutePath().toString());
        desk = Desk.start(DeskSettings.fromMap(keys));
        analyst = desk.credentials()
                .createUser("anna", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "test")
                .token();
        lead = desk.credentials()
                .createUser("lars", "another passphrase".toCharArray(), Role.LEAD, Optional.empty(), "test")
                .token();
        partner = desk.credentials()
                .createPartner("ngo-a", "NGO A", Optional.of("desk@ngo-a.example"), Tlp.AMBER, "test")
                .token();
        desk.credentials().createPartner("ngo-b", "NGO B", Optional.empty(), Tlp.AMBER_STRICT, "test");
        desk.incidents().upsert(List.of(mixed(MIXED), redOnly(RED_ONLY), green(GREEN, GREEN_ONLY_URL)));
        try (Connection connection = database.connect();
                PreparedStatement escalate =
                        connection.prepareStatement("UPDATE incident SET status = 'escalated' WHERE id = ANY (?)")) {
            escalate.setArray(1, connection.createArrayOf("text", new Object[] {MIXED, RED_ONLY, GREEN}));
            escalate.executeUpdate();
        }
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void everyExportPathCarriesWhatTlpAllowsAndNeverRedOrWithheldAmber() throws Exception {
        for (String format : FORMATS) {
            for (String path : List.of(
                    "/api/v1/incidents/" + MIXED + "/brief?track=dsa&audience=platform:x&format=" + format,
                    "/api/v1/briefs/platform/x?track=tos&format=" + format)) {
                HttpResponse<byte[]> response = get(path, analyst);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                String text = text(format, response.body());
                for (String shared :
                        List.of(GREEN_URL, JAVASCRIPT_URL, AMBER_SHARED_URL, AMBER_SHARED_TEXT, "@hater_1")) {
                    assertThat(text).as("%s must carry %s", path, shared).contains(as(format, shared));
                }
                for (String secret : NEVER_TO_PLATFORM_X) {
                    assertThat(text).as("%s must not carry %s", path, secret).doesNotContain(as(format, secret));
                }
                assertThat(response.headers().firstValue("X-Brief-TLP")).hasValue("AMBER");
            }
        }
    }

    @Test
    void aPartnerGetsItsOwnAmberAndStrictBackButNotRedNorAnotherPartnersAmber() throws Exception {
        for (String format : FORMATS) {
            HttpResponse<byte[]> response = get(
                    "/api/v1/incidents/" + MIXED + "/brief?track=tos&audience=partner:ngo-b&format=" + format, analyst);
            assertThat(response.statusCode()).isEqualTo(200);
            String text = text(format, response.body());
            for (String own : List.of(AMBER_WITHHELD_TEXT, STRICT_TEXT, GREEN_URL)) {
                assertThat(text).contains(as(format, own));
            }
            for (String secret : List.of(RED_TEXT, RED_URL, RED_AUTHOR, AMBER_SHARED_TEXT, VICTIM, STAFF_EMAIL)) {
                assertThat(text).doesNotContain(as(format, secret));
            }
            assertThat(response.headers().firstValue("X-Brief-TLP")).hasValue("AMBER+STRICT");
        }
    }

    @Test
    void aRedOnlyIncidentIsRefusedWithProblemJson() throws Exception {
        HttpResponse<byte[]> response = get(
                "/api/v1/incidents/" + RED_ONLY + "/brief?track=dsa&audience=partner:ngo-a" + "&format=json", analyst);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asText()).contains("TLP:RED").doesNotContain(RED_TEXT, RED_URL);
    }

    @Test
    void eachBriefIsRecordedWithItsIdAndTheSha256OfItsBytes() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/incidents/" + GREEN + "/brief?track=dsa&format=pdf", lead);
        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("X-Brief-Id").orElseThrow();
        String sha = response.headers().firstValue("X-Brief-SHA256").orElseThrow();
        assertThat(sha).isEqualTo(BriefService.sha256(response.body()));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + id + ".pdf\"");
        try (Connection connection = db.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT sha256, format, track, audience, created_by, incident_ids[1], tlp FROM brief WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(List.of(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getString(6),
                                row.getString(7)))
                        .containsExactly(sha, "pdf", "dsa", "platform:x", "lars", GREEN, "GREEN");
            }
        }
        assertThat(BriefExportsTest.pdfText(response.body())).contains(GREEN_ONLY_URL);
    }

    @Test
    void everyBriefDownloadIsInTheAuditLogWithWhoFormatAudienceAndTlp() throws Exception {
        HttpResponse<byte[]> response =
                get("/api/v1/incidents/" + GREEN + "/brief?track=tos&audience=platform:x" + "&format=md", analyst);
        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("X-Brief-Id").orElseThrow();

        HttpResponse<byte[]> log = get("/api/v1/audit?action=brief.exported&incident=" + GREEN, lead);
        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode exported = null;
        for (JsonNode event : Json.mapper().readTree(log.body()).get("items")) {
            if (event.path("after").path("brief_id").asText().equals(id)) {
                exported = event;
            }
        }
        assertThat(exported).as("audit event of brief " + id).isNotNull();
        assertThat(exported.get("actor").asText()).isEqualTo("anna");
        assertThat(exported.get("incident_id").asText()).isEqualTo(GREEN);
        JsonNode after = exported.get("after");
        assertThat(List.of(
                        after.get("format").asText(),
                        after.get("track").asText(),
                        after.get("audience").asText(),
                        after.get("tlp").asText()))
                .containsExactly("md", "tos", "platform:x", "GREEN");
    }

    @Test
    void platformResponsesAreRecordedPerUrlAndFeedTheTransparencyReport() throws Exception {
        HttpResponse<byte[]> brief =
                get("/api/v1/incidents/" + GREEN + "/brief?track=dsa&audience=platform:x&format=json", analyst);
        String id = brief.headers().firstValue("X-Brief-Id").orElseThrow();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(post("/api/v1/briefs/" + id + "/sent", analyst, "{}").statusCode())
                .isEqualTo(201);
        assertThat(post(
                                "/api/v1/briefs/" + id + "/responses",
                                analyst,
                                "{\"url\":\"" + GREEN_ONLY_URL + "\",\"action\":\"received\",\"responded_at\":\""
                                        + today + "\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<byte[]> removed = post(
                "/api/v1/briefs/" + id + "/responses",
                analyst,
                "{\"url\":\"" + GREEN_ONLY_URL + "\",\"action\":\"removed\",\"responded_at\":\"" + today + "\"}");
        assertThat(removed.statusCode()).isEqualTo(201);
        assertThat(Json.mapper().readTree(removed.body()).get("action").asText())
                .isEqualTo("removed");
        assertThat(post(
                                "/api/v1/briefs/" + id + "/responses",
                                analyst,
                                "{\"url\":\"https://x.com/not/in/the/brief\",\"action\":\"removed\",\"responded_at\":\""
                                        + today + "\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(post(
                                "/api/v1/briefs/" + id + "/responses",
                                analyst,
                                "{\"url\":\"" + GREEN_ONLY_URL + "\",\"action\":\"deleted\",\"responded_at\":\"" + today
                                        + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "/api/v1/briefs/" + id + "/responses",
                                analyst,
                                "{\"url\":\"" + GREEN_ONLY_URL
                                        + "\",\"action\":\"removed\",\"responded_at\":\"2999-01-01\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<byte[]> ancient = post(
                "/api/v1/briefs/" + id + "/responses",
                analyst,
                "{\"url\":\"" + GREEN_ONLY_URL + "\",\"action\":\"removed\",\"responded_at\":\"1900-01-01\"}");
        assertThat(ancient.statusCode()).isEqualTo(400);
        assertThat(new String(ancient.body(), StandardCharsets.UTF_8)).contains("before 1990");

        JsonNode record =
                Json.mapper().readTree(get("/api/v1/briefs/" + id, analyst).body());
        assertThat(record.get("responses")).hasSize(2);
        assertThat(record.get("urls").get(0).asText()).isEqualTo(GREEN_ONLY_URL);

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String period = "from=" + today + "&to=" + tomorrow;
        HttpResponse<byte[]> csv = get("/api/v1/reports/transparency?" + period + "&format=csv", lead);
        assertThat(csv.statusCode()).isEqualTo(200);
        String table = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(table)
                .startsWith("from,to,platform,category,notices,items,removed,restricted,labelled,no_action,"
                        + "awaiting,median_hours_to_action\r\n");
        assertThat(table).containsPattern(",x,incitement,\\d+,\\d+,[1-9]\\d*,\\d+,\\d+,\\d+,\\d+,0\\.0\r\n");
        HttpResponse<byte[]> html = get("/api/v1/reports/transparency?" + period, analyst);
        assertThat(html.statusCode()).isEqualTo(200);
        for (String report : List.of(table, new String(html.body(), StandardCharsets.UTF_8))) {
            assertThat(report).doesNotContain("https://", "@hater", "anna", "lars", "brf-", "inc-", VICTIM);
        }
    }

    @Test
    void partnersGet403AndCallersWithoutATokenGet401() throws Exception {
        List<String> paths = List.of(
                "/api/v1/incidents/" + GREEN + "/brief?track=dsa",
                "/api/v1/briefs/platform/x?track=dsa",
                "/api/v1/reports/transparency?from=2025-01-01&to=2025-02-01",
                "/api/v1/briefs/brf-00000000-0000-4000-8000-000000000000");
        for (String path : paths) {
            assertThat(get(path, partner).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(post("/api/v1/briefs/brf-00000000-0000-4000-8000-000000000000/responses", partner, "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void badParametersAreProblemsNotBriefs() throws Exception {
        Map<String, Integer> expected = Map.of(
                "/api/v1/incidents/" + GREEN + "/brief?track=dsa&format=docx",
                400,
                "/api/v1/incidents/" + GREEN + "/brief?format=pdf",
                400,
                "/api/v1/incidents/" + GREEN + "/brief?track=dsa&audience=Platform:X",
                400,
                "/api/v1/incidents/" + GREEN + "/brief?track=dsa&audience=partner:nobody",
                400,
                "/api/v1/incidents/inc-unknown/brief?track=dsa",
                404,
                "/api/v1/briefs/platform/nowhere?track=dsa",
                404,
                "/api/v1/reports/transparency?from=2025-02-01&to=2025-01-01",
                400,
                "/api/v1/briefs/brf-00000000-0000-4000-8000-000000000000",
                404);
        for (Map.Entry<String, Integer> call : expected.entrySet()) {
            HttpResponse<byte[]> response = get(call.getKey(), analyst);
            assertThat(response.statusCode()).as(call.getKey()).isEqualTo(call.getValue());
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    /** What a reader of the export sees: the PDF's text (whitespace removed, as URLs wrap), the others as UTF-8. */
    private static String text(String format, byte[] body) throws Exception {
        if (format.equals("pdf")) {
            return BriefExportsTest.squeeze(BriefExportsTest.pdfText(body));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (format.equals("json") || format.equals("stix")) {
            // compare with the strings as they were, not as JSON escapes them
            List<String> values = new ArrayList<>();
            collect(Json.mapper().readTree(body), values);
            return String.join("\n", values);
        }
        if (format.equals("html")) {
            return BriefExportsTest.xml(text).getDocumentElement().getTextContent();
        }
        return text.replace("\\", "");
    }

    /** A string as {@link #text} shows it. */
    private static String as(String format, String value) {
        return format.equals("pdf") ? BriefExportsTest.squeeze(value) : value;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collect(child, into));
    }

    private static HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(String path, String token, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
