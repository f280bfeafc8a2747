package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.IncidentsEndToEndTest.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.IncidentsEndToEndTest.Raw;
import org.varsel.pipeline.settings.PipelineSettings;

/** Detectors that agree on one signal open one incident carrying every reason (the real job, MiniCluster, broker). */
class OneIncidentPerSignalTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String GRAVE = "Kill all the migrants at the border, every last one";

    @Test
    void aPartnerAssessedHighSeverityPostIsOneIncidentWithBothReasons(LocalKafka kafka) throws Exception {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka, true);
        String assessed = "{\"category\": \"incitement\", \"confidence\": 90, \"target_groups\": [\"migrants\"]}";
        IncidentsEndToEndTest.publish(
                kafka,
                settings,
                List.of(
                        new Raw(T0, "partner:ngo-a", "both", signal("both", T0, "grave-one", GRAVE, null, assessed)),
                        new Raw(
                                T0.plusSeconds(60),
                                "partner:ngo-a",
                                "assessed-only",
                                signal(
                                        "assessed-only",
                                        T0.plusSeconds(60),
                                        "quiet-one",
                                        "They are coming for our town next week, be ready",
                                        null,
                                        assessed)),
                        new Raw(
                                T0.plusSeconds(120),
                                "feed:x",
                                "grave-only",
                                signal("grave-only", T0.plusSeconds(120), "grave-two", GRAVE + " now", null, null))));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PipelineJob.wire(env, settings);
        env.execute("one incident per signal");

        Map<String, JsonNode> latest = IncidentsEndToEndTest.latestIncidents(kafka, settings);
        assertThat(incidentsHolding(latest, "both")).singleElement().satisfies(incident -> {
            assertThat(incident.get("kind").asText()).isEqualTo("high-severity");
            assertThat(incident.get("explanation").asText())
                    .contains(
                            "Single high-severity signal: rule",
                            "partner:ngo-a assessed this as incitement with confidence 90/100");
            assertThat(incident.at("/evidence/coordination/partner").asText()).isEqualTo("partner:ngo-a");
        });
        assertThat(incidentsHolding(latest, "assessed-only"))
                .singleElement()
                .satisfies(incident -> assertThat(incident.get("kind").asText()).isEqualTo("partner-assessment"));
        assertThat(incidentsHolding(latest, "grave-only"))
                .singleElement()
                .satisfies(incident -> assertThat(incident.get("kind").asText()).isEqualTo("high-severity"));
        assertThat(latest).hasSize(3);
    }

    private static List<JsonNode> incidentsHolding(Map<String, JsonNode> latest, String externalId) {
        return latest.values().stream()
                .filter(i -> i.at("/evidence/signals")
                        .findValuesAsText("external_id")
                        .contains(externalId))
                .toList();
    }
}
