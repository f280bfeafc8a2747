package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.Json;
import org.varsel.contract.RawSignalHeaders;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import org.varsel.pipeline.PipelineEndToEndTest;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.TopicContents;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * CSAM is never content (docs/child-safety.md): a signal labelled csam with distinctive marker text goes through the
 * real intake API → broker → pipeline (MiniCluster) → desk, and the marker is then looked for in every topic, every
 * row of every table of the desk's database, and every export. It is nowhere; only the URL and metadata are kept,
 * on the hotline track. Records written to the raw topic past intake (a rogue or old writer) are stripped by the
 * pipeline, and a dead letter of such a record keeps neither its bytes nor its text. Child-safety incidents from
 * the rules show up in the per-platform statistics.
 */
class CsamNeverStoredEndToEndTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    private static final String MARKER = "QZXV"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    /** Written to the raw topic directly, past intake: may be in the raw topic, nowhere else. */
    private static final String BYPASS_MARKER = "KJWY"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);

    private static final String CSAM_URL = "https://www.tiktok.com/@someone/video/7300000000000000001";
    private static final String BULK_URL = "https://example.org/hosted/abc123.jpg";
    private static final String BYPASS_URL = "https://discord.com/channels/1/2/3";

    @Test
    void aCsamSignalLeavesOnlyItsUrlAndMetadataAnywhere(LocalKafka kafka, PostgresDatabase db) throws Exception {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka);
        Instant observed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        try (Desk desk = Desk.start(RunDesk.settings(kafka, db, settings))) {
            String partner = desk.credentials()
                    .createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.RED, "test")
                    .token();
            String analyst = desk.credentials()
                    .createUser("ana", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "test")
                    .token();
            String lead = desk.credentials()
                    .createUser("lea", "a long passphrase".toCharArray(), Role.LEAD, Optional.empty(), "test")
                    .token();
            String base = "http://127.0.0.1:" + desk.port();
            DeskApi api = new DeskApi(base);

            // through the real intake API: one signal, one bulk line, one without a URL (refused)
            HttpResponse<String> accepted = post(
                    base + "/api/v1/signals", partner, "application/json", csam("cs-1", CSAM_URL, MARKER, observed));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.body()).doesNotContain(MARKER);
            HttpResponse<String> bulk = post(
                    base + "/api/v1/signals/bulk",
                    partner,
                    "application/x-ndjson",
                    csam("cs-2", BULK_URL, MARKER, observed) + "\n");
            assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
            HttpResponse<String> noUrl =
                    post(base + "/api/v1/signals", partner, "application/json", csam("cs-3", null, MARKER, observed));
            assertThat(noUrl.statusCode()).as(noUrl.body()).isEqualTo(422);
            assertThat(noUrl.body()).doesNotContain(MARKER);
            // child-safety harms that the rules flag: they become incidents and statistics
            assertThat(post(
                                    base + "/api/v1/signals",
                                    partner,
                                    "application/json",
                                    plain(
                                            "g-1",
                                            "https://www.tiktok.com/@groomer/video/1",
                                            "tiktok",
                                            "hey cutie how old are you? add me on snap, its more private",
                                            observed))
                            .statusCode())
                    .isEqualTo(202);
            assertThat(post(
                                    base + "/api/v1/signals",
                                    partner,
                                    "application/json",
                                    plain(
                                            "s-1",
                                            "https://www.instagram.com/p/abc/",
                                            "instagram",
                                            "send more pics tonight or your school will see the video",
                                            observed))
                            .statusCode())
                    .isEqualTo(202);

            // past intake, straight onto the raw topic: a valid CSAM signal with text, an invalid one, one that is not
            // JSON
            // (RawSignalPublisher, the replay and demo writer, strips CSAM like intake: a bare producer stands in for a
            // rogue one)
            try (RoguePublisher rogue = new RoguePublisher(kafka.bootstrapServers(), settings.rawTopic())) {
                rogue.publish(
                        "partner:ngo-a/cs-9",
                        csam("cs-9", BYPASS_URL, BYPASS_MARKER, observed).getBytes(StandardCharsets.UTF_8),
                        "partner:ngo-a",
                        Instant.now());
                rogue.publish(
                        "partner:ngo-a/cs-10",
                        ("{\"external_id\":\"cs-10\",\"url\":\"" + BYPASS_URL + "/x\",\"text\":\"" + BYPASS_MARKER
                                        + "\",\"labels\":{\"category\":\"csam\"}}")
                                .getBytes(StandardCharsets.UTF_8),
                        "partner:ngo-a",
                        Instant.now());
                rogue.publish(
                        "partner:ngo-a/cs-11",
                        ("{\"labels\":{\"category\":\"csam\"},\"text\":\"" + BYPASS_MARKER + " unterminated")
                                .getBytes(StandardCharsets.UTF_8),
                        "partner:ngo-a",
                        Instant.now());
                rogue.flush();
            }

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            PipelineJob.wire(env, settings);
            env.execute("csam never stored");

            // the hotline track: three reports (intake, bulk, past intake), URL and metadata only
            api.awaitJson(
                    "/api/v1/incidents?limit=50",
                    Optional.of(analyst),
                    Duration.ofSeconds(60),
                    page -> page.get("total").asInt() >= 2);
            String export = awaitExport(api, lead, 3);
            assertThat(export).contains(CSAM_URL, BULK_URL, BYPASS_URL, "uploader", "signal_id,url,platform");
            assertThat(api.get("/api/v1/hotline/export", Optional.of(analyst)).statusCode())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/hotline/export", Optional.of(partner)).statusCode())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/hotline/export", Optional.empty()).statusCode())
                    .isEqualTo(401);

            // the raw topic holds only the stripped form of what intake took
            for (ConsumerRecord<byte[], byte[]> record :
                    TopicContents.everything(kafka.bootstrapServers(), settings.rawTopic())) {
                JsonNode body;
                try {
                    body = Json.mapper().readTree(record.value());
                } catch (java.io.IOException notJson) {
                    continue; // the rogue writer's broken record
                }
                if (body != null
                        && body.isObject()
                        && "csam".equals(body.path("labels").path("category").asText())
                        && body.path("external_id").asText().matches("cs-[123]")) {
                    assertThat(body.has("text")).isFalse();
                    assertThat(body.path("author").has("display_name")).isFalse();
                    assertThat(body.has("media_base64")).isFalse();
                }
            }
            // the dead letters of the invalid CSAM records: a reason and the stripped form, never the bytes
            List<ConsumerRecord<byte[], byte[]>> dlq =
                    TopicContents.everything(kafka.bootstrapServers(), settings.deadLetterTopic());
            assertThat(dlq).hasSize(2);
            for (ConsumerRecord<byte[], byte[]> record : dlq) {
                JsonNode letter = Json.mapper().readTree(record.value());
                assertThat(letter.get("reason").asText()).contains("labelled csam");
                JsonNode original = Json.mapper()
                        .readTree(Base64.getDecoder()
                                .decode(letter.get("original_base64").asText()));
                assertThat(original.has("text")).isFalse();
                assertThat(original.path("labels").path("category").asText()).isEqualTo("csam");
            }

            // no incident, brief or STIX export carries the CSAM signals
            JsonNode incidents = api.getJson("/api/v1/incidents?limit=50", Optional.of(analyst));
            List<String> exports = new ArrayList<>(List.of(export, incidents.toString()));
            assertThat(incidents.toString()).doesNotContain(CSAM_URL, BULK_URL, BYPASS_URL);
            for (JsonNode item : incidents.get("items")) {
                String id = item.get("id").asText();
                exports.add(
                        api.get("/api/v1/incidents/" + id, Optional.of(analyst)).body());
                for (String format : List.of("json", "stix", "md")) {
                    String brief = api.get("/api/v1/incidents/" + id + "/brief?format=" + format, Optional.of(lead))
                            .body();
                    exports.add(brief);
                    assertThat(brief).doesNotContain(CSAM_URL, BULK_URL, BYPASS_URL);
                }
            }
            for (String platform : List.of("tiktok", "instagram", "discord", "web")) {
                String brief = api.get("/api/v1/briefs/platform/" + platform + "?format=stix", Optional.of(lead))
                        .body();
                exports.add(brief);
                assertThat(brief).doesNotContain(CSAM_URL, BULK_URL, BYPASS_URL);
            }
            exports.add(api.get(
                            "/api/v1/reports/transparency?format=csv&from=2000-01-01T00:00:00Z&to=2030-01-01T00:00:00Z",
                            Optional.of(lead))
                    .body());
            exports.add(
                    api.get("/api/v1/signals?limit=100", Optional.of(partner)).body());
            exports.add(api.get("/api/v1/rejected-messages", Optional.of(lead)).body());

            // statistics: the grooming (tiktok) and sextortion (instagram) incidents, this week
            JsonNode stats = api.awaitJson(
                    "/api/v1/child-safety/stats?weeks=2",
                    Optional.of(analyst),
                    Duration.ofSeconds(30),
                    s -> s.get("rows").size() >= 2);
            assertThat(stats.get("rows").toString())
                    .contains("child-grooming", "tiktok", "child-sextortion", "instagram");
            HttpResponse<String> statsCsv =
                    api.get("/api/v1/child-safety/stats?weeks=2&format=csv", Optional.of(analyst));
            assertThat(statsCsv.body())
                    .startsWith("week,week_start,category,platform,incidents")
                    .contains("child-grooming,tiktok,1");
            assertThat(api.get("/api/v1/child-safety/stats", Optional.of(partner))
                            .statusCode())
                    .isEqualTo(403);
            exports.add(stats.toString());
            exports.add(statsCsv.body());

            // the marker is nowhere: not in any export...
            for (String text : exports) {
                assertNoMarker("an export", text.getBytes(StandardCharsets.UTF_8), MARKER, BYPASS_MARKER);
            }
            // ...not in any topic (the bypass marker only in the raw topic, where the rogue writer put it)...
            for (String topic : List.of(
                    settings.rawTopic(),
                    settings.deadLetterTopic(),
                    settings.incidentTopic(),
                    settings.hotlineTopic(),
                    settings.shadowHitTopic(),
                    settings.rulesTopic())) {
                for (ConsumerRecord<byte[], byte[]> record :
                        TopicContents.everything(kafka.bootstrapServers(), topic)) {
                    String where = topic + "@" + record.partition() + ":" + record.offset();
                    String[] markers = topic.equals(settings.rawTopic())
                            ? new String[] {MARKER}
                            : new String[] {MARKER, BYPASS_MARKER};
                    assertNoMarker(where, record.key(), markers);
                    assertNoMarker(where, record.value(), markers);
                    for (Header header : record.headers()) {
                        assertNoMarker(where + " header " + header.key(), header.value(), markers);
                    }
                }
            }
            // ...and not in any row of any table of the desk's database
            int tables = 0;
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement statement = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "SELECT table_schema || '.' || quote_ident(table_name) FROM information_schema.tables "
                                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                for (String table : names) {
                    tables++;
                    try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                        while (rows.next()) {
                            String row = rows.getString(1);
                            assertNoMarker(
                                    table,
                                    row == null ? new byte[0] : row.getBytes(StandardCharsets.UTF_8),
                                    MARKER,
                                    BYPASS_MARKER);
                            for (String marker : List.of(MARKER, BYPASS_MARKER)) {
                                // bytea columns print as hex
                                assertThat(row == null ? "" : row.toLowerCase(Locale.ROOT))
                                        .as("%s holds the marker as bytes", table)
                                        .doesNotContain(
                                                HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM hotline_report")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(3);
                }
            }
            assertThat(tables).isGreaterThan(10);
        }
    }

    /** Writes raw records as they are, with intake's headers: an old or rogue writer of the raw topic. */
    private static final class RoguePublisher implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String topic;

        RoguePublisher(String bootstrap, String topic) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
            this.topic = topic;
        }

        void publish(String key, byte[] body, String source, Instant receivedAt) {
            ProducerRecord<byte[], byte[]> record =
                    new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), body);
            record.headers().add(RawSignalHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
            record.headers()
                    .add(RawSignalHeaders.RECEIVED_AT, receivedAt.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }

        void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private static String csam(String externalId, String url, String marker, Instant observed) {
        var node = Json.mapper().createObjectNode();
        node.put("external_id", externalId);
        node.put("observed_at", observed.toString());
        if (url != null) {
            node.put("url", url);
        }
        node.put("platform", "tiktok");
        node.put("kind", "video");
        node.putObject("author")
                .put("handle", "@uploader-" + externalId)
                .put("id", "u-" + externalId)
                .put("display_name", marker + " display name");
        node.put("text", "caption " + marker + " caption");
        node.put("language", "en");
        node.put("tlp", "AMBER");
        node.putObject("labels")
                .put("category", "csam")
                .put("confidence", 90)
                .putArray("target_groups")
                .add(marker);
        node.put(
                "media_base64",
                Base64.getEncoder().encodeToString((marker + " image bytes").getBytes(StandardCharsets.UTF_8)));
        node.put("caption", marker);
        return node.toString();
    }

    private static String plain(String externalId, String url, String platform, String text, Instant observed) {
        var node = Json.mapper().createObjectNode();
        node.put("external_id", externalId);
        node.put("observed_at", observed.toString());
        node.put("url", url);
        node.put("platform", platform);
        node.putObject("author").put("handle", "@" + externalId);
        node.put("text", text);
        node.put("language", "en");
        return node.toString();
    }

    private static HttpResponse<String> post(String url, String token, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The hotline export once it lists {@code reports} reports (all=true: the marking of exported ones aside). */
    private static String awaitExport(DeskApi api, String lead, int reports) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = api.get("/api/v1/hotline/export?all=true", Optional.of(lead));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last = response.body();
            if (last.strip().split("\r\n").length == reports + 1) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the hotline export did not list " + reports + " reports: " + last);
    }

    /** The bytes, and every base64 string inside them if they are JSON, must not contain a marker. */
    private static void assertNoMarker(String where, byte[] bytes, String... markers) {
        if (bytes == null) {
            return;
        }
        List<String> texts = new ArrayList<>();
        texts.add(new String(bytes, StandardCharsets.UTF_8));
        try {
            collectDecoded(Json.mapper().readTree(bytes), texts);
        } catch (Exception notJson) {
            // the bytes alone
        }
        for (String text : texts) {
            for (String marker : markers) {
                assertThat(text.toUpperCase(Locale.ROOT))
                        .as("%s holds the marker", where)
                        .doesNotContain(marker);
            }
        }
    }

    private static void collectDecoded(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            try {
                byte[] decoded = Base64.getDecoder().decode(node.textValue());
                out.add(new String(decoded, StandardCharsets.UTF_8));
                collectDecoded(Json.mapper().readTree(decoded), out);
            } catch (Exception notBase64) {
                // plain text, checked as part of the whole
            }
            return;
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collectDecoded(it.next(), out);
        }
    }
}
