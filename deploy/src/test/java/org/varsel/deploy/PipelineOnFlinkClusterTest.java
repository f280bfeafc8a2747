package org.varsel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.KafkaBrokers;
import org.varsel.local.LocalFlinkCluster;
import org.varsel.local.LocalKafka;
import org.varsel.local.LocalKafkaCluster;
import org.varsel.pipeline.MixedSignalBatch;
import org.varsel.pipeline.io.RawSignalPublisher;

/**
 * The job jar on a real Flink cluster (a JobManager and two TaskManagers, each its own JVM), fed by a real Kafka
 * broker, through the failures a deployment meets. Every test counts what went in and what came out, exactly:
 * the 950 valid signals of {@link MixedSignalBatch} become 950 partner-assessment incidents (no loss, no duplicate, read as the
 * desk reads them: read_committed) and its 50 malformed records 50 dead letters.
 */
class PipelineOnFlinkClusterTest {
    /** Records of the batch streamed per second: the batch takes ~8 s, long enough to fail half-way through. */
    private static final Duration PACE = Duration.ofMillis(8);

    private static final int HALF_WAY = 500;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.dedicated();

    @TempDir
    static Path files;

    private static LocalFlinkCluster flink;
    private static String jarId;
    private PipelineRun run;

    @BeforeAll
    static void startCluster() {
        flink = LocalFlinkCluster.builder()
                .classpathFile(Path.of(System.getProperty("varsel.flink.classpath")))
                .jvmOptions(
                        Arrays.asList(System.getProperty("varsel.jvm.opens", "").split("\\s+")))
                .taskManagers(2)
                .slotsPerTaskManager(2)
                // what deploy/k8s/flink/varsel-pipeline.yaml configures, with shorter delays for a test
                .configuration("restart-strategy.type", "fixed-delay")
                .configuration("restart-strategy.fixed-delay.attempts", "30")
                .configuration("restart-strategy.fixed-delay.delay", "1 s")
                // A killed TaskManager is found by its failed heartbeat RPCs (heartbeat.rpc-failure-threshold, 2):
                // ~2 intervals. The timeout is for a live but slow one: at 5 s every TaskManager of a loaded machine
                // timed out again and again (load 40: ten needless restarts of one job in two minutes).
                .configuration("heartbeat.interval", "1000")
                .configuration("heartbeat.timeout", "30000")
                .configuration("metrics.reporter.prom.factory.class", LocalFlinkCluster.PROMETHEUS_REPORTER)
                .configuration("metrics.fetcher.update-interval", "1000")
                .start();
        jarId = flink.rest().uploadJar(jobJar());
    }

    @AfterAll
    static void stopCluster() {
        if (flink != null) {
            flink.close();
        }
    }

    @AfterEach
    void cancelJobAndHealCluster() {
        if (run != null) {
            run.cancel();
        }
        while (flink.taskManagerIds().size() < 2) {
            flink.startTaskManager();
        }
    }

    @Test
    void recoversFromTheLastCheckpointWhenATaskManagerIsKilledMidStream(LocalKafka kafka) throws Exception {
        String job = streamThroughAFault(
                kafka, () -> flink.killTaskManager(flink.taskManagerIds().get(0)));

        run.await(
                "the job counts its restart after losing a TaskManager",
                () -> flink.rest().restarts(job) >= 1);
        JsonNode restored = flink.rest().checkpoints(job).path("latest").path("restored");
        assertThat(restored.path("is_savepoint").asBoolean(true))
                .as("restored from a checkpoint: %s", restored)
                .isFalse();
    }

    @Test
    void losesNothingAndDuplicatesNothingWhenTheKafkaBrokerRestartsMidStream(LocalKafka kafka) throws Exception {
        streamThroughAFault(kafka, kafka::restart);
    }

    @Test
    void losesNothingAndDuplicatesNothingWhenOneOfThreeBrokersIsKilledMidStream() throws Exception {
        try (LocalKafkaCluster kafka = LocalKafkaCluster.start()) {
            // The broker that leads the incident topic's first partition, killed and left down: the sinks' writes are
            // cut
            // off in mid-transaction and the two others carry on (replication factor 3, min.insync.replicas 2).
            streamThroughAFault(
                    kafka,
                    () -> kafka.broker(run.leaderOfIncidentsPartitionZero()).kill());
            run.cancel();
            run = null;
        }
    }

