package org.varsel.cli;

import static org.varsel.cli.BenchMeasures.brokerCpuNanos;
import static org.varsel.cli.BenchMeasures.machine;
import static org.varsel.cli.BenchMeasures.processCpuNanos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.varsel.cli.local.JobRestarts;
import org.varsel.cli.local.JobTopics;
import org.varsel.cli.local.LocalPipelineEnvironment;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varsel bench}: the end-to-end benchmark. The real pipeline (Kafka source, parse, dedupe, enrich + classifier,
 * 1,000 rules, every detector, exactly-once Kafka sinks) on a local broker and a local MiniCluster, as
 * {@code varsel replay} runs it; a throughput phase over a pre-published backlog (bounded job) and a latency phase
 * (unbounded job, signals produced at a fixed rate with labelled probes whose incidents are timed).
 */
@Command(
        name = "bench",
        description = {
            "End-to-end benchmark of the real pipeline (local Kafka broker in its own JVM, local Flink MiniCluster, exactly once,"
                    + " the bundled rules plus generated ones, the classifier, all detectors). Per parallelism: throughput over a"
                    + " pre-published backlog (bounded job, with and without job start-up), then p50/p99 latency from produce to"
                    + " incident seen by a read_committed consumer at a fixed rate, CPU per signal, heap after GC, checkpoint size.",
            "Progress goes to stderr; the table to stdout; the last line is `throughput=<signals/s> p99_ms=<ms> signals=<N> failovers=<N>`"
                    + " (the parallelism with the highest sustained throughput). See docs/performance.md.",
            "With --cluster: the throughput phase on a real multi-process standalone Flink cluster per --layouts, with busy"
                    + " time per vertex, subtask and TaskManager (where it stops scaling). See docs/cluster.md."
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--signals", description = "signals in the throughput backlog (default: ${DEFAULT-VALUE})")
    long signals = 200_000;

    @Option(names = "--rate", description = "signals/s in the latency phase (default: 50%% of the measured throughput)")
    double rate;

    @Option(names = "--parallelism", split = ",", description = "Flink parallelism(s) to run (default: 1,2)")
    List<Integer> parallelism = new ArrayList<>(List.of(1, 2));

    @Option(
            names = "--rules",
            description = "active rules: the bundled pack plus generated ones (default: ${DEFAULT-VALUE})")
    int rules = 1_000;

    @Option(
            names = "--latency-seconds",
            description = "length of the fixed-rate latency phase (default: ${DEFAULT-VALUE})")
    int latencySeconds = 30;

    @Option(
            names = "--checkpoint-interval",
            description = "pipeline.checkpoint.interval for both phases; exactly-once"
                    + " output becomes visible at checkpoints, so it bounds latency (default: ${DEFAULT-VALUE})")
    String checkpointInterval = "PT1S";

    @Option(
            names = "--warmup",
            description = "signals of an unmeasured bounded run first, so the JIT has compiled the hot"
                    + " path (Lucene needs 12-16 s on 2 cores); 0 to skip (default: ${DEFAULT-VALUE})")
    long warmup = 30_000;

    @Option(
            names = "--state-backend",
            description = "hashmap (heap, full snapshots: local runs and tests), rocksdb"
                    + " (incremental checkpoints: the production manifests) or changelog (heap state, checkpoints that"
                    + " write its changes: state.changelog.enabled; not with --cluster) (default: ${DEFAULT-VALUE})")
    String stateBackend = "hashmap";

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "a pipeline setting for every run (repeatable; keys in"
                            + " docs/configuration.md), e.g. --set pipeline.co-similar.window=PT2M for a soak that shows state levelling off")
    Map<String, String> extraSettings = new LinkedHashMap<>();

    @Option(names = "--no-ira", description = "do not use the shared IRA troll tweets even when present")
    boolean noIra;

    @Option(
            names = "--cluster",
            description =
                    "instead of the MiniCluster: the throughput phase on a real standalone Flink cluster per --layouts (a"
                            + " JobManager and TaskManagers, each its own JVM), the job jar submitted through the REST API; reports"
                            + " signals/s, CPU per signal over the cluster's JVMs and busy time per vertex, subtask and TaskManager."
                            + " No latency phase (p99_ms=NaN on the last line). ./varsel builds the deploy module for it")
    boolean cluster;

    @Option(
            names = "--layouts",
            split = ",",
            paramLabel = "TMSxSLOTS",
            description = "with --cluster: cluster shapes to run, TaskManagers x slots each; the job runs on every slot"
                    + " (default: 1x1,1x2,2x1: parallelism 1 -> 2, one TaskManager of two slots against two of one)")
    List<String> layouts = new ArrayList<>(List.of("1x1", "1x2", "2x1"));

    @Option(
            names = "--job-jar",
            description = "with --cluster: the job jar (default: deploy/target/job/varsel-pipeline-job.jar)")
    Path jobJar;

    @Option(
            names = "--flink-classpath",
            description = "with --cluster: a file holding the cluster's classpath, Flink's lib/ (default:"
                    + " deploy/target/flink-cluster.classpath)")
    Path flinkClasspath;

    @Option(
            names = "--bursts",
            description =
                    "instead of the throughput and latency phases: a bursty soak of this many"
                            + " bursts (a coordinated campaign of 12 accounts plus --burst-signals generated signals each), every burst"
                            + " followed by a pause of --burst-pause; reports per burst which campaign detectors fired and how soon (0: off)")
    int bursts;

    @Option(
            names = "--burst-pause",
            description =
                    "seconds of silence after each burst; longer than"
                            + " pipeline.event-time.source-idleness (PT30S) so that every partition goes idle (default: ${DEFAULT-VALUE})")
    int burstPause = 45;

    @Option(
            names = "--burst-signals",
            description = "generated signals around each burst's campaign (default: ${DEFAULT-VALUE})")
    int burstSignals = 2_000;

    @Override
    public Integer call() throws Exception {
        if (cluster && LocalPipelineEnvironment.CHANGELOG.equals(stateBackend)) {
            // the cluster's Flink lib/ (deploy module) ships no changelog storage
            System.err.println("bench: --state-backend changelog runs on the MiniCluster only, not with --cluster");
            return 2;
        }
        Path home = Path.of(System.getProperty("varsel.home", "."));
        Optional<Path> ira = noIra ? Optional.empty() : BenchWorkload.findIra(home);
        progress("%s", machine());
        progress(
                "loading the workload (%s) ...",
                ira.map(Path::toString).orElse("IRA troll tweets absent: generated signals only"));
        BenchWorkload workload = new BenchWorkload(ira, 100_000);
        progress("signals: %s", workload.description());
        Path work = Files.createTempDirectory("varsel-bench-");
        Path rulesDir = rulesDirectory(home, work, workload);

        List<BenchResult> results = new ArrayList<>();
        try (LocalKafka kafka = LocalKafka.builder().maxHeap("1g").start()) {
            if (cluster) {
                runOnClusters(home, kafka, workload, rulesDir, work);
                return 0;
            }
            if (bursts > 0) {
                int p = parallelism.get(0);
                PipelineSettings settings = settings(kafka, "bench-bursts-p" + p, p, false, rulesDir);
                JobTopics.create(kafka, settings, p);
                StreamExecutionEnvironment env =
                        LocalPipelineEnvironment.create(p, work.resolve("chk-bursts"), stateBackend);
                new BurstSoak(kafka, settings, workload, bursts, Duration.ofSeconds(burstPause), burstSignals)
                        .run(PipelineJob.start(env, settings), System.out);
                return 0;
            }
            if (warmup > 0) {
                warmUp(kafka, workload, rulesDir, work, parallelism.get(0));
            }
            for (int p : parallelism) {
                results.add(run(kafka, workload, rulesDir, work, p));
            }
        }
        BenchTable.print(System.out, setup(workload), results);
        return 0;
    }

    private void runOnClusters(Path home, LocalKafka kafka, BenchWorkload workload, Path rulesDir, Path work)
            throws Exception {
        List<ClusterBench.Layout> shapes =
                layouts.stream().map(ClusterBench.Layout::parse).toList();
        ClusterBench bench = new ClusterBench(
                kafka,
                workload,
                jobJar != null ? jobJar : home.resolve("deploy/target/job/varsel-pipeline-job.jar"),
                flinkClasspath != null ? flinkClasspath : home.resolve("deploy/target/flink-cluster.classpath"),
                stateBackend,
                work,
                (run, p) -> settingsValues(kafka, run, p, true, rulesDir));
        // Each job has a class loader of its own, so a warm-up job would not warm the next one's Lucene and OpenNLP.
        progress("on a cluster --warmup does not apply: the JIT warm-up of the job's own code is inside the measurement"
                + " (use a backlog of 100,000+)");
        List<ClusterBench.Result> results = new ArrayList<>();
        for (ClusterBench.Layout layout : shapes) {
            results.add(bench.run(layout, signals));
        }
        ClusterBench.print(System.out, setup(workload), results);
    }

    private String setup(BenchWorkload workload) {
        return "broker: a separate JVM on the same cores (its CPU is shown apart); exactly once; state backend "
                + stateBackend + "; checkpoint interval " + checkpointInterval
                + (extraSettings.isEmpty() ? "" : "; settings " + extraSettings) + "; " + rules + " rules; signals: "
                + workload.description();
    }

    /** The bundled rule files plus a generated file, so that {@code rules} rules are live (checked as any rules dir). */
    Path rulesDirectory(Path home, Path work, BenchWorkload workload) throws IOException {
        Path dir = Files.createDirectories(work.resolve("rules"));
        RulePack bundled = BundledRules.load();
        Path source = home.resolve("rules");
        int generated = Math.max(0, rules - bundled.rules().size());
        if (Files.isDirectory(source)) {
            copyRuleFiles(source, dir);
        } else {
            progress("no rules/ directory under %s: generated rules only", home);
            generated = rules;
        }
        workload.writeRules(dir.resolve("zz-bench-generated.yaml"), generated);
        RulePack pack = BundledRules.fromDirectory(dir);
        progress(
                "rules: %d (%d bundled + %d generated) in %s",
                pack.rules().size(), pack.rules().size() - generated, generated, dir);
        return dir;
    }

    /** Every rule and lexicon file under {@code source} into {@code target}, sub-folders kept (rules name lexicons in {@code lexicons/}). */
    static void copyRuleFiles(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                Path copy = target.resolve(source.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
    }

    /** An unmeasured bounded run over {@code warmup} signals: the MiniCluster runs in this JVM, so its JIT work carries over. */
    private void warmUp(LocalKafka kafka, BenchWorkload workload, Path rulesDir, Path work, int p) throws Exception {
        PipelineSettings settings = settings(kafka, "bench-warmup", p, true, rulesDir);
        JobTopics.create(kafka, settings, p);
        progress("warm-up: %,d signals through the pipeline (not measured) ...", warmup);
        publish(kafka, workload, settings, warmup);
        double seconds = execute(settings, work.resolve("chk-warmup")).seconds();
        progress("warm-up: %.1f s", seconds);
    }

    static void publish(LocalKafka kafka, BenchWorkload workload, PipelineSettings settings, long count)
            throws Exception {
        Instant now = Instant.now();
        long stepMs = Math.max(1, Math.min(100, Duration.ofHours(6).toMillis() / Math.max(1, count)));
        Instant base = now.minusMillis(stepMs * count + 1_000);
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
            for (long i = 0; i < count; i++) {
                publisher.publish(
                        "bench-" + i, workload.signal(i, base.plusMillis(i * stepMs)), "bench:generated", now);
                if ((i + 1) % 100_000 == 0) {
                    progress("  %,d published", i + 1);
                }
            }
        }
    }

    private BenchResult run(LocalKafka kafka, BenchWorkload workload, Path rulesDir, Path work, int p)
            throws Exception {
        // Throughput: an empty bounded run measures job start-up and the final checkpoint, then the backlog.
        PipelineSettings empty = settings(kafka, "bench-p" + p + "-empty", p, true, rulesDir);
        JobTopics.create(kafka, empty, p);
        progress("p=%d: job start-up (bounded job over an empty topic) ...", p);
        long startupCpu0 = processCpuNanos();
        double startup = execute(empty, work.resolve("chk-p" + p + "-empty")).seconds();
        long startupCpu = processCpuNanos() - startupCpu0;

        PipelineSettings backlog = settings(kafka, "bench-p" + p + "-tp", p, true, rulesDir);
        JobTopics.create(kafka, backlog, p);
        progress("p=%d: publishing %,d signals ...", p, signals);
        publish(kafka, workload, backlog, signals);
        progress("p=%d: running the pipeline over the backlog ...", p);
        long cpu0 = processCpuNanos();
        long broker0 = brokerCpuNanos(kafka);
        BoundedRun backlogRun;
        try (BacklogProgress shown =
                new BacklogProgress(kafka, backlog.kafkaGroup(), "p=" + p, signals, Duration.ofSeconds(10))) {
            backlogRun = execute(backlog, work.resolve("chk-p" + p + "-tp"));
        }
        double seconds = backlogRun.seconds();
        if (backlogRun.failovers() > 0) {
            progress(
                    "p=%d: the job failed over %d time(s) and went on from its last checkpoint, exactly once; the"
                            + " reprocessing is inside this run's figures (column \"failovers\"): run again for a clean"
                            + " figure. A task failure printed above as \"No current assignment for partition\" is"
                            + " the Kafka connector's race FLINK-39728 (docs/operations.md, Known issue)",
                    p, backlogRun.failovers());
        }
        // Start-up (rule checks, engine builds, task deployment) is measured on the empty run and taken out.
        double cpuUs = Math.max(0, processCpuNanos() - cpu0 - startupCpu) / 1e3 / signals;
        double brokerUs = (brokerCpuNanos(kafka) - broker0) / 1e3 / signals;
        List<byte[]> updates = ReplayCommand.readAll(kafka, backlog.incidentTopic(), b -> b);
        long incidents = updates.size();
        BenchResult.Throughput throughput = new BenchResult.Throughput(
                signals, seconds, startup, incidents, cpuUs, brokerUs, backlogRun.failovers());
        progress(
                "p=%d: %,d signals in %.1f s (start-up %.1f s): %,.0f signals/s, %,.0f without start-up; %.0f µs CPU/signal"
                        + " (+ broker %.0f µs); %,d incident updates (%,.1f MB)",
                p,
                signals,
                seconds,
                startup,
                signals / seconds,
                throughput.sustained(),
                cpuUs,
                brokerUs,
                incidents,
                updates.stream().mapToLong(u -> u.length).sum() / 1e6);
        if (!throughput.startupSeparable()) {
            progress(
                    "p=%d: the backlog took no longer than the empty job's start-up (%.1f s against %.1f s): start-up"
                            + " cannot be taken out, so the sustained rate is the rate with it; give --signals 30000 or"
                            + " more for a figure",
                    p, seconds, startup);
        }
        double r = rate > 0 ? rate : Math.max(10, 0.5 * throughput.sustained());
        PipelineSettings latency = settings(kafka, "bench-p" + p + "-lat", p, false, rulesDir);
        JobTopics.create(kafka, latency, p);
        LatencyPhase phase = new LatencyPhase(kafka, workload, stateBackend, latencySeconds);
        return new BenchResult(p, throughput, phase.measure(latency, work.resolve("chk-p" + p + "-lat"), r));
    }

    /** A read_committed consumer of the whole topic from its beginning, polled at short intervals: how the bench sees incidents. */
    static KafkaConsumer<byte[], byte[]> committedFromStart(LocalKafka kafka, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** A bounded job run to its end: wall-clock seconds and how often it failed over on the way. */
    record BoundedRun(double seconds, long failovers) {}

    private BoundedRun execute(PipelineSettings settings, Path checkpoints) throws Exception {
        StreamExecutionEnvironment env =
                LocalPipelineEnvironment.create(settings.parallelism(), checkpoints, stateBackend);
        PipelineJob.wire(env, settings);
        long began = System.nanoTime();
        JobExecutionResult result = env.execute("varsel bench");
        return new BoundedRun((System.nanoTime() - began) / 1e9, JobRestarts.of(result.getJobID()));
    }

    private PipelineSettings settings(LocalKafka kafka, String run, int p, boolean bounded, Path rulesDir) {
        return PipelineSettings.from(settingsValues(kafka, run, p, bounded, rulesDir));
    }

    private Map<String, String> settingsValues(LocalKafka kafka, String run, int p, boolean bounded, Path rulesDir) {
        String prefix = run + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> values = new LinkedHashMap<>(PipelineKeys.isolatedRun(prefix));
        values.put(PipelineKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        values.put(PipelineKeys.PARALLELISM, Integer.toString(p));
        values.put(PipelineKeys.BOUNDED, Boolean.toString(bounded));
        values.put(PipelineKeys.RULES_DIR, rulesDir.toString());
        values.put(PipelineKeys.CHECKPOINT_INTERVAL, checkpointInterval);
        values.putAll(extraSettings);
        return values;
    }

    static void progress(String format, Object... args) {
        System.err.println("bench: " + String.format(format, args));
    }
}
