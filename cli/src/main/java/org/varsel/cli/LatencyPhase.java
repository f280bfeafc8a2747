package org.varsel.cli;

import static org.varsel.cli.BenchCommand.progress;
import static org.varsel.cli.BenchMeasures.heapAfterLastGc;
import static org.varsel.cli.BenchMeasures.lastCheckpointBytes;
import static org.varsel.cli.BenchMeasures.percentile;
import static org.varsel.cli.BenchMeasures.processCpuNanos;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.varsel.cli.local.JobRestarts;
import org.varsel.cli.local.LocalPipelineEnvironment;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The latency phase of {@code varsel bench}: an unbounded job fed at a fixed rate, with ten labelled probes a second,
 * each timed from produce until a read_committed consumer sees its incident.
 */
final class LatencyPhase {
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final LocalKafka kafka;
    private final BenchWorkload workload;
    private final String stateBackend;
    private final int latencySeconds;

    LatencyPhase(LocalKafka kafka, BenchWorkload workload, String stateBackend, int latencySeconds) {
        this.kafka = kafka;
        this.workload = workload;
        this.stateBackend = stateBackend;
        this.latencySeconds = latencySeconds;
    }

    /** Runs the unbounded job of {@code settings} (its topics created) with signals at {@code r}/s. */
    BenchResult.Latency measure(PipelineSettings settings, Path checkpoints, double r) throws Exception {
        int p = settings.parallelism();
        StreamExecutionEnvironment env = LocalPipelineEnvironment.create(p, checkpoints, stateBackend);
        JobClient job = PipelineJob.start(env, settings);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = new Thread(
                () -> watch(kafka, settings.incidentTopic(), sentAt, latencyNanos, stop), "bench-incident-watch");
        watcher.setDaemon(true);
        watcher.start();
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
            awaitFirstIncident(publisher, p, sentAt, latencyNanos);
            progress("p=%d: producing %,.0f signals/s for %d s with 10 probes/s ...", p, r, latencySeconds);
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(latencySeconds).toNanos();
            long sent = 0;
            int probes = 0;
            long i = 0;
            long nextReport = start + REPORT_EVERY_NANOS;
            for (long t = start; t < end; t = System.nanoTime()) {
                if (t >= nextReport) {
                    // For a soak (--latency-seconds 600): heap and state should level off once the windows are full.
                    nextReport += REPORT_EVERY_NANOS;
                    progress(
                            "p=%d:   %3d s: %,d sent, %d/%d probes seen, heap used %,d MB (after the last GC %,d MB), last checkpoint %,d KB",
                            p,
                            (t - start) / 1_000_000_000L,
                            sent,
                            probesSeen(latencyNanos),
                            probes,
                            ManagementFactory.getMemoryMXBean()
                                            .getHeapMemoryUsage()
                                            .getUsed()
                                    >> 20,
                            heapAfterLastGc() >> 20,
                            lastCheckpointBytes(checkpoints) >> 10);
                }
                long due = (long) (r * (t - start) / 1e9);
                Instant observed = Instant.now().minusSeconds(1);
                for (; sent < due; sent++) {
                    publisher.publish("lat-" + i, workload.signal(i++, observed), "bench:generated", Instant.now());
                }
                if (probes < (t - start) / 100_000_000L) {
                    String id = "probe-p" + p + "-" + probes++;
                    sentAt.put(id, System.nanoTime());
                    publisher.publish(id, workload.probe(id, observed), "bench:probe", Instant.now());
                }
                Thread.sleep(1);
            }
            publisher.flush();
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long graceEnd = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < graceEnd && probesSeen(latencyNanos) < probes) {
                Thread.sleep(100);
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long checkpointBytes = lastCheckpointBytes(checkpoints);
            stop.set(true);
            List<Long> ms = latencyNanos.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("probe-"))
                    .map(e -> e.getValue() / 1_000_000L)
                    .sorted()
                    .toList();
            BenchResult.Latency result = new BenchResult.Latency(
                    sent / (double) latencySeconds,
                    ms.size(),
                    probes - ms.size(),
                    percentile(ms, 0.50),
                    percentile(ms, 0.99),
                    ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1),
                    heap,
                    checkpointBytes,
                    JobRestarts.of(job.getJobID()));
            progress(
                    "p=%d: %d/%d probes seen, p50 %.0f ms, p99 %.0f ms, max %.0f ms; process CPU %.1f s over %d s;"
                            + " heap after GC %,d MB; last checkpoint %,d KB",
                    p,
                    ms.size(),
                    probes,
                    result.p50Ms(),
                    result.p99Ms(),
                    result.maxMs(),
                    cpuSeconds,
                    latencySeconds,
                    heap >> 20,
                    checkpointBytes >> 10);
            return result;
        } finally {
            stop.set(true);
            job.cancel().get();
            awaitStopped(job);
            watcher.join(5_000);
        }
    }

    /**
     * Waits until the cancelled job's tasks have stopped: the broker stops after this phase, and Kafka clients still
     * open would warn, line after line, that it is gone.
     */
    private static void awaitStopped(JobClient job) throws InterruptedException {
        try {
            job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException cancelledOrSlow) {
            // cancelled is how this job ends; a slow stop only costs the warnings this wait is for
        }
    }

    /** Probes until the running job has emitted an incident for one: its start-up is not latency. */
    private void awaitFirstIncident(
            RawSignalPublisher publisher, int p, Map<String, Long> sentAt, Map<String, Long> latencyNanos)
            throws Exception {
        progress("p=%d: latency phase: waiting for the running job's first incident ...", p);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int warm = 0;
        while (latencyNanos.keySet().stream().noneMatch(id -> id.startsWith("warm-"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no incident from the latency job within 3 minutes");
            }
            String id = "warm-p" + p + "-" + warm++;
            sentAt.put(id, System.nanoTime());
            publisher.publish(id, workload.probe(id, Instant.now().minusSeconds(1)), "bench:probe", Instant.now());
            publisher.flush();
            Thread.sleep(200);
        }
    }

    private static long probesSeen(Map<String, Long> latencies) {
        return latencies.keySet().stream().filter(k -> k.startsWith("probe-")).count();
    }

    /** Reads committed incidents as they come and times the first incident of each probe. */
    private static void watch(
            LocalKafka kafka, String topic, Map<String, Long> sentAt, Map<String, Long> latency, AtomicBoolean stop) {
        try (KafkaConsumer<byte[], byte[]> consumer = BenchCommand.committedFromStart(kafka, topic)) {
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long seen = System.nanoTime();
                    for (String externalId : probeSightings(IncidentCodec.fromJson(record.value()))) {
                        Long sent = sentAt.get(externalId);
                        if (sent != null) {
                            latency.putIfAbsent(externalId, seen - sent);
                        }
                    }
                }
            }
        } catch (Exception e) {
            progress("incident watcher failed: %s", e);
        }
    }

    /**
     * The signals (external ids) whose own incident this is: where the watcher sees a probe arrive. A probe is partner
     * assessed; when its random text is also grave, both reasons travel in one high-severity incident (a third of the
     * probes with today's rules: counting partner assessments alone lost them).
     */
    static List<String> probeSightings(Incident incident) {
        boolean single =
                incident.kind() == IncidentKind.PARTNER_ASSESSMENT || incident.kind() == IncidentKind.HIGH_SEVERITY;
        if (!single || incident.evidence() == null) {
            return List.of();
        }
        return incident.evidence().signals().stream()
                .map(Incident.EvidenceSignal::externalId)
                .toList();
    }
}
