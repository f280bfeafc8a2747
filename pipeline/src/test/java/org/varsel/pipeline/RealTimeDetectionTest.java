package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The job as a live system: unbounded, in wall-clock event time, with quiet spells longer than the source idleness
 * between bursts, and a partition that sits idle while the other stays busy and then rejoins. Every campaign detector
 * must fire for every burst, once.
 */
class RealTimeDetectionTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    static final Duration IDLENESS = Duration.ofSeconds(1);
    static final Duration PAUSE = IDLENESS.multipliedBy(5);
    static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(120);
    static final int PARTITIONS = 2;
    static final int ACCOUNTS = 12;
    static final List<String> CAMPAIGN_KINDS = List.of("co-similar-text", "co-link", "hashtag-push", "surge");

    @Test
    void everyCampaignDetectorFiresOnceAfterEveryQuietSpellAndWhenAnIdlePartitionRejoins(LocalKafka kafka)
            throws Exception {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(
                kafka,
                false,
                Map.of(
                        "pipeline.event-time.source-idleness", "PT1S",
                        "pipeline.event-time.out-of-orderness", "PT5S"));
        JobClient job = PipelineJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), settings);
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
            // wave 1 after the job has started with both partitions idle
            Thread.sleep(PAUSE.toMillis());
            burst(publisher, "wave1", 0);
            awaitDetections(kafka, settings, "wave1");

            // the whole stream quiet for longer than the idleness
            Thread.sleep(PAUSE.toMillis());
            burst(publisher, "wave2", 0);
            awaitDetections(kafka, settings, "wave2");

            // partition 0 idle while partition 1 stays busy; then partition 0 rejoins with wave 3 while 1 is still busy
            Thread.sleep(PAUSE.toMillis());
            AtomicBoolean busy = new AtomicBoolean(true);
            Thread noise = new Thread(() -> {
                int n = 0;
                while (busy.get()) {
                    publish(publisher, "noise", n++, 1, "quiet note " + n);
                    sleep(Duration.ofMillis(100));
                }
            });
            noise.start();
            try {
                Thread.sleep(PAUSE.toMillis());
                burst(publisher, "wave3", 0);
                awaitDetections(kafka, settings, "wave3");
            } finally {
                busy.set(false);
                noise.join();
            }

            // the busy partition goes quiet too; then a burst on it
            Thread.sleep(PAUSE.toMillis());
            burst(publisher, "wave4", 1);
            awaitDetections(kafka, settings, "wave4");

            // a few more checkpoints: no second incident of any burst turns up late
            Thread.sleep(PAUSE.toMillis());
            Map<String, JsonNode> latest = IncidentsEndToEndTest.latestIncidents(kafka, settings);
            for (String wave : List.of("wave1", "wave2", "wave3", "wave4")) {
                assertThat(detections(latest, wave))
                        .as("incidents of %s", wave)
                        .allSatisfy((kind, ids) -> assertThat(ids)
                                .as("%s incidents of %s", kind, wave)
                                .hasSize(1))
                        .containsOnlyKeys(CAMPAIGN_KINDS);
            }
        } finally {
            job.cancel().get();
        }
    }

    /** Twelve accounts post the same text with the same link, a new hashtag and a new target group, at one instant. */
    static void burst(RawSignalPublisher publisher, String wave, int partition) throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < ACCOUNTS; i++) {
            String json =
                    """
          {"external_id": "%s", "kind": "post", "observed_at": "%s", "platform": "x", "author": {"handle": "%s"},
           "text": "Residents say the %s bridge was closed again tonight without any notice #%sNow",
           "url": "https://news.example/%s", "language": "en", "tlp": "GREEN",
           "labels": {"target_groups": ["%s-residents"], "confidence": 30}}
          """.formatted(keyOn(wave + "-", i, partition), now, wave + "-account-" + i, wave, wave, wave, wave);
            send(publisher, keyOn(wave + "-", i, partition), json);
        }
        publisher.flush();
    }

    static void publish(RawSignalPublisher publisher, String prefix, int n, int partition, String text) {
        String id = keyOn(prefix + "-", n, partition);
        send(publisher, id, """
        {"external_id": "%s", "kind": "post", "observed_at": "%s", "platform": "x", "author": {"handle": "%s"},
         "text": "%s", "language": "en", "tlp": "GREEN"}
        """.formatted(id, Instant.now(), prefix + "-account-" + n, text));
    }

    private static void send(RawSignalPublisher publisher, String externalId, String json) {
        publisher.publish("feed:x/" + externalId, json.getBytes(StandardCharsets.UTF_8), "feed:x", Instant.now());
    }

    /** An external id whose record key lands on {@code partition} (the producer's default partitioner: murmur2 of the key). */
    static String keyOn(String prefix, int n, int partition) {
        for (int salt = 0; ; salt++) {
            String id = prefix + n + "-" + salt;
            byte[] key = ("feed:x/" + id).getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return id;
            }
        }
    }

    static void awaitDetections(LocalKafka kafka, PipelineSettings settings, String wave) throws Exception {
        long deadline = System.nanoTime() + DETECTION_TIMEOUT.toNanos();
        Map<String, Set<String>> found = Map.of();
        while (System.nanoTime() < deadline) {
            found = detections(IncidentsEndToEndTest.latestIncidents(kafka, settings), wave);
            if (found.keySet().containsAll(CAMPAIGN_KINDS)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("after a quiet spell, " + wave + " was detected only by " + found.keySet() + " within "
                + DETECTION_TIMEOUT.toSeconds() + " s; expected " + CAMPAIGN_KINDS);
    }

    /**
     * Incident ids by detector kind whose campaign is this wave (surge: by its key, the wave's target group); a detector's
     * finding counts alone or inside the campaign that consolidated it (a campaign merged away counts in the survivor).
     */
    static Map<String, Set<String>> detections(Map<String, JsonNode> incidents, String wave) {
        Map<String, Set<String>> byKind = new TreeMap<>();
        for (JsonNode incident : incidents.values()) {
            if (incident.hasNonNull("merged_into")) {
                continue;
            }
            if ("campaign".equals(incident.get("kind").asText())) {
                for (JsonNode finding : incident.path("findings")) {
                    countIfOfWave(
                            byKind,
                            finding.get("kind").asText(),
                            finding.get("incident_id").asText(),
                            finding.path("subject").asText(),
                            finding.toString(),
                            wave);
                }
            } else {
                countIfOfWave(
                        byKind,
                        incident.get("kind").asText(),
                        incident.get("id").asText(),
                        incident.at("/evidence/coordination/surge_key").asText(),
                        incident.toString(),
                        wave);
            }
        }
        return byKind;
    }

    private static void countIfOfWave(
            Map<String, Set<String>> byKind, String kind, String id, String surgeKey, String json, String wave) {
        // a campaign's finding names its surge key with a space ("target x-residents"), the surge incident with a colon
        boolean ofWave = "surge".equals(kind)
                ? surgeKey.replace(':', ' ').equals("target " + wave + "-residents")
                : json.contains(wave);
        if (ofWave) {
            byKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(id);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
