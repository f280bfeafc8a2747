package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.desk.alert.AlertConfig;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import org.varsel.local.WebhookReceiver;
import org.varsel.pipeline.PipelineEndToEndTest;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.TopicContents;
import org.varsel.pipeline.correlate.IncidentIds;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * A single explicit threat that names a place and a time, posted through the desk's intake API, goes through the
 * real job (broker, MiniCluster, bundled rules and classifier) into the desk's queue as a threat-to-life incident
 * with its hallmark and TCAP tags, and the webhook alert fires; the same sentence quoted in counter-speech opens no
 * threat incident and no alert (docs/incidents.md, "Severity and tier"; docs/desk.md, "Alerts").
 */
class ThreatToLifeEndToEndTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    static final String THREAT =
            "Grab your guns and meet at the asylum centre in Holstebro on Saturday. Kill all the migrants";
    static final String COUNTER_SPEECH =
            "Someone wrote 'grab your guns ... kill all the migrants' — this is exactly the hate "
                    + "we must report and condemn";

    @Test
    void anExplicitThreatWithAPlaceAndATimeIsAThreatToLifeWithAnAlertAndItsCounterSpeechQuoteIsNot(
            LocalKafka kafka, PostgresDatabase db) throws Exception {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka);
        Instant observed = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        try (WebhookReceiver receiver = WebhookReceiver.start();
                Desk desk = Desk.start(RunDesk.settings(
                        kafka,
                        db,
                        settings,
                        Map.of(
                                AlertConfig.WEBHOOK_URL,
                                receiver.url("/hooks/varsel").toString(),
                                AlertConfig.SECRET,
                                "a shared secret")))) {
            String partner = desk.credentials()
                    .createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "test")
                    .token();
            String analyst = desk.credentials()
                    .createUser("ana", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "test")
                    .token();
            DeskApi api = new DeskApi("http://127.0.0.1:" + desk.port());
            for (String[] post :
                    List.of(new String[] {"threat-1", THREAT}, new String[] {"counter-1", COUNTER_SPEECH})) {
                HttpResponse<String> accepted =
                        api.post("/api/v1/signals", partner, "application/json", signal(post[0], post[1], observed));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            }

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            PipelineJob.wire(env, settings);
            env.execute("threat to life");

            String threatSignal = SignalIds.of("partner:ngo-a", "threat-1");
            String counterSignal = SignalIds.of("partner:ngo-a", "counter-1");
            List<Incident> fromThePipeline = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record :
                    TopicContents.committed(kafka.bootstrapServers(), settings.incidentTopic())) {
                fromThePipeline.add(IncidentCodec.fromJson(record.value()));
            }
            assertThat(fromThePipeline)
                    .filteredOn(i -> holds(i, counterSignal))
                    .as("the counter-speech quote opens no threat incident")
                    .noneMatch(i -> i.tier() == Tier.THREAT_TO_LIFE)
                    .noneMatch(i -> i.kind() == IncidentKind.HIGH_SEVERITY
                            && i.evidence().coordination().get("trigger").contains("rule "));

            // the threat, in the analysts' queue
            String threatId = IncidentIds.of(IncidentKind.HIGH_SEVERITY, threatSignal);
            JsonNode queue = api.awaitJson(
                    "/api/v1/incidents?limit=50",
                    Optional.of(analyst),
                    Duration.ofSeconds(90),
                    page -> page.get("items").toString().contains(threatId));
            assertThat(queue.get("items").get(0).get("id").asText())
                    .as("threat to life leads the queue")
                    .isEqualTo(threatId);
            JsonNode incident = api.getJson("/api/v1/incidents/" + threatId, Optional.of(analyst));
            assertThat(incident.get("tier").asText()).isEqualTo("threat-to-life");
            assertThat(strings(incident.get("hallmarks"))).contains("threat");
            assertThat(strings(incident.get("tcap"))).contains("time", "place", "means");
            assertThat(incident.get("explanation").asText())
                    .contains("Tier threat-to-life: a threat or call to violence", "names a time, a place, a means");

            // the alert: one webhook call for the threat, with the secret, and none for the quote
            WebhookReceiver.Received call = receiver.next(Duration.ofSeconds(60));
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/hooks/varsel");
            assertThat(call.header("X-Varsel-Alert-Secret")).isEqualTo("a shared secret");
            JsonNode alert = Json.mapper().readTree(call.body());
            assertThat(alert.get("schema").asText()).isEqualTo("varsel.alert.v1");
            assertThat(alert.get("incident_id").asText()).isEqualTo(threatId);
            assertThat(alert.get("tier").asText()).isEqualTo("threat-to-life");
            assertThat(strings(alert.get("hallmarks"))).contains("threat");
            assertThat(call.body()).doesNotContain("Holstebro"); // labels and a link, never the evidence text
            JsonNode alerts = api.awaitJson(
                    "/api/v1/alerts",
                    Optional.of(analyst),
                    Duration.ofSeconds(30),
                    a -> a.get("items").size() == 1
                            && a.get("items").get(0).get("delivery").asText().equals("delivered"));
            assertThat(alerts.get("items").get(0).get("incident_id").asText()).isEqualTo(threatId);
            assertThat(receiver.drain()).isEmpty();
        }
    }

    private static boolean holds(Incident incident, String signalId) {
        return incident.evidence().signals().stream().anyMatch(s -> s.signalId().equals(signalId));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String signal(String externalId, String text, Instant observed) {
        var node = Json.mapper().createObjectNode();
        node.put("external_id", externalId);
        node.put("observed_at", observed.toString());
        node.put("url", "https://x.com/someone/status/" + Math.abs(externalId.hashCode()));
        node.put("platform", "x");
        node.putObject("author").put("handle", "@poster-" + externalId);
        node.put("text", text);
        node.put("language", "en");
        return node.toString();
    }
}
