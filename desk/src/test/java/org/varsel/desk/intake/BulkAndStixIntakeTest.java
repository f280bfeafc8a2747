package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.intake.IntakeTestSupport.json;
import static org.varsel.desk.intake.IntakeTestSupport.post;
import static org.varsel.desk.intake.IntakeTestSupport.rawRecords;
import static org.varsel.desk.intake.IntakeTestSupport.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class BulkAndStixIntakeTest {
    private static final String JSONL = "application/x-ndjson";
    private static final String AMBER_2_0 = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    private static final String RED_1_0 = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
    private static final String CLEAR_2_0 = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

    private static LocalKafka kafka;
    private static Desk desk;
    private static int port;
    private static String token;

    @BeforeAll
    static void startDesk(LocalKafka broker, PostgresDatabase database) throws Exception {
        kafka = broker;
        // a refill of one a minute: the hasty partner meets the limit after its burst however slowly a loaded machine
        // sends its 70 requests (at the default 600 a minute, 70 requests slower than a second never met it)
        desk = Desk.start(IntakeTestSupport.config(kafka, database, Map.of(IntakeConfig.REQUESTS_PER_MINUTE, "1")));
        port = desk.port();
        token = desk.credentials()
                .createPartner("bulk-ngo", "Bulk NGO", Optional.empty(), Tlp.AMBER, "test")
                .token();
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void aJsonLinesBodyWithGoodAndBadLinesGetsAResultPerLine() throws Exception {
        String now = Instant.now().minusSeconds(60).toString();
        String first = signal("bulk-1");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"external_id\":\"bulk-bad-tlp\",\"observed_at\":\"" + now
                        + "\",\"text\":\"t\",\"tlp\":\"WHITE\"}\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"external_id\":\"bulk-utf8\",\"observed_at\":\"" + now + "\",\"text\":\"")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        body.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("   \n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"external_id\":\"bulk-long\",\"text\":\"" + "x".repeat(70_000) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(signal("bulk-2").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(port, "/api/v1/signals/bulk", token, JSONL, body.toByteArray());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("lines").asLong()).isEqualTo(6);
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("duplicates").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("complete").asBoolean()).isTrue();
        Map<Long, JsonNode> byLine = byLine(report.get("results"));
        assertThat(byLine.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 5L, 6L, 7L);
        assertThat(byLine.get(1L).get("status").asText()).isEqualTo("accepted");
        assertThat(byLine.get(2L).get("errors").get(0).get("field").asText()).isEqualTo("$.tlp");
        assertThat(byLine.get(3L).get("reason").asText()).contains("UTF-8");
        assertThat(byLine.get(5L).get("status").asText()).isEqualTo("duplicate");
        assertThat(byLine.get(5L).get("id").asText())
                .isEqualTo(byLine.get(1L).get("id").asText());
        assertThat(byLine.get(6L).get("reason").asText()).startsWith("too large");
        assertThat(byLine.get(7L).get("status").asText()).isEqualTo("accepted");
        assertThat(rawRecords(kafka, "partner:bulk-ngo/bulk-")).hasSize(2);
    }

    @Test
    void aCsvBodyBecomesSignalsWithListsAndQuotedNewlines() throws Exception {
        String now = Instant.now().minusSeconds(60).toString();
        String csv = "external_id,observed_at,text,tlp,disarm,target_groups,confidence,author_handle\n"
                + "csv-1," + now + ",\"line one\nline \"\"two\"\"\",AMBER,T0049;T0087,roma,80,@someone\n"
                + "csv-2,not-a-time,text,GREEN,,,,\n"
                + "csv-3," + now + ",text,GREEN,,,,,one-cell-too-many\n"
                + "csv-4," + now + ",text,GREEN,,,eighty,\n";

        HttpResponse<String> response = post(port, "/api/v1/signals/bulk", token, "text/csv; charset=utf-8", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("accepted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        Map<Long, JsonNode> byLine = byLine(report.get("results"));
        assertThat(byLine.keySet()).as(response.body()).containsExactlyInAnyOrder(2L, 4L, 5L, 6L);
        assertThat(byLine.get(2L).get("status").asText()).isEqualTo("accepted");
        assertThat(byLine.get(4L).get("errors").get(0).get("field").asText()).isEqualTo("$.observed_at");
        assertThat(byLine.get(5L).get("reason").asText()).contains("cells");
        assertThat(byLine.get(6L).get("errors").get(0).get("field").asText()).isEqualTo("$.labels.confidence");
        JsonNode sent = Json.mapper()
                .readTree(rawRecords(kafka, "partner:bulk-ngo/csv-1").get(0).value());
        assertThat(sent.get("text").asText()).isEqualTo("line one\nline \"two\"");
        assertThat(sent.get("labels").get("disarm").toString()).isEqualTo("[\"T0049\",\"T0087\"]");
        assertThat(sent.get("labels").get("confidence").asInt()).isEqualTo(80);
        assertThat(sent.get("author").get("handle").asText()).isEqualTo("@someone");
    }

    @Test
    void aSemicolonSheetIsTakenAndAMalformedCategoryIsRefusedWithTheCategoriesToChooseFrom() throws Exception {
        String now = Instant.now().minusSeconds(60).toString();
        String csv = "external_id;observed_at;text;category\r\n"
                + "semi-1;" + now + ";\"hello, world\";incitement\r\n"
                + "semi-2;" + now + ";text;Hate Speech\r\n";

        HttpResponse<String> response = post(port, "/api/v1/signals/bulk", token, "text/csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<Long, JsonNode> byLine = byLine(json(response).get("results"));
        assertThat(byLine.get(2L).get("status").asText()).as(response.body()).isEqualTo("accepted");
        JsonNode category = byLine.get(3L).get("errors").get(0);
        assertThat(category.get("field").asText()).isEqualTo("$.labels.category");
        assertThat(category.get("reason").asText())
                .contains("incitement, threat, hate, dangerous-speech")
                .doesNotContain("regex")
                .doesNotContain("[a-z]");
        assertThat(byLine.get(3L).get("reason").asText()).doesNotContain("regex");
    }

    @Test
    void aCsvHeaderWithAnUnknownColumnIsRefusedBeforeAnyLine() throws Exception {
        HttpResponse<String> response = post(
                port,
                "/api/v1/signals/bulk",
                token,
                "text/csv",
                "external_id,observed_at,txet\nx,2025-01-01T00:00:00Z,hello\n");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("txet");
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("header");
    }

    @Test
    void aStixBundleBecomesSignalsWithTheirTlpMarkingsAndDisarmTechniques() throws Exception {
        String now = Instant.now().minusSeconds(600).toString();
        String bundle = """
        {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
          {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--b1b1b1b1-0000-4000-8000-000000000001",
           "name": "TLP:AMBER+STRICT", "created": "2022-10-01T00:00:00Z",
           "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {"extension_type": "property-extension", "tlp_2_0": "amber+strict"}}},
          {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--b1b1b1b1-0000-4000-8000-000000000002",
           "name": "TLP:PURPLE", "created": "2022-10-01T00:00:00Z"},
          {"type": "identity", "spec_version": "2.1", "id": "identity--a1a1a1a1-0000-4000-8000-000000000001", "name": "NGO", "created": "%1$s", "modified": "%1$s"},
          {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--c1c1c1c1-0000-4000-8000-000000000001",
           "created": "%1$s", "modified": "%1$s", "name": "Flood information space",
           "external_references": [{"source_name": "DISARM", "external_id": "T0049", "url": "https://disarmframework.herokuapp.com/technique/T0049"}]},
          {"type": "report", "spec_version": "2.1", "id": "report--d1d1d1d1-0000-4000-8000-000000000001",
           "created": "%1$s", "modified": "%1$s", "published": "%1$s", "name": "Coordinated smear campaign",
           "description": "Many accounts post the same claim.", "object_refs": ["attack-pattern--c1c1c1c1-0000-4000-8000-000000000001"],
           "object_marking_refs": ["%2$s", "%4$s"],
           "external_references": [{"source_name": "DISARM", "external_id": "T0049", "url": "https://disarmframework.herokuapp.com/technique/T0049"},
                                   {"source_name": "archive", "url": "https://archive.example/smear"}]},
          {"type": "note", "spec_version": "2.1", "id": "note--e1e1e1e1-0000-4000-8000-000000000001", "created": "%1$s", "modified": "%1$s",
           "content": "Threats against the community centre", "object_refs": ["report--d1d1d1d1-0000-4000-8000-000000000001"],
           "object_marking_refs": ["%3$s"]},
          {"type": "indicator", "spec_version": "2.1", "id": "indicator--f1f1f1f1-0000-4000-8000-000000000001", "created": "%1$s", "modified": "%1$s",
           "valid_from": "%1$s", "pattern_type": "stix", "pattern": "[url:value = 'https://bad.example/post/1']",
           "object_marking_refs": ["marking-definition--b1b1b1b1-0000-4000-8000-000000000001"]},
          {"type": "relationship", "spec_version": "2.1", "id": "relationship--01010101-0000-4000-8000-000000000001", "created": "%1$s", "modified": "%1$s",
           "relationship_type": "indicates", "source_ref": "indicator--f1f1f1f1-0000-4000-8000-000000000001",
           "target_ref": "attack-pattern--c1c1c1c1-0000-4000-8000-000000000001"},
          {"type": "url", "spec_version": "2.1", "id": "url--02020202-0000-4000-8000-000000000001", "value": "https://video.example/v/9"},
          {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--03030303-0000-4000-8000-000000000001", "created": "%1$s", "modified": "%1$s",
           "first_observed": "%1$s", "last_observed": "%1$s", "number_observed": 1, "object_refs": ["url--02020202-0000-4000-8000-000000000001"]},
          {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--03030303-0000-4000-8000-000000000002", "created": "%1$s", "modified": "%1$s",
           "first_observed": "%1$s", "last_observed": "%1$s", "number_observed": 1, "object_refs": []},
          {"type": "report", "spec_version": "2.1", "id": "report--d1d1d1d1-0000-4000-8000-000000000002", "created": "%1$s", "published": "%1$s",
           "name": "Marked with an unknown TLP", "object_refs": [], "object_marking_refs": ["marking-definition--b1b1b1b1-0000-4000-8000-000000000002"]},
          {"type": "malware", "spec_version": "2.1", "id": "malware--04040404-0000-4000-8000-000000000001", "name": "x", "is_family": false}
        ]}
        """.formatted(now, AMBER_2_0, RED_1_0, CLEAR_2_0);

        HttpResponse<String> response = post(port, "/api/v1/stix", token, "application/stix+json", bundle);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("accepted").asInt()).isEqualTo(4);
        Map<String, JsonNode> objects = new HashMap<>();
        result.get("objects").forEach(o -> objects.put(o.get("stix_id").asText(), o));
        assertThat(objects.get("observed-data--03030303-0000-4000-8000-000000000002")
                        .get("status")
                        .asText())
                .isEqualTo("skipped");
        assertThat(objects.get("observed-data--03030303-0000-4000-8000-000000000002")
                        .get("reason")
                        .asText())
                .contains("no text");
        assertThat(objects.get("report--d1d1d1d1-0000-4000-8000-000000000002")
                        .get("reason")
                        .asText())
                .contains("unknown level");
        assertThat(objects.get("malware--04040404-0000-4000-8000-000000000001")
                        .get("reason")
                        .asText())
                .contains("not mapped");
        assertThat(objects.get("identity--a1a1a1a1-0000-4000-8000-000000000001")
                        .get("status")
                        .asText())
                .isEqualTo("skipped");

        JsonNode report = sent("report--d1d1d1d1-0000-4000-8000-000000000001");
        assertThat(report.get("tlp").asText()).isEqualTo("AMBER");
        assertThat(report.get("kind").asText()).isEqualTo("report");
        assertThat(report.get("url").asText()).isEqualTo("https://archive.example/smear");
        assertThat(report.get("text").asText()).startsWith("Coordinated smear campaign");
        assertThat(report.get("labels").get("disarm").toString()).isEqualTo("[\"T0049\"]");
        assertThat(sent("note--e1e1e1e1-0000-4000-8000-000000000001").get("tlp").asText())
                .isEqualTo("RED");
        JsonNode indicator = sent("indicator--f1f1f1f1-0000-4000-8000-000000000001");
        assertThat(indicator.get("tlp").asText()).isEqualTo("AMBER+STRICT");
        assertThat(indicator.get("url").asText()).isEqualTo("https://bad.example/post/1");
        assertThat(indicator.get("labels").get("disarm").toString()).isEqualTo("[\"T0049\"]");
        assertThat(sent("observed-data--03030303-0000-4000-8000-000000000001")
                        .get("url")
                        .asText())
                .isEqualTo("https://video.example/v/9");

        HttpResponse<String> again = post(port, "/api/v1/stix", token, "application/json", bundle);
        assertThat(json(again).get("duplicates").asInt()).isEqualTo(4);
        assertThat(rawRecords(kafka, "partner:bulk-ngo/report--d1d1d1d1-0000-4000-8000-000000000001"))
                .hasSize(1);
    }

    @Test
    void aDocumentThatIsNotABundleIs422() throws Exception {
        HttpResponse<String> response = post(port, "/api/v1/stix", token, "application/json", "{\"type\":\"report\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aPartnerOverItsRateLimitGets429WithRetryAfter() throws Exception {
        String hasty = desk.credentials()
                .createPartner("hasty-ngo", "Hasty", Optional.empty(), Tlp.GREEN, "t")
                .token();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            responses.add(post(port, "/api/v1/signals", hasty, "application/json", "{}"));
        }
        HttpResponse<String> limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // another partner is not slowed down by this one
        assertThat(post(port, "/api/v1/signals", token, "application/json", "{}")
                        .statusCode())
                .isEqualTo(422);
    }

    private static JsonNode sent(String stixId) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = rawRecords(kafka, "partner:bulk-ngo/" + stixId);
        assertThat(records).hasSize(1);
        return Json.mapper().readTree(records.get(0).value());
    }

    private static Map<Long, JsonNode> byLine(JsonNode results) {
        Map<Long, JsonNode> byLine = new HashMap<>();
        results.forEach(result -> byLine.put(result.get("line").asLong(), result));
        return byLine;
    }
}
