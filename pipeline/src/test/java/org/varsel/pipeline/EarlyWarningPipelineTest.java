package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.Json;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * Weeks of partner-labelled threats through the whole topology on a MiniCluster, fed from a collection (no broker: the
 * Kafka path is PipelineEndToEndTest's and IncidentsEndToEndTest's): a slow rise against one
 * group in one region opens early warnings (for the group, and for the group in that region); a spike against another
 * group (fifty in one day) does not, neither per day nor per week. Every update is valid incident.v1 and written once.
 */
class EarlyWarningPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    /** A Monday. */
    static final Instant WEEK0 = Instant.parse("2026-03-02T00:00:00Z");

    static final List<Integer> BASELINE = List.of(9, 11, 10, 12, 8, 10, 11, 9, 10, 10);

    @Test
    void aSlowRiseOpensEarlyWarningsAndASpikeDoesNot() throws Exception {
        // a replay's event time: a watermark after every signal, from the signals alone
        PipelineSettings settings = PipelineSettings.from(
                Map.of("pipeline.parallelism", "2", "pipeline.event-time.watermarks", "per-record"));
        List<IncidentsEndToEndTest.Raw> raws = new ArrayList<>();
        raws.addAll(weeks("migrants", "north", concat(BASELINE, List.of(12, 14, 17, 19, 22, 24, 27))));
        raws.addAll(weeks("journalists", "south", concat(BASELINE, List.of(10, 10, 11, 9, 10, 10, 11))));
        raws.addAll(oneDay("journalists", "south", WEEK0.plus(Duration.ofDays(7 * 10 + 2)), 50));
        raws.sort(Comparator.comparing(IncidentsEndToEndTest.Raw::at));
        List<RawSignal> records = new ArrayList<>();
        for (IncidentsEndToEndTest.Raw raw : raws) {
            records.add(new RawSignal(
                    raw.json().getBytes(StandardCharsets.UTF_8),
                    raw.source(),
                    IncidentsEndToEndTest.RECEIVED,
                    settings.rawTopic(),
                    0,
                    records.size()));
        }

        PipelineOnCollections.Written written = PipelineOnCollections.run(settings, records);

        assertThat(written.deadLetters()).isEmpty();
        List<JsonNode> warnings = IncidentsEndToEndTest.latestIncidents(written.incidents().stream()
                        .map(IncidentCodec::toJsonBytes)
                        .toList())
                .values()
                .stream()
                .filter(i -> i.get("kind").asText().equals("early-warning"))
                .toList();
        assertThat(warnings)
                .extracting(w -> w.at("/trend/target_group").asText() + "@"
                        + w.at("/trend/region").asText("*") + " "
                        + w.at("/trend/period").asText())
                .containsExactlyInAnyOrder("migrants@* P7D", "migrants@north P7D");
        JsonNode overall = warnings.stream()
                .filter(w -> w.at("/trend/region").isMissingNode())
                .findFirst()
                .orElseThrow();
        assertThat(overall.at("/trend/series").size()).isGreaterThan(BASELINE.size());
        assertThat(overall.at("/evidence/signals").size()).isPositive();
        assertThat(overall.get("target_groups").toString()).contains("migrants");
    }

    static List<Integer> concat(List<Integer> first, List<Integer> then) {
        List<Integer> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** A spike: {@code count} signals against the group within one day. */
    static List<IncidentsEndToEndTest.Raw> oneDay(String group, String region, Instant day, int count) {
        List<IncidentsEndToEndTest.Raw> raws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            raws.add(raw(group, region, "spike-" + i, day.plus(Duration.ofMinutes(20L * i))));
        }
        return raws;
    }

    /** Per week, that many signals labelled as threats against the group (low confidence: no assessment of their own). */
    static List<IncidentsEndToEndTest.Raw> weeks(String group, String region, List<Integer> counts) {
        List<IncidentsEndToEndTest.Raw> raws = new ArrayList<>();
        for (int w = 0; w < counts.size(); w++) {
            int count = counts.get(w);
            for (int i = 0; i < count; i++) {
                raws.add(raw(group, region, w + "-" + i, WEEK0.plus(Duration.ofMinutes((long)
                        (7 * 24 * 60 * (w + (i + 0.5) / count))))));
            }
        }
        return raws;
    }

    static IncidentsEndToEndTest.Raw raw(String group, String region, String name, Instant at) {
        String id = group + "-" + name;
        String json = """
        {"external_id": "%s", "kind": "post", "observed_at": "%s", "platform": "x", "author": {"handle": "%s"},
         "text": %s, "language": "en", "tlp": "GREEN", "region": "%s",
         "labels": {"category": "threat", "target_groups": ["%s"], "confidence": 40}}
        """.formatted(
                        id,
                        at,
                        id + "-account",
                        Json.mapper()
                                .valueToTree("post " + name + " about the " + group)
                                .toString(),
                        region,
                        group);
        return new IncidentsEndToEndTest.Raw(at, "partner:ngo-ew", id, json);
    }
}
