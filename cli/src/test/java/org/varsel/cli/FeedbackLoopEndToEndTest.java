package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Role;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;
import org.varsel.pipeline.PipelineEndToEndTest;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.TopicContents;
import org.varsel.pipeline.correlate.IncidentIds;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The loop closed, with the real broker, job and desk: an analyst dismisses an incident in the desk; the desk's
 * FeedbackPublisher puts the verdict on varsel.feedback; the running job reads it, proposes the rule for shadow mode
 * (shown on the desk's rule-precision API with its counts and interval) and marks the next near-duplicate post
 * {@code suppressed_by} the dismissed incident, which the desk files last in its queue.
 */
class FeedbackLoopEndToEndTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    static final String RULE = "ds-en-dehumanise-vermin";
    static final String ORIGINAL =
            "These migrants are nothing but vermin crawling into our towns and villages every night";
    static final String NEAR_DUPLICATE =
            "These migrants are nothing but vermin crawling into our towns and villages every night again";
    static final String UNRELATED =
            "Those refugees are a plague on the whole region and the council just watches it happen";

    @Test
    void aDismissalInTheDeskProposesTheRuleForShadowModeAndSuppressesTheNextNearDuplicate(
            LocalKafka kafka, PostgresDatabase db) throws Exception {
        // the desk publishes to and reads the system's feedback and rule-precision topics; one verdict suffices here
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(
                kafka,
                false,
                Map.of(
                        PipelineKeys.FEEDBACK_TOPIC, Topics.FEEDBACK,
                        PipelineKeys.RULE_PRECISION_TOPIC, Topics.RULE_PRECISION,
                        PipelineKeys.FEEDBACK_MIN_VERDICTS, "1",
                        PipelineKeys.FEEDBACK_PRECISION_FLOOR, "0.9",
                        PipelineKeys.FEEDBACK_REPORT_INTERVAL, "PT1S",
                        PipelineKeys.SOURCE_IDLENESS, "PT2S"));
        Instant observed = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        JobClient job = PipelineJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        try (Desk desk = Desk.start(RunDesk.settings(kafka, db, settings))) {
            String partner = desk.credentials()
                    .createPartner("ngo-a", "NGO A", Optional.empty(), Tlp.AMBER, "test")
                    .token();
            String analyst = desk.credentials()
                    .createUser("ana", "a long passphrase".toCharArray(), Role.ANALYST, Optional.empty(), "test")
                    .token();
            DeskApi api = new DeskApi("http://127.0.0.1:" + desk.port());

            post(api, partner, "original", ORIGINAL, observed);
            String original = IncidentIds.of(IncidentKind.HIGH_SEVERITY, SignalIds.of("partner:ngo-a", "original"));
            JsonNode first = awaitIncident(api, analyst, original);
            assertThat(first.toString()).contains(RULE);
            assertThat(first.has("suppressed_by")).isFalse();

            HttpResponse<String> dismissed = api.post(
                    "/api/v1/incidents/" + original + "/status",
                    analyst,
                    "application/json",
                    Json.mapper()
                            .createObjectNode()
                            .put("status", "dismissed")
                            .put("reason", "a quoted line from a novel")
                            .toString());
            assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);

            // the pipeline read the verdict: one dismissal of one, 0 % (0-79 %), below the floor of 90 % → proposal
            JsonNode rules = api.awaitJson(
                    "/api/v1/rules/precision",
                    Optional.of(analyst),
                    Duration.ofSeconds(120),
                    page -> rule(page)
                            .map(r -> r.path("proposal").asText().equals("shadow"))
                            .orElse(false));
            JsonNode vermin = rule(rules).orElseThrow();
            assertThat(vermin.get("dismissed").asLong()).isEqualTo(1);
            assertThat(vermin.get("confirmed").asLong()).isZero();
            assertThat(vermin.get("precision_upper").asDouble()).isBetween(0.78, 0.80);
            assertThat(vermin.get("hits").asLong()).isEqualTo(1);
            assertThat(vermin.get("reason").asText()).contains("0 of 1 confirmed");
            assertThat(TopicContents.committed(kafka.bootstrapServers(), Topics.RULE_PRECISION))
                    .allSatisfy(record -> assertThat(ContractSchemas.RULE_PRECISION_V1.violations(
                                    Json.mapper().readTree(record.value())))
                            .isEmpty());

            // a near-duplicate by another account: filed as suppressed, not alerted again; unrelated content is not
            post(api, partner, "again", NEAR_DUPLICATE, observed.plusSeconds(60));
            post(api, partner, "unrelated", UNRELATED, observed.plusSeconds(61));
            String again = IncidentIds.of(IncidentKind.HIGH_SEVERITY, SignalIds.of("partner:ngo-a", "again"));
            String unrelated = IncidentIds.of(IncidentKind.HIGH_SEVERITY, SignalIds.of("partner:ngo-a", "unrelated"));
            JsonNode suppressed = awaitIncident(api, analyst, again);
            assertThat(suppressed.path("suppressed_by").asText()).isEqualTo(original);
            JsonNode other = awaitIncident(api, analyst, unrelated);
            assertThat(other.has("suppressed_by")).isFalse();

            JsonNode queue = api.getJson("/api/v1/incidents?limit=50", Optional.of(analyst));
            JsonNode items = queue.get("items");
            assertThat(items.get(items.size() - 1).get("id").asText())
                    .as("the suppressed near-duplicate comes last")
                    .isEqualTo(again);
        } finally {
            job.cancel().get();
        }
    }

    private static JsonNode awaitIncident(DeskApi api, String analyst, String id) throws Exception {
        api.awaitJson(
                "/api/v1/incidents?limit=50",
                Optional.of(analyst),
                Duration.ofSeconds(120),
                page -> page.get("items").toString().contains(id));
        return api.getJson("/api/v1/incidents/" + id, Optional.of(analyst));
    }

    private static Optional<JsonNode> rule(JsonNode page) {
        for (JsonNode item : page.path("items")) {
            if (item.path("rule_id").asText().equals(RULE)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static void post(DeskApi api, String partner, String externalId, String text, Instant observed)
            throws Exception {
        JsonNode signal = Json.mapper()
                .createObjectNode()
                .put("external_id", externalId)
                .put("observed_at", observed.toString())
                .put("url", "https://x.com/someone/status/" + Math.abs(externalId.hashCode()))
                .put("platform", "x")
                .put("text", text)
                .put("language", "en")
                .set("author", Json.mapper().createObjectNode().put("handle", "@poster-" + externalId));
        HttpResponse<String> accepted = api.post("/api/v1/signals", partner, "application/json", signal.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }
}
