package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Json;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.io.KafkaEndpoints;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * A running job takes a new rule pack from varsel.rules without a restart, with the document analysis of the new pack
 * (its {@code =expelled}, which no rule of the job's first pack writes, is a term of the signals after the reload);
 * shadow rules never reach incidents.
 */
class RuleHotReloadTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    /** A guard against a job that makes no progress, not a check: the waits follow the job's checkpoints. */
    private static final Duration HUNG = Duration.ofMinutes(5);

    static final String NEW_RULES = """
      rules:
        - id: test-zorblax-expulsion
          title: Calls to expel the zorblax
          description: Calls for the zorblax to be expelled ({matched}).
          query: zorblax AND =expelled
          languages: [en]
          category: incitement
          tags: [topic:call-to-violence]
          severity: 4
          tlp: GREEN
          status: active
          owner: test
          examples:
            match: ["the zorblax must be expelled", "expelled, every zorblax", "zorblax out, expelled"]
            no_match: ["the zorblax are our neighbours", "expel every zorblax now", "zorblax expelling"]
        - id: test-glimmerfen-shadow
          title: Mentions of glimmerfen (shadow trial)
          description: Mentions glimmerfen ({matched}).
          query: glimmerfen AND (burn OR burned)
          languages: [en]
          category: incitement
          tags: [topic:call-to-violence]
          severity: 5
          tlp: GREEN
          status: shadow
          owner: test
          examples:
            match: ["burn glimmerfen down", "glimmerfen should be burned", "burn it all, glimmerfen first"]
            no_match: ["glimmerfen is lovely in spring", "I burned the toast", "visit glimmerfen"]
      """;

    @Test
    void aPushedPackTakesEffectWithoutRestartShadowHitsStayOutOfIncidentsAndABrokenPackIsRefused(
            LocalKafka kafka, @TempDir Path dir) throws Exception {
        PipelineSettings settings = PipelineEndToEndTest.isolatedRun(kafka, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PipelineJob.wire(env, settings);
        JobClient job = env.executeAsync("hot reload test");
        try (RawSignalPublisher signals = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic());
                KafkaProducer<byte[], byte[]> rules = producer(kafka)) {
            publish(signals, "before", "the zorblax must be expelled, burn glimmerfen down");
            awaitCheckpointedPast(kafka, settings, settings.kafkaGroup(), settings.rawTopic(), job);
            JsonNode before = incidentsOf(kafka, settings, "before").stream()
                    .filter(i -> i.get("kind").asText().equals("partner-assessment"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no partner-assessment incident of 'before'"));
            assertThat(before.path("rule_hits").toString()).doesNotContain("test-zorblax-expulsion");

            rules.send(new ProducerRecord<>(
                            settings.rulesTopic(),
                            "default".getBytes(StandardCharsets.UTF_8),
                            "{not a pack".getBytes(StandardCharsets.UTF_8)))
                    .get();
            Files.writeString(dir.resolve("pack.yaml"), NEW_RULES);
            RulePack bundled = BundledRules.load();
            RulePack trial = BundledRules.fromDirectory(dir);
            RulePack combined = RulePack.of("default", concat(bundled, trial), bundled.lexicons());
            rules.send(new ProducerRecord<>(
                            settings.rulesTopic(), "default".getBytes(StandardCharsets.UTF_8), combined.toJson()))
                    .get();
            // A checkpoint past the pack: with aligned barriers the rule matcher took the pack before that checkpoint,
            // so every signal read after it meets the new pack; one signal, no retries.
            awaitCheckpointedPast(kafka, settings, KafkaEndpoints.rulePacksGroup(settings), settings.rulesTopic(), job);
            publish(signals, "after", "the zorblax must be expelled, burn glimmerfen down");
            awaitCheckpointedPast(kafka, settings, settings.kafkaGroup(), settings.rawTopic(), job);

            JsonNode after = incidentsOf(kafka, settings, "after").stream()
                    .filter(i -> i.path("rule_hits").toString().contains("test-zorblax-expulsion"))
                    .findFirst()
                    .orElse(null);
            assertThat(after).as("an incident matched by the pushed rule").isNotNull();
            assertThat(after.path("rule_hits").get(0).path("pack_version").asText())
                    .isEqualTo(combined.version());
            assertThat(after.path("evidence")
                            .path("signals")
                            .get(0)
                            .path("matched_terms")
                            .toString())
                    .contains("zorblax");

            List<JsonNode> incidents = read(kafka, settings.incidentTopic());
            assertThat(incidents).noneMatch(i -> i.toString().contains("test-glimmerfen-shadow"));
            List<JsonNode> shadowHits = read(kafka, settings.shadowHitTopic());
            assertThat(shadowHits).anyMatch(h -> h.path("rule_id").asText().equals("test-glimmerfen-shadow"));

            List<JsonNode> deadLetters = read(kafka, settings.deadLetterTopic());
            assertThat(deadLetters)
                    .anyMatch(d -> d.path("reason").asText().startsWith("rule pack refused")
                            && d.path("original_text").asText().equals("{not a pack"));
        } finally {
            job.cancel().get();
        }
    }

    private static List<org.varsel.pipeline.rules.Rule> concat(RulePack a, RulePack b) {
        List<org.varsel.pipeline.rules.Rule> all = new ArrayList<>(a.rules());
        all.addAll(b.rules());
        return all;
    }

    private static void publish(RawSignalPublisher publisher, String externalId, String text) throws Exception {
        String body = """
        {"external_id": "%s", "observed_at": "%s", "text": "%s", "language": "en",
         "author": {"handle": "h-%s"}, "labels": {"category": "incitement", "confidence": 90}}
        """.formatted(externalId, Instant.now().minusSeconds(5), text, externalId);
        publisher.publish(
                "partner:ngo-a/" + externalId, body.getBytes(StandardCharsets.UTF_8), "partner:ngo-a", Instant.now());
        publisher.flush();
    }

    /** The job has checkpointed past everything {@code topic} holds and committed what it made of it. */
    private static void awaitCheckpointedPast(
            LocalKafka kafka, PipelineSettings settings, String group, String topic, JobClient job) throws Exception {
        JobProgress.awaitCheckpointedPast(
                kafka,
                group,
                topic,
                List.of(settings.incidentTopic(), settings.shadowHitTopic(), settings.deadLetterTopic()),
                HUNG,
                () -> "job " + job.getJobStatus().join());
    }

    /** The committed incident updates whose first signal is the one published as {@code externalId}. */
    private static List<JsonNode> incidentsOf(LocalKafka kafka, PipelineSettings settings, String externalId)
            throws Exception {
        return read(kafka, settings.incidentTopic()).stream()
                .filter(i -> i.path("evidence")
                        .path("signals")
                        .path(0)
                        .path("external_id")
                        .asText()
                        .equals(externalId))
                .toList();
    }

    private static List<JsonNode> read(LocalKafka kafka, String topic) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (var record : TopicContents.committed(kafka.bootstrapServers(), topic)) {
            nodes.add(Json.mapper().readTree(record.value()));
        }
        return nodes;
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalKafka kafka) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
