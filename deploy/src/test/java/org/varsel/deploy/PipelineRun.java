package org.varsel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.local.FlinkRest;
import org.varsel.local.KafkaBrokers;
import org.varsel.pipeline.MixedSignalBatch;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.TopicContents;
import org.varsel.pipeline.privacy.PrivacySettings;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * One deployment of the pipeline job on a cluster, as an operator would do it: topics of its own, a settings file
 * (the job's only argument), the job jar run through the REST API; and what its topics hold.
 */
final class PipelineRun {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int PARTITIONS = 2;

    final String raw;
    final String deadLetters;
    final String incidents;
    final String group;
    final Path settingsFile;
    private final KafkaBrokers kafka;
    private final FlinkRest flink;
    private String jobId;

    private PipelineRun(KafkaBrokers kafka, FlinkRest flink, Path directory) throws IOException {
        this.kafka = kafka;
        this.flink = flink;
        String run = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new LinkedHashMap<>(PipelineKeys.isolatedRun(run));
        settings.put(PipelineKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        settings.put(PipelineKeys.CHECKPOINT_INTERVAL, "PT1S");
        settings.put(PipelineKeys.PARALLELISM, "2");
        settings.put(PipelineKeys.BOUNDED, "false");
        settings.put(PrivacySettings.HANDLE_KEY, "test-handle-key-of-the-deploy-tests-0123456789");
        this.raw = settings.get(PipelineKeys.RAW_TOPIC);
        this.deadLetters = settings.get(PipelineKeys.DLQ_TOPIC);
        this.incidents = settings.get(PipelineKeys.INCIDENT_TOPIC);
        this.group = settings.get(PipelineKeys.KAFKA_GROUP);
        Properties properties = new Properties();
        properties.putAll(settings);
        this.settingsFile = directory.resolve("pipeline-" + run + ".properties");
        try (Writer writer = Files.newBufferedWriter(settingsFile)) {
            properties.store(writer, "one test deployment of the pipeline");
        }
        PipelineSettings.from(settings)
                .topicPartitions(PARTITIONS)
                .forEach((topic, count) -> kafka.createTopics(count, topic));
    }

    /** Topics and a settings file for a new deployment; nothing runs yet. */
    static PipelineRun prepare(KafkaBrokers kafka, FlinkRest flink, Path directory) throws IOException {
        return new PipelineRun(kafka, flink, directory);
    }

    /** Runs the uploaded job jar with this run's settings file, from a savepoint if given, and waits until it runs. */
    String start(String jarId, Optional<String> savepoint) {
        jobId = flink.run(jarId, PipelineJob.class.getName(), List.of(settingsFile.toString()), savepoint);
        flink.awaitRunning(jobId, TIMEOUT);
        return jobId;
    }

    String jobId() {
        return jobId;
    }

    void cancel() {
        if (jobId != null) {
            flink.cancel(jobId, TIMEOUT);
        }
    }

    /** The node id of the broker that leads partition 0 of the incident topic. */
    int leaderOfIncidentsPartitionZero() throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.describeTopics(List.of(incidents))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(incidents)
                    .partitions()
                    .get(0)
                    .leader()
                    .id();
        }
    }

    List<ConsumerRecord<byte[], byte[]>> committedIncidents() {
        return TopicContents.committed(kafka.bootstrapServers(), incidents);
    }

    /** The committed updates of partner-assessment incidents: one per valid signal of the batch, never a second version. */
    List<ConsumerRecord<byte[], byte[]>> committedPartnerAssessments() {
        return committedIncidents().stream()
                .filter(record -> {
                    try {
                        return Json.mapper()
                                .readTree(record.value())
                                .path("kind")
                                .asText()
                                .equals(IncidentKind.PARTNER_ASSESSMENT.label());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    List<ConsumerRecord<byte[], byte[]>> committedDeadLetters() {
        return TopicContents.committed(kafka.bootstrapServers(), deadLetters);
    }

    /** Waits until the topic holds at least {@code count} committed records. */
    void awaitCommitted(String what, Supplier<List<ConsumerRecord<byte[], byte[]>>> topic, int count) {
        await(what + " reach " + count, () -> topic.get().size() >= count);
    }

    /**
     * Waits until the job has checkpointed past the end of the raw topic (its consumer group's committed offsets,
     * written when a checkpoint completes, reach the end) and the sinks have committed that checkpoint's transactions:
     * everything sent before is then in committed output, and no more of it can come.
     */
    void awaitCaughtUp() {
        await(
                "the job checkpoints past the last raw signal",
                () -> brokersSay(() -> kafka.groupReadToTheEnd(group, raw)));
        // The source commits its offsets when a checkpoint completes, and the sinks commit their transactions on the
        // same completion, each on its own. The sinks flushed that checkpoint's records before it completed, so they
        // are already in the topics: once no transaction is open there, they are committed.
        await(
                "the sinks commit the checkpoint's transactions",
                () -> brokersSay(() -> kafka.noTransactionOpenOn(incidents, deadLetters)));
    }

    /** What the brokers answer; a busy broker that does not answer in time is asked again. */
    private static boolean brokersSay(BooleanSupplier question) {
        try {
            return question.getAsBoolean();
        } catch (IllegalStateException brokerBusy) {
            return false;
        }
    }

    /**
     * Every valid signal of the batch became exactly one partner-assessment incident, no incident update (id and
     * version) was written twice, and every malformed signal became exactly one dead letter.
     */
    void assertExactlyOnce(MixedSignalBatch batch, int deadLetterCopies) throws IOException {
        List<String> partnerIncidentIds = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : committedPartnerAssessments()) {
            partnerIncidentIds.add(
                    Json.mapper().readTree(record.value()).get("id").asText());
        }
        assertThat(partnerIncidentIds)
                .as("partner-assessment updates on %s", incidents)
                .hasSize(MixedSignalBatch.VALID)
                .doesNotHaveDuplicates();
        assertThat(new HashSet<>(partnerIncidentIds)).isEqualTo(batch.expectedIncidentIds());
        List<String> updates = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : committedIncidents()) {
            JsonNode update = Json.mapper().readTree(record.value());
            updates.add(update.get("id").asText() + "@" + update.get("version").asLong());
        }
        assertThat(updates).as("incident updates (id@version) on %s", incidents).doesNotHaveDuplicates();

        List<ConsumerRecord<byte[], byte[]>> letters = committedDeadLetters();
        assertThat(letters)
                .as("dead letters on %s", deadLetters)
                .hasSize(MixedSignalBatch.MALFORMED * deadLetterCopies);
        for (ConsumerRecord<byte[], byte[]> record : letters) {
            JsonNode letter = Json.mapper().readTree(record.value());
            assertThat(batch.malformedWithBytes(letter.get("original_base64").asText()))
                    .as("a dead letter of ours: %s", letter.get("reason"))
                    .isNotNull();
        }
    }

    /** Waits until the condition holds; on timeout fails with the job's state and exceptions. */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting until " + what
                        + (jobId == null ? "" : "; job " + flink.jobState(jobId) + ", " + flink.exceptions(jobId)));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
