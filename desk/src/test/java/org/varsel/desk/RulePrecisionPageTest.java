package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.DeskClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Json;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** The rule-precision page: counts and a Wilson interval from the desk's verdicts, and the pipeline's hits and proposals. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class RulePrecisionPageTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void oneStrayDismissalShowsItsCountAndIntervalNotZeroPercentAndThePipelinesProposalShowsWithItsHits(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        try (Desk desk = Desk.start(DeskTestSupport.config(kafka, database));
                KafkaProducer<byte[], byte[]> producer = DeskTestSupport.producer(kafka, false)) {
            desk.credentials()
                    .createUser("ana", "analyst passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "t");
            desk.credentials().createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "t");
            DeskClient client = new DeskClient(desk.port());
            Caller analyst = client.login("ana", "analyst passphrase");
            String id = TestIncidents.newId();
            desk.incidents()
                    .upsert(List.of(TriageIncidents.campaign(
                            id, 1, "vermin", "dehumanisation", Tier.HIGH, "they are vermin", "https://e.org/1")));
            String dismissal = Json.mapper()
                    .createObjectNode()
                    .put("status", "dismissed")
                    .put("reason", "satire")
                    .toString();
            assertThat(client.post("/api/v1/incidents/" + id + "/status", analyst, dismissal)
                            .statusCode())
                    .isEqualTo(200);

            JsonNode vermin = json(client.get("/api/v1/rules/precision", analyst))
                    .get("items")
                    .get(0);
            assertThat(vermin.get("rule_id").asText()).isEqualTo("r-vermin");
            assertThat(vermin.get("dismissed").asLong()).isEqualTo(1);
            assertThat(vermin.get("decided").asLong()).isEqualTo(1);
            assertThat(vermin.get("precision_lower").asDouble()).isZero();
            assertThat(vermin.get("precision_upper").asDouble()).isBetween(0.79, 0.80);
            assertThat(client.get("/rules", analyst).body())
                    .contains("0 % (0–79 %)")
                    .doesNotContain("shadow mode</strong>");

            publish(
                    producer,
                    new RulePrecisionUpdate(
                            RulePrecisionUpdate.SCHEMA,
                            "r-vermin",
                            0,
                            12,
                            0.0,
                            0.0,
                            0.24,
                            40,
                            0,
                            RulePrecisionUpdate.PROPOSE_SHADOW,
                            "0 of 12 confirmed (0 %, 95 % interval 0-24 %)",
                            Instant.now()));
            producer.send(new ProducerRecord<>(
                            Topics.RULE_PRECISION,
                            "broken".getBytes(StandardCharsets.UTF_8),
                            "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            publish(
                    producer,
                    new RulePrecisionUpdate(
                            RulePrecisionUpdate.SCHEMA,
                            "r-trial",
                            0,
                            0,
                            null,
                            0.0,
                            1.0,
                            0,
                            5,
                            null,
                            null,
                            Instant.now()));

            String page = awaitPage(client, analyst, body -> body.contains("r-trial"));
            assertThat(page)
                    .contains(
                            "<strong>shadow mode</strong>: 0 of 12 confirmed",
                            "<td class=\"num\">40</td>",
                            "<td class=\"num\">5</td>");
            assertThat(page.indexOf("r-vermin")).as("proposals first").isLessThan(page.indexOf("r-trial"));
            JsonNode items =
                    json(client.get("/api/v1/rules/precision", analyst)).get("items");
            assertThat(items.get(0).get("proposal").asText()).isEqualTo("shadow");
            assertThat(items.get(0).get("hits").asLong()).isEqualTo(40);
            assertThat(items.get(0).get("dismissed").asLong())
                    .as("the desk's own verdicts count")
                    .isEqualTo(1);
        }
    }

    private static void publish(KafkaProducer<byte[], byte[]> producer, RulePrecisionUpdate update) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.RULE_PRECISION,
                        update.ruleId().getBytes(StandardCharsets.UTF_8),
                        Json.mapper().writeValueAsBytes(update)))
                .get();
    }

    private static String awaitPage(DeskClient client, Caller caller, java.util.function.Predicate<String> done)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = client.get("/rules", caller).body();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the rules page did not show the pipeline's updates within " + TIMEOUT + ": " + body);
    }
}