    @Test
    void keepsItsStateAcrossStopWithSavepointAndANewSubmissionSoAReplayIsStillDropped(LocalKafka kafka)
            throws Exception {
        run = PipelineRun.prepare(kafka, flink.rest(), files);
        String first = run.start(jarId, Optional.empty());
        MixedSignalBatch batch = new MixedSignalBatch();
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), run.raw)) {
            batch.publishTo(publisher);
        }
        run.awaitCommitted("committed incident updates", run::committedPartnerAssessments, MixedSignalBatch.VALID);
        run.awaitCaughtUp();
        run.assertExactlyOnce(batch, 1);
        assertThat(deadLettersCountedByTaskManagers(first))
                .as("the deadLetters metric, scraped as Prometheus does")
                .isEqualTo(MixedSignalBatch.MALFORMED);

        String savepoint =
                flink.rest().stopWithSavepoint(first, flink.savepointDirectory().toUri(), PipelineRun.TIMEOUT);
        // An upgrade: the jar is uploaded again as a new build would be, and started from the savepoint.
        String upgradedJar = flink.rest().uploadJar(jobJar());
        String second = run.start(upgradedJar, Optional.of(savepoint));
        JsonNode restored = flink.rest().checkpoints(second).path("latest").path("restored");
        assertThat(restored.path("is_savepoint").asBoolean())
                .as("restored: %s", restored)
                .isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);

        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), run.raw)) {
            new MixedSignalBatch().publishTo(publisher); // a partner re-sends everything
        }
        run.awaitCommitted("committed dead letters", run::committedDeadLetters, 2 * MixedSignalBatch.MALFORMED);
        run.awaitCaughtUp();
        // Dead letters are not deduplicated, so they arrive twice; every signal was seen before the upgrade: no
        // incident.
        run.assertExactlyOnce(batch, 2);
    }

    /** What a test does to the cluster half-way through the batch. */
    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Runs the job on {@code kafka}, streams the mixed batch, injects the fault half-way (once incidents are committed)
     * and checks that the committed output holds the batch exactly once; returns the job's id.
     */
    private String streamThroughAFault(KafkaBrokers kafka, Fault fault) throws Exception {
        run = PipelineRun.prepare(kafka, flink.rest(), files);
        String job = run.start(jarId, Optional.empty());
        MixedSignalBatch batch = new MixedSignalBatch();
        CountDownLatch halfWay = new CountDownLatch(1);
        CompletableFuture<Void> streaming = stream(kafka, batch, halfWay);

        halfWay.await(60, TimeUnit.SECONDS);
        run.awaitCommitted("committed incident updates", run::committedIncidents, 1);
        fault.inject();

        streaming.get(90, TimeUnit.SECONDS);
        run.awaitCommitted("committed incident updates", run::committedPartnerAssessments, MixedSignalBatch.VALID);
        run.awaitCommitted("committed dead letters", run::committedDeadLetters, MixedSignalBatch.MALFORMED);
        run.awaitCaughtUp();
        run.assertExactlyOnce(batch, 1);
        return job;
    }

    private CompletableFuture<Void> stream(KafkaBrokers kafka, MixedSignalBatch batch, CountDownLatch halfWay) {
        String topic = run.raw;
        return CompletableFuture.runAsync(() -> {
            try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), topic)) {
                batch.publishTo(publisher, sent -> {
                    if (sent == HALF_WAY) {
                        halfWay.countDown();
                    }
                    PipelineRun.sleep(PACE);
                });
            } catch (Exception e) {
                throw new IllegalStateException("streaming the batch failed", e);
            }
        });
    }

    /** The sum of the job's {@code deadLetters} counters over every TaskManager's Prometheus endpoint. */
    private static long deadLettersCountedByTaskManagers(String jobId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long sum = 0;
        for (String taskManager : flink.taskManagerIds()) {
            URI endpoint = flink.prometheusEndpoint(taskManager).orElseThrow();
            String page = http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            for (String line : page.lines().toList()) {
                if (line.startsWith("flink_taskmanager_job_task_operator_deadLetters{")
                        && line.contains("job_id=\"" + jobId + "\"")) {
                    sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    private static Path jobJar() {
        Path jar = Path.of(System.getProperty("varsel.job.jar"));
        assertThat(Files.isRegularFile(jar))
                .as("the job jar %s (built by module pipeline)", jar)
                .isTrue();
        return jar;
    }
}
