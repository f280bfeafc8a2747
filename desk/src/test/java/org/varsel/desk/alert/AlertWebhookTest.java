package org.varsel.desk.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import org.varsel.local.WebhookReceiver;

/**
 * Threat-to-life alerts against a real webhook endpoint in this JVM and a real PostgreSQL: one JSON POST per incident
 * that reaches the tier, with the secret header, retried with backoff after failures, every attempt recorded.
 */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class AlertWebhookTest {
    private static final Instant SEEN = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aThreatToLifeIncidentIsPostedOnceRetriedAfterFailuresAndEveryAttemptIsRecorded(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(List.of(500, 503));
                Desk desk = start(
                        kafka,
                        database,
                        Map.of(
                                AlertConfig.FIRST_BACKOFF,
                                "PT0.2S",
                                AlertConfig.WEBHOOK_URL,
                                receiver.url("/alert").toString(),
                                AlertConfig.SECRET,
                                "s3cret"))) {
            desk.incidents()
                    .upsert(List.of(
                            incident("inc-ttl-1", 1, Tier.THREAT_TO_LIFE), incident("inc-high-1", 1, Tier.HIGH)));

            List<WebhookReceiver.Received> calls = List.of(
                    receiver.next(Duration.ofSeconds(30)),
                    receiver.next(Duration.ofSeconds(30)),
                    receiver.next(Duration.ofSeconds(30)));
            assertThat(calls).allSatisfy(call -> {
                assertThat(call.method()).isEqualTo("POST");
                assertThat(call.header("Content-Type")).isEqualTo("application/json");
                assertThat(call.header("X-Varsel-Alert-Secret")).isEqualTo("s3cret");
                assertThat(Json.mapper()
                                .readTree(call.body())
                                .get("incident_id")
                                .asText())
                        .isEqualTo("inc-ttl-1");
            });
            JsonNode body = Json.mapper().readTree(calls.get(2).body());
            assertThat(body.get("schema").asText()).isEqualTo("varsel.alert.v1");
            assertThat(body.get("attempt").asInt()).isEqualTo(3);
            assertThat(body.get("tier").asText()).isEqualTo("threat-to-life");
            assertThat(body.get("hallmarks").toString()).isEqualTo("[\"threat\"]");
            assertThat(body.get("tcap").toString()).isEqualTo("[\"place\",\"time\"]");
            assertThat(body.get("desk_path").asText()).isEqualTo("/incidents/inc-ttl-1");
            assertThat(body.has("evidence")).as("never the evidence text").isFalse();
            assertThat(body.has("title"))
                    .as("a campaign's title quotes its text")
                    .isFalse();

            Alert alert = awaitDelivery(desk, "inc-ttl-1", "delivered");
            assertThat(alert.deliveries())
                    .extracting(Delivery::statusCode)
                    .containsExactly(Optional.of(500), Optional.of(503), Optional.of(200));
            assertThat(alert.deliveries()).extracting(Delivery::delivered).containsExactly(false, false, true);
            assertThat(alert.deliveries().get(0).error()).contains("webhook answered HTTP 500");
            assertThat(alert.deliveries().get(1).attemptedAt())
                    .isAfterOrEqualTo(alert.deliveries().get(0).attemptedAt().plusMillis(150));

            // a newer version of the same incident raises no second alert; the high-tier incident raised none
            desk.incidents().upsert(List.of(incident("inc-ttl-1", 2, Tier.THREAT_TO_LIFE)));
            // no event says "nothing was sent": an absence is watched for three of the outbox drain's 500 ms polls
            Thread.sleep(1500);
            assertThat(receiver.drain()).isEmpty();
            assertThat(desk.alerts().unacknowledged())
                    .extracting(Alert::incidentId)
                    .contains("inc-ttl-1")
                    .doesNotContain("inc-high-1");
        }
    }

    @Test
    void aWebhookThatNeverAnswersWellEndsFailedAfterItsAttemptsAndTheIncidentIsStoredRegardless(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(List.of(500, 500, 500, 500));
                Desk desk = start(
                        kafka,
                        database,
                        Map.of(
                                AlertConfig.FIRST_BACKOFF,
                                "PT0.1S",
                                AlertConfig.MAX_ATTEMPTS,
                                "2",
                                AlertConfig.WEBHOOK_URL,
                                receiver.url("/alert").toString(),
                                AlertConfig.SECRET,
                                "s3cret"))) {
            desk.incidents().upsert(List.of(incident("inc-ttl-2", 1, Tier.THREAT_TO_LIFE)));
            Alert alert = awaitDelivery(desk, "inc-ttl-2", "failed");
            assertThat(alert.attempts()).isEqualTo(2);
            assertThat(alert.deliveries()).hasSize(2).noneMatch(Delivery::delivered);
            assertThat(desk.incidents().find("inc-ttl-2", org.varsel.desk.incident.Visibility.all()))
                    .isPresent();
            assertThat(alert.acknowledgedAt()).isEmpty(); // still on the banner: delivery failing is no acknowledgement
        }
    }

    @Test
    void onlyAnHttpUrlWithoutCredentialsIsAcceptedAsTheWebhook() {
        assertThatThrownBy(() -> alerts(Map.of(AlertConfig.WEBHOOK_URL, "file:///etc/passwd")))
                .hasMessageContaining("must be an http or https URL");
        assertThatThrownBy(() -> alerts(Map.of(AlertConfig.WEBHOOK_URL, "https://user:pw@hooks.example.org/x")))
                .hasMessageContaining("no user, password or fragment");
        assertThatThrownBy(() -> alerts(Map.of(AlertConfig.SECRET_HEADER, "X-Bad: header")))
                .hasMessageContaining("must be a header name");
        AlertConfig config = alerts(
                Map.of(AlertConfig.WEBHOOK_URL, "https://hooks.example.org/varsel", AlertConfig.SECRET, "s3cret"));
        assertThat(config.webhookUrl()).contains(URI.create("https://hooks.example.org/varsel"));
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.backoffAfter(40)).isEqualTo(AlertConfig.MAX_BACKOFF);
    }

    private static AlertConfig alerts(Map<String, String> keys) {
        return DeskSettings.fromMap(keys).alert();
    }

    private static Desk start(LocalKafka kafka, PostgresDatabase database, Map<String, String> alertKeys) {
        Map<String, String> keys = DeskSettings.embedded(
                database.jdbcUrl(), database.user(), database.password(), kafka.bootstrapServers());
        keys.put(DeskConfig.KAFKA_GROUP, "desk-alert-" + System.nanoTime());
        keys.put(DeskConfig.INCIDENT_TOPIC, "varsel.incidents.alert-" + System.nanoTime());
        keys.putAll(alertKeys);
        return Desk.start(DeskSettings.fromMap(keys));
    }

    private static Alert awaitDelivery(Desk desk, String incidentId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<Alert> alert = Optional.empty();
        while (System.nanoTime() < deadline) {
            alert = desk.alerts().find(incidentId);
            if (alert.isPresent() && alert.get().delivery().equals(state)) {
                return alert.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("alert of " + incidentId + " did not become " + state + ": " + alert);
    }

    private static Incident incident(String id, long version, Tier tier) {
        return Incident.builder()
                .id(id)
                .version(version)
                .kind(IncidentKind.HIGH_SEVERITY)
                .title("Call to violence that names a place")
                .firstSeen(SEEN)
                .lastSeen(SEEN)
                .updatedAt(SEEN.plusSeconds(version))
                .signalCount(1)
                .accountCount(1)
                .sources(List.of("partner:ngo-a"))
                .platforms(List.of("x"))
                .languages(List.of("en"))
                .categories(List.of("incitement"))
                .targetGroups(List.of("migrants"))
                .hallmarks(List.of("threat"))
                .tcap(List.of("place", "time"))
                .evidence(new Incident.Evidence(
                        List.of(), List.of(), List.of(), Map.of("trigger", "rule ttl-en-call-to-violence-at-a-place")))
                .severity(100)
                .tier(tier)
                .tlp(Tlp.AMBER)
                .explanation("Tier " + tier.label())
                .build();
    }
}
