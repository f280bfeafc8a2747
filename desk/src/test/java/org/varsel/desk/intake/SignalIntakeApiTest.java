package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.intake.IntakeTestSupport.get;
import static org.varsel.desk.intake.IntakeTestSupport.json;
import static org.varsel.desk.intake.IntakeTestSupport.post;
import static org.varsel.desk.intake.IntakeTestSupport.rawRecords;
import static org.varsel.desk.intake.IntakeTestSupport.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.RawSignalHeaders;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class SignalIntakeApiTest {
    private static final String JSON = "application/json";

    private static LocalKafka kafka;
    private static PostgresDatabase database;
    private static Desk desk;
    private static int port;
    private static String ngoA;
    private static String ngoB;
    private static String analyst;

    @BeforeAll
    static void startDesk(LocalKafka broker, PostgresDatabase db) throws Exception {
        kafka = broker;
        database = db;
        desk = Desk.start(IntakeTestSupport.config(kafka, database));
        port = desk.port();
        ngoA = desk.credentials()
                .createPartner("api-ngo-a", "NGO A", Optional.empty(), Tlp.GREEN, "test")
                .token();
        ngoB = desk.credentials()
                .createPartner("api-ngo-b", "NGO B", Optional.empty(), Tlp.AMBER, "test")
                .token();
        analyst = desk.credentials()
                .createUser("intake-anna", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t")
                .token();
    }

    @AfterAll
    static void stopDesk() {
        desk.close();
    }

    @Test
    void acceptsASignalOnlyAfterKafkaHasItWithTheSendersBytesAndSourceHeaders() throws Exception {
        String body = signal("accept-1");
        HttpResponse<String> response = post(port, "/api/v1/signals", ngoA, JSON, body);

        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).get("id").asText();
        assertThat(id).isEqualTo(SignalIds.of("partner:api-ngo-a", "accept-1"));
        assertThat(json(response).get("status").asText()).isEqualTo("accepted");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/signals/" + id);
        List<ConsumerRecord<byte[], byte[]>> records = rawRecords(kafka, "partner:api-ngo-a/accept-1");
        assertThat(records).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = records.get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(new String(
                        record.headers().lastHeader(RawSignalHeaders.SOURCE).value(), StandardCharsets.UTF_8))
                .isEqualTo("partner:api-ngo-a");
        assertThat(Instant.parse(new String(
                        record.headers()
                                .lastHeader(RawSignalHeaders.RECEIVED_AT)
                                .value(),
                        StandardCharsets.UTF_8)))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aReplayGetsTheSameIdAndSendsNoSecondSignal() throws Exception {
        String body = signal("replay-1");
        HttpResponse<String> first = post(port, "/api/v1/signals", ngoA, JSON, body);
        // the same signal with other whitespace is the same signal
        HttpResponse<String> second = post(port, "/api/v1/signals", ngoA, JSON, " " + body + "\n");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).get("id").asText())
                .isEqualTo(json(first).get("id").asText());
        assertThat(json(second).get("status").asText()).isEqualTo("duplicate");
        assertThat(rawRecords(kafka, "partner:api-ngo-a/replay-1")).hasSize(1);
    }

    @Test
    void theSameExternalIdFromAnotherPartnerIsAnotherSignal() throws Exception {
        String a = json(post(port, "/api/v1/signals", ngoA, JSON, signal("shared-ext")))
                .get("id")
                .asText();
        String b = json(post(port, "/api/v1/signals", ngoB, JSON, signal("shared-ext")))
                .get("id")
                .asText();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void reusingAnExternalIdForDifferentContentIsAConflict() throws Exception {
        assertThat(post(port, "/api/v1/signals", ngoA, JSON, signal("conflict-1"))
                        .statusCode())
                .isEqualTo(202);
        HttpResponse<String> changed = post(port, "/api/v1/signals", ngoA, JSON, signal("conflict-1", "RED"));

        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(json(changed).get("errors").get(0).get("field").asText()).isEqualTo("$.external_id");
        assertThat(rawRecords(kafka, "partner:api-ngo-a/conflict-1")).hasSize(1);
    }

    @Test
    void theSourceComesFromTheTokenNeverFromTheBody() throws Exception {
        String body =
                "{\"external_id\":\"spoof-1\",\"source\":\"partner:api-ngo-b\",\"observed_at\":\"2025-03-01T10:00:00Z\","
                        + "\"text\":\"x\"}";
        String id =
                json(post(port, "/api/v1/signals", ngoA, JSON, body)).get("id").asText();
        assertThat(id).isEqualTo(SignalIds.of("partner:api-ngo-a", "spoof-1"));
    }

    @Test
    void aSignalMarkedAboveThePartnersAllowedTlpIsAccepted() throws Exception {
        // the marking limits onward sharing, not intake: api-ngo-a may receive GREEN, and may still send RED
        HttpResponse<String> response = post(port, "/api/v1/signals", ngoA, JSON, signal("red-1", "RED"));
        assertThat(response.statusCode()).isEqualTo(202);
    }

    static Stream<Arguments> rejections() {
        String now = Instant.now().minusSeconds(60).toString();
        return Stream.of(
                Arguments.of(
                        "unknown TLP",
                        ("{\"external_id\":\"r1\",\"observed_at\":\"" + now + "\",\"text\":\"t\",\"tlp\":\"PURPLE\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.tlp"),
                Arguments.of(
                        "timestamp that is not RFC 3339",
                        ("{\"external_id\":\"r2\",\"observed_at\":\"yesterday\"," + "\"text\":\"t\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.observed_at"),
                Arguments.of(
                        "timestamp without offset",
                        ("{\"external_id\":\"r3\",\"observed_at\":\"2025-03-01T10:00:00\"," + "\"text\":\"t\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.observed_at"),
                Arguments.of(
                        "timestamp in the future",
                        ("{\"external_id\":\"r4\",\"observed_at\":\""
                                        + Instant.now().plus(Duration.ofDays(2)) + "\",\"text\":\"t\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.observed_at"),
                Arguments.of(
                        "timestamp before 1990",
                        ("{\"external_id\":\"r5\",\"observed_at\":\"1970-01-01T00:00:00Z\"," + "\"text\":\"t\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.observed_at"),
                Arguments.of(
                        "invalid UTF-8",
                        concat(
                                "{\"external_id\":\"r6\",\"observed_at\":\"" + now + "\",\"text\":\"",
                                new byte[] {(byte) 0xC3, (byte) 0x28},
                                "\"}"),
                        400,
                        "$"),
                Arguments.of(
                        "over-long text",
                        ("{\"external_id\":\"r7\",\"observed_at\":\"" + now + "\",\"text\":\"" + "a".repeat(20_001)
                                        + "\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.text"),
                Arguments.of(
                        "no external_id",
                        ("{\"observed_at\":\"" + now + "\",\"text\":\"t\"}").getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.external_id"),
                Arguments.of(
                        "neither text nor url",
                        ("{\"external_id\":\"r8\",\"observed_at\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.text"),
                Arguments.of(
                        "url that is not http(s)",
                        ("{\"external_id\":\"r9\",\"observed_at\":\"" + now + "\",\"url\":\"javascript:alert(1)\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        422,
                        "$.url"),
                Arguments.of("not JSON", "external_id=r10".getBytes(StandardCharsets.UTF_8), 400, "$"),
                Arguments.of("a JSON array", "[]".getBytes(StandardCharsets.UTF_8), 400, "$"),
                Arguments.of("an empty body", new byte[0], 400, "$"),
                Arguments.of(
                        "over 64 KiB",
                        ("{\"external_id\":\"r11\",\"observed_at\":\"" + now + "\",\"text\":\"t\",\"x\":\""
                                        + "a".repeat(70_000) + "\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        413,
                        "$"));
    }

    @ParameterizedTest(name = "{0} is rejected with {2} naming {3}")
    @MethodSource("rejections")
    void rejectsWithAProblemNamingTheField(String what, byte[] body, int status, String field) throws Exception {
        HttpResponse<String> response = post(port, "/api/v1/signals", ngoB, JSON, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("errors")).isNotEmpty();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains(field);
    }

    @Test
    void aMalformedCategoryIsRefusedWithTheCategoriesToChooseFromNotARegex() throws Exception {
        HttpResponse<String> response = post(
                port,
                "/api/v1/signals",
                ngoB,
                JSON,
                ("{\"external_id\":\"cat-1\","
                                + "\"observed_at\":\"" + Instant.now().minusSeconds(60)
                                + "\",\"text\":\"t\",\"labels\":{\"category\":"
                                + "\"Hate Speech\"}}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("$.labels.category");
        assertThat(problem.get("errors").get(0).get("reason").asText())
                .contains("incitement, threat, hate, dangerous-speech, terrorist-content")
                .doesNotContain("regex");
        assertThat(problem.get("detail").asText()).contains("disinformation").doesNotContain("^[a-z]");
    }

    @Test
    void anotherMediaTypeIs415() throws Exception {
        HttpResponse<String> response = post(port, "/api/v1/signals", ngoA, "text/plain", signal("media-1"));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
    }

    @Test
    void noTokenIs401AndAnAnalystMayNotSendSignals() throws Exception {
        HttpResponse<String> anonymous = post(port, "/api/v1/signals", null, JSON, signal("auth-1"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(post(port, "/api/v1/signals/bulk", null, "application/x-ndjson", signal("auth-1"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get(port, "/api/v1/signals", null).statusCode()).isEqualTo(401);
        assertThat(post(port, "/api/v1/signals", analyst, JSON, signal("auth-1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(port, "/api/v1/signals", "vsl_revokedOrNeverIssuedXXXXXXXXXXXXXXXX", JSON, signal("auth-1"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aRevokedTokenCanNoLongerSend() throws Exception {
        String token = desk.credentials()
                .createPartner("api-leaver", "Leaver", Optional.empty(), Tlp.GREEN, "t")
                .token();
        assertThat(post(port, "/api/v1/signals", token, JSON, signal("leave-1")).statusCode())
                .isEqualTo(202);
        desk.credentials().revoke(token);
        assertThat(post(port, "/api/v1/signals", token, JSON, signal("leave-2")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void partnerACannotReadPartnerBsSignalButReadsItsOwnWithItsStatus() throws Exception {
        String id = json(post(port, "/api/v1/signals", ngoB, JSON, signal("private-1")))
                .get("id")
                .asText();

        HttpResponse<String> own = get(port, "/api/v1/signals/" + id, ngoB);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("status").asText()).isEqualTo("received");
        assertThat(json(own).get("external_id").asText()).isEqualTo("private-1");
        HttpResponse<String> other = get(port, "/api/v1/signals/" + id, ngoA);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(get(port, "/api/v1/signals/sig-000000000000000000000000", ngoB)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(port, "/api/v1/signals/" + id, analyst).statusCode()).isEqualTo(200);
        List<String> listedForA = new ArrayList<>();
        json(get(port, "/api/v1/signals?limit=500", ngoA))
                .get("items")
                .forEach(item -> listedForA.add(item.get("id").asText()));
        assertThat(listedForA).doesNotContain(id).isNotEmpty();
    }

    @Test
    void listsAPartnersSignalsSinceATimeWithACursor() throws Exception {
        String token = desk.credentials()
                .createPartner("api-lister", "Lister", Optional.empty(), Tlp.GREEN, "t")
                .token();
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            post(port, "/api/v1/signals", token, JSON, signal("list-" + i));
        }
        JsonNode page1 = json(get(port, "/api/v1/signals?since=" + before + "&limit=2", token));
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("items").get(0).get("external_id").asText()).isEqualTo("list-0");
        JsonNode page2 = json(get(
                port,
                "/api/v1/signals?since=" + before + "&limit=2&after="
                        + page1.get("next_after").asLong(),
                token));
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("next_after").isNull()).isTrue();
        assertThat(json(get(port, "/api/v1/signals?since=" + Instant.now().plusSeconds(60), token))
                        .get("items"))
                .isEmpty();
        HttpResponse<String> bad = get(port, "/api/v1/signals?since=last-tuesday", token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("since");
    }

    @Test
    void showsWhenThePipelineDeadLetteredASignal() throws Exception {
        String body = signal("dead-1");
        String id =
                json(post(port, "/api/v1/signals", ngoA, JSON, body)).get("id").asText();
        DeadLetter letter = new DeadLetter(
                "invalid signal: $.text: the pipeline disagreed",
                "partner:api-ngo-a",
                Topics.SIGNALS_RAW,
                0,
                1L,
                Instant.now(),
                body.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.SIGNALS_DLQ,
                            "partner:api-ngo-a".getBytes(StandardCharsets.UTF_8),
                            letter.toJsonBytes()))
                    .get();
        }
        IntakeTestSupport.await(
                Duration.ofSeconds(30),
                "the dead letter is matched to the receipt",
                () -> json(get(port, "/api/v1/signals/" + id, ngoA))
                        .get("status")
                        .asText()
                        .equals("dead-lettered"));
        JsonNode status = json(get(port, "/api/v1/signals/" + id, ngoA));
        assertThat(status.get("dead_letter").get("reason").asText()).contains("the pipeline disagreed");
    }

    @Test
    void showsTheIncidentsWhoseEvidenceHoldsTheSignal() throws Exception {
        String id = json(post(port, "/api/v1/signals", ngoA, JSON, signal("incident-1")))
                .get("id")
                .asText();
        String payload =
                "{\"evidence\":{\"signals\":[{\"signal_id\":\"" + id + "\",\"source\":\"partner:api-ngo-a\"}]}}";
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO incident (id, version, kind, tier, severity, tlp, first_seen, last_seen, updated_at, signal_count,
                              account_count, sources, payload)
        VALUES ('inc-intake-test', 1, 'co-link', 'high', 70, 'GREEN', now(), now(), now(), 1, 1,
                ARRAY['partner:api-ngo-a'], ?::jsonb)""")) {
            insert.setString(1, payload);
            insert.executeUpdate();
        }
        JsonNode status = json(get(port, "/api/v1/signals/" + id, ngoA));
        assertThat(status.get("status").asText()).isEqualTo("in-incident");
        assertThat(status.get("incidents").get(0).asText()).isEqualTo("inc-intake-test");
    }

    @Test
    void theOpenApiDescriptionIsServedWithoutAToken() throws Exception {
        HttpResponse<String> response = get(port, "/api/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode openApi = json(response);
        assertThat(openApi.get("openapi").asText()).startsWith("3.1");
        assertThat(openApi.get("paths").has("/api/v1/signals")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/signals/bulk")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/stix")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/incidents/{id}")).isTrue();
        assertThat(openApi.get("paths").has("/healthz")).isTrue();
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
