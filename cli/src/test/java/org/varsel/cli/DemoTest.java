package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.cli.demo.Demo;
import org.varsel.cli.demo.DemoSample;
import org.varsel.contract.Json;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.local.PostgresDatabase;

/**
 * {@code ./varsel demo}: one call starts everything, incidents are served within 90 s, credentials are written; and it
 * is safe by default: no anonymous access, PostgreSQL with passwords and a non-superuser desk, loopback listeners.
 */
class DemoTest {

    @Test
    void startsTheWholeSystemAndServesTheSampleIncidentsWithin90Seconds(@TempDir Path state) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        DemoSample sample = DemoSample.bundled();
        long labelled =
                sample.entries().stream().filter(e -> e.signal().has("labels")).count();
        try (Demo demo = Demo.start(
                new Demo.Options(state, "127.0.0.1", 0, Optional.empty(), "varsel", "", 2, Optional.of(sample)),
                new PrintStream(progress, true, StandardCharsets.UTF_8))) {
            assertThat(progress.toString(StandardCharsets.UTF_8))
                    .contains("Kafka", "PostgreSQL", "Desk", "Pipeline", "Sample");
            DeskApi api = new DeskApi(demo.deskUrl());
            Path file = state.resolve("demo-credentials.json");
            JsonNode credentials = Json.mapper().readTree(file.toFile());
            String analystToken = credentials.get("analyst").get("token").asText();

            JsonNode all = api.awaitJson(
                    "/api/v1/incidents?limit=100",
                    Optional.of(analystToken),
                    Duration.ofSeconds(90),
                    page -> page.get("total").asInt() >= labelled);
            assertThat(all.get("items").findValuesAsText("kind")).contains("partner-assessment");

            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(credentials.get("partners")).hasSize(2);
            assertThat(credentials.get("analyst").get("user").asText()).isEqualTo("analyst");
            assertThat(credentials.get("analyst").get("password").asText()).hasSizeGreaterThan(12);
            assertThat(credentials.get("lead").get("user").asText()).isEqualTo("lead");

            String ngoB = credentials.get("partners").get(1).get("token").asText();
            JsonNode partnerView = api.getJson("/api/v1/incidents?limit=100", Optional.of(ngoB));
            assertThat(partnerView.get("total").asInt())
                    .isPositive()
                    .isLessThan(all.get("total").asInt());
            partnerView
                    .get("items")
                    .forEach(item -> assertThat(item.get("sources").toString()).contains("partner:ngo-b"));
            assertThat(api.getJson("/api/v1/incidents?limit=1", Optional.of(analystToken))
                            .get("total")
                            .asInt())
                    .isEqualTo(all.get("total").asInt());
        }
    }

    @Test
    void theDemoIsSafeByDefault(@TempDir Path state) throws Exception {
        try (Demo demo = Demo.start(
                new Demo.Options(state, "127.0.0.1", 0, Optional.empty(), "varsel", "", 1, Optional.empty()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            DeskApi api = new DeskApi(demo.deskUrl());
            for (String path : List.of(
                    "/api/v1/incidents",
                    "/api/v1/incidents/inc-x",
                    "/api/v1/audit",
                    "/api/v1/rules/precision",
                    "/api/v1/rejected-messages",
                    "/api/v1/child-safety/stats")) {
                assertThat(api.get(path, Optional.empty()).statusCode())
                        .as("anonymous GET " + path)
                        .isEqualTo(401);
            }

            PostgresDatabase database = demo.database().orElseThrow();
            assertThat(database.user()).isEqualTo("varsel_desk");
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet role = statement.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles"
                            + " WHERE rolname = current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3)))
                        .containsOnly(false);
            }
            for (String user : List.of("postgres", "varsel_desk")) {
                assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), user, "wrong")
                                .close())
                        .as("%s with a wrong password", user)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password");
            }

            List<ListeningSockets.Socket> sockets =
                    ListeningSockets.heldBy(ListeningSockets.processesOfThisJvmAnd(state.toString()));
            URI desk = URI.create(demo.deskUrl());
            URI kafka = URI.create("kafka://" + demo.kafkaBootstrap());
            URI postgres = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            assertThat(sockets)
                    .extracting(ListeningSockets.Socket::port)
                    .as("the check sees the desk, Kafka and PostgreSQL (else it proves nothing)")
                    .contains(desk.getPort(), kafka.getPort(), postgres.getPort());
            assertThat(sockets)
                    .as("listening sockets on a non-loopback address")
                    .allMatch(ListeningSockets.Socket::isLoopback);

            assertTheBrokerTakesEachPrincipalForItsPartOnly(demo);
        }
    }

    /** SASL/SCRAM with ACLs: no anonymous client, and intake cannot forge incidents for the desk to store. */
    private static void assertTheBrokerTakesEachPrincipalForItsPartOnly(Demo demo) throws Exception {
        assertThat(Files.getPosixFilePermissions(demo.kafkaLoginsFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(demo.kafkaLoginsFile()))
                .contains(demo.kafkaLogins().pipeline().password());
        assertThatThrownBy(() -> send(demo, KafkaLogin.none(), Topics.SIGNALS_RAW))
                .as("an unauthenticated client")
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThatThrownBy(() -> send(demo, demo.kafkaLogins().intake(), Topics.INCIDENTS))
                .as("intake writing an incident")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(demo, demo.kafkaLogins().desk(), Topics.SIGNALS_RAW))
                .as("the desk writing a raw signal")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static void send(Demo demo, KafkaLogin login, String topic) throws Exception {
        Properties properties = login.clientProperties(demo.kafkaBootstrap());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "{\"forged\":true}".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }
}
