package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Json;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;

public class PipelineEndToEndTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = miniCluster();

    /** A MiniCluster with two slots whose jobs fail fast: a failing job must not restart forever in a test. */
    public static MiniClusterExtension miniCluster() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .setConfiguration(config)
                .build());
    }

    /** Settings for one isolated run on a shared broker: topics, group and transactional ids of its own. */
    public static PipelineSettings isolatedRun(LocalKafka kafka) {
        return isolatedRun(kafka, true);
    }

    /** @param bounded read the raw topic to its current end and stop, or run until cancelled */
    public static PipelineSettings isolatedRun(LocalKafka kafka, boolean bounded) {
        return isolatedRun(kafka, bounded, Map.of());
    }

    /** @param overrides further settings of this run (e.g. a short source idleness) */
    public static PipelineSettings isolatedRun(LocalKafka kafka, boolean bounded, Map<String, String> overrides) {
        return isolatedRun(kafka, bounded, overrides, 2);
    }

    /** @param partitions of each topic (a replay's raw topic has one, so that the file's order is the stream's) */
    public static PipelineSettings isolatedRun(
            LocalKafka kafka, boolean bounded, Map<String, String> overrides, int partitions) {
        Map<String, String> values = new TreeMap<>(
                PipelineKeys.isolatedRun("test-" + UUID.randomUUID().toString().substring(0, 8)));
        values.put(PipelineKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        values.put(PipelineKeys.CHECKPOINT_INTERVAL, "PT1S");
        values.put(PipelineKeys.PARALLELISM, "2");
        values.put(PipelineKeys.BOUNDED, Boolean.toString(bounded));
        values.putAll(overrides);
        PipelineSettings settings = PipelineSettings.from(values);
        settings.topicPartitions(partitions).forEach((topic, count) -> kafka.createTopics(count, topic));
        return settings;
    }

    @Test
    void passesEveryValidSignalOnceAndDeadLettersEveryMalformedOneWithItsReason(LocalKafka kafka) throws Exception {
        PipelineSettings settings = isolatedRun(kafka);
        MixedSignalBatch batch = new MixedSignalBatch();
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
            batch.publishTo(publisher);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PipelineJob.wire(env, settings);
        env.execute("end-to-end test");

        List<ConsumerRecord<byte[], byte[]>> incidents =
                TopicContents.committed(kafka.bootstrapServers(), settings.incidentTopic());
        List<String> partnerAssessments = new ArrayList<>();
        Map<String, Set<String>> otherIdsByKind = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : incidents) {
            JsonNode incident = Json.mapper().readTree(record.value());
            assertThat(ContractSchemas.INCIDENT_V1.violations(incident)).isEmpty();
            assertThat(new String(record.key(), StandardCharsets.UTF_8))
                    .isEqualTo(incident.get("id").asText());
            if (incident.get("kind").asText().equals("partner-assessment")) {
                partnerAssessments.add(incident.get("id").asText());
            } else {
                otherIdsByKind
                        .computeIfAbsent(incident.get("kind").asText(), k -> new TreeSet<>())
                        .add(incident.get("id").asText());
            }
        }
        assertThat(partnerAssessments).hasSize(MixedSignalBatch.VALID).doesNotHaveDuplicates();
        assertThat(new HashSet<>(partnerAssessments)).isEqualTo(batch.expectedIncidentIds());
        // 950 signals labelled incitement by 97 accounts within 16 minutes are also one surge (updated a few times)
        assertThat(otherIdsByKind).containsOnlyKeys("surge");
        assertThat(otherIdsByKind.get("surge")).containsExactly(MixedSignalBatch.EXPECTED_SURGE);

        List<ConsumerRecord<byte[], byte[]>> deadLetters =
                TopicContents.committed(kafka.bootstrapServers(), settings.deadLetterTopic());
        assertThat(deadLetters).hasSize(MixedSignalBatch.MALFORMED);
        for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
            JsonNode letter = Json.mapper().readTree(record.value());
            assertThat(ContractSchemas.DEAD_LETTER_V1.violations(letter)).isEmpty();
            MixedSignalBatch.Malformed sent =
                    batch.malformedWithBytes(letter.get("original_base64").asText());
            assertThat(sent)
                    .as("dead letter keeps the original bytes exactly: %s", letter.get("reason"))
                    .isNotNull();
            assertThat(letter.get("reason").asText()).contains(sent.reasonSays());
            assertThat(letter.get("topic").asText()).isEqualTo(settings.rawTopic());
        }
    }
}
