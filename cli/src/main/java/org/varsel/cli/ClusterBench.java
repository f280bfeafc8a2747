package org.varsel.cli;

import static org.varsel.cli.BenchCommand.progress;
import static org.varsel.cli.BenchMeasures.brokerCpuNanos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiFunction;
import org.varsel.cli.local.JobTopics;
import org.varsel.local.LocalFlinkCluster;
import org.varsel.local.LocalFlinkCluster.TaskManagerMemory;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.privacy.PrivacySettings;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * {@code varsel bench --cluster}: the bench's throughput phase on a real standalone Flink cluster (a JobManager and N
 * TaskManagers, each a JVM of its own, as {@link LocalFlinkCluster} starts them), one cluster per layout; the job jar
 * is submitted through the REST API with a settings file, as in production. Reports signals/s, CPU per signal over
 * every JVM of the cluster, and each vertex's busy time per subtask and TaskManager: where scaling stops.
 */
final class ClusterBench {
    private static final Duration JOB_TIMEOUT = Duration.ofHours(3);

    /** A cluster shape: TaskManagers x slots each; the job runs on every slot (parallelism = their product). */
    record Layout(int taskManagers, int slots) {
        static Layout parse(String text) {
            String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    Layout layout = new Layout(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                    if (layout.taskManagers() > 0 && layout.slots() > 0) {
                        return layout;
                    }
                }
            } catch (NumberFormatException e) {
                // reported below with the form expected
            }
            throw new IllegalArgumentException(
                    "a layout is TASKMANAGERSxSLOTS with both at least 1, e.g. 2x1; not '" + text + "'");
        }

        int parallelism() {
            return taskManagers * slots;
        }

        String label() {
            return taskManagers + "x" + slots + " p=" + parallelism();
        }
    }

    /**
     * What one layout measured over the backlog: throughput, CPU of the cluster's processes, and busy time per vertex
     * beyond start-up, with the job's wall time beyond start-up ({@code sustainedMs}) to set it against.
     */
    record Result(
            Layout layout,
            BenchResult.Throughput throughput,
            Map<String, Double> cpuUsPerSignalByProcess,
            List<VertexBusyTime> vertices,
            double sustainedMs) {}

    private final LocalKafka kafka;
    private final BenchWorkload workload;
    private final Path jobJar;
    private final Path flinkClasspath;
    private final String stateBackend;
    private final Path work;
    private final BiFunction<String, Integer, Map<String, String>> boundedSettings;

    /**
     * {@code boundedSettings} gives the pipeline settings of a bounded run (name, parallelism): the same keys as the
     * MiniCluster bench, written to the settings file the job jar reads.
     */
    ClusterBench(
            LocalKafka kafka,
            BenchWorkload workload,
            Path jobJar,
            Path flinkClasspath,
            String stateBackend,
            Path work,
            BiFunction<String, Integer, Map<String, String>> boundedSettings) {
        for (Path needed : List.of(jobJar, flinkClasspath)) {
            if (!Files.isRegularFile(needed)) {
                throw new IllegalArgumentException(needed + " is missing: build it with"
                        + " `mvn -B -ntp -DskipTests -pl cli,deploy -am package` (./varsel bench --cluster does)");
            }
        }
        this.kafka = kafka;
        this.workload = workload;
        this.jobJar = jobJar;
        this.flinkClasspath = flinkClasspath;
        this.stateBackend = stateBackend;
        this.work = work;
        this.boundedSettings = boundedSettings;
    }

    /** Starts a cluster of this layout, runs an empty and a backlog job on it, and stops it. */
    Result run(Layout layout, long signals) throws Exception {
        String label = layout.label();
        int p = layout.parallelism();
        progress(
                "%s: starting a JobManager and %d TaskManager(s) of %d slot(s) ...",
                label, layout.taskManagers(), layout.slots());
        try (LocalFlinkCluster cluster = LocalFlinkCluster.builder()
                .classpathFile(flinkClasspath)
                .baseDirectory(work)
                .jvmOptions(addOpens())
                .taskManagers(layout.taskManagers())
                .slotsPerTaskManager(layout.slots())
                // per slot: the rule engine, the models and heap state; RocksDB's cache and buffers (managed)
                .taskManagerMemory(new TaskManagerMemory(512 * layout.slots(), 128 * layout.slots()))
                .configuration("state.backend.type", stateBackend)
                .configuration("execution.checkpointing.incremental", Boolean.toString("rocksdb".equals(stateBackend)))
                .configuration("restart-strategy.type", "none")
                // a loaded box starts JVMs slowly (40 s for one TaskManager at load average 55)
                .startupTimeout(Duration.ofMinutes(5))
                .start()) {
            String jar = cluster.rest().uploadJar(jobJar);
            String name = "bench-" + layout.taskManagers() + "x" + layout.slots();
            progress(
                    "%s: warm-up: a bounded job over an empty topic, not measured (Flink's runtime loads and compiles) ...",
                    label);
            runToEnd(cluster, jar, prepare(name + "-warmup", p));
            progress("%s: job start-up (bounded job over an empty topic) ...", label);
            Map<String, Duration> emptyCpu0 = cluster.cpuTimes();
            JsonNode empty = runToEnd(cluster, jar, prepare(name + "-empty", p));
            Map<String, Double> startupCpuMs = cpuMsSince(cluster, emptyCpu0);
            double startupMs = empty.path("duration").asDouble();
            List<VertexBusyTime> startupBusy =
                    VertexBusyTime.of(cluster.rest(), empty.path("jid").asText());

            Path settingsFile = prepare(name + "-tp", p);
            PipelineSettings backlog = PipelineSettings.from(readProperties(settingsFile));
            progress("%s: publishing %,d signals ...", label, signals);
            BenchCommand.publish(kafka, workload, backlog, signals);
            progress("%s: running the job jar over the backlog ...", label);
            Map<String, Duration> cpu0 = cluster.cpuTimes();
            long broker0 = brokerCpuNanos(kafka);
            JsonNode job;
            try (BacklogProgress shown =
                    new BacklogProgress(kafka, backlog.kafkaGroup(), label, signals, Duration.ofSeconds(10))) {
                job = runToEnd(cluster, jar, settingsFile);
            }
            Map<String, Double> cpuMs = cpuMsSince(cluster, cpu0);
            double brokerUs = (brokerCpuNanos(kafka) - broker0) / 1e3 / signals;
            Map<String, Double> cpuUs = new LinkedHashMap<>();
            // Start-up (rule checks, engine builds, task deployment) is measured on the empty job and taken out.
            cpuMs.forEach((process, ms) ->
                    cpuUs.put(process, Math.max(0, ms - startupCpuMs.getOrDefault(process, 0.0)) * 1e3 / signals));
            double jobMs = job.path("duration").asDouble();
            long incidents = ReplayCommand.readAll(kafka, backlog.incidentTopic(), b -> b)
                    .size();
            BenchResult.Throughput throughput = new BenchResult.Throughput(
                    signals,
                    jobMs / 1e3,
                    startupMs / 1e3,
                    incidents,
                    cpuUs.values().stream().mapToDouble(Double::doubleValue).sum(),
                    brokerUs,
                    0); // the cluster runs with restart-strategy none: a failure ends the run
            progress(
                    "%s: %,d signals in %.1f s (start-up %.1f s): %,.0f signals/s, %,.0f without start-up; %.0f µs CPU/signal"
                            + " over the cluster's JVMs (+ broker %.0f µs); %,d incident updates",
                    label,
                    signals,
                    throughput.jobSeconds(),
                    throughput.startupSeconds(),
                    throughput.withStartup(),
                    throughput.sustained(),
                    throughput.cpuUsPerSignal(),
                    brokerUs,
                    incidents);
            List<VertexBusyTime> busy =
                    VertexBusyTime.of(cluster.rest(), job.path("jid").asText());
            if (jobMs - startupMs < 0.1 * jobMs) {
                progress(
                        "%s: the backlog took hardly longer than an empty job, too little to tell from start-up: busy"
                                + " times are the whole job's (use more --signals)",
                        label);
                return new Result(layout, throughput, cpuUs, busy, jobMs);
            }
            // The same job graph in the same order: the start-up's busy time is taken out vertex by vertex.
            List<VertexBusyTime> beyondStartup = new ArrayList<>();
            for (int v = 0; v < busy.size(); v++) {
                beyondStartup.add(v < startupBusy.size() ? busy.get(v).minus(startupBusy.get(v)) : busy.get(v));
            }
            return new Result(layout, throughput, cpuUs, beyondStartup, jobMs - startupMs);
        }
    }

    /** Topics and a settings file (the job jar's only argument) for a new bounded run. */
    private Path prepare(String run, int p) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(boundedSettings.apply(run, p));
        // The job jar's main refuses to run without a pseudonym key, as in production; a bench run's key is its own.
        values.put(PrivacySettings.HANDLE_KEY, "bench-" + UUID.randomUUID() + UUID.randomUUID());
        JobTopics.create(kafka, PipelineSettings.from(values), p);
        Properties properties = new Properties();
        properties.putAll(values);
        Path file = work.resolve(run + ".properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "varsel bench --cluster: " + run);
        }
        return file;
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static JsonNode runToEnd(LocalFlinkCluster cluster, String jar, Path settingsFile) {
        String jobId = cluster.rest()
                .run(jar, PipelineJob.class.getName(), List.of(settingsFile.toString()), Optional.empty());
        return cluster.rest().awaitFinished(jobId, JOB_TIMEOUT);
    }

    private static Map<String, Double> cpuMsSince(LocalFlinkCluster cluster, Map<String, Duration> before) {
        Map<String, Double> ms = new LinkedHashMap<>();
        cluster.cpuTimes()
                .forEach((process, now) -> ms.put(
                        process,
                        (now.toNanos()
                                        - before.getOrDefault(process, Duration.ZERO)
                                                .toNanos())
                                / 1e6));
        return ms;
    }

    /** The {@code --add-opens} this JVM runs with (the launcher's): Flink needs the same in the cluster's JVMs. */
    private static List<String> addOpens() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens"))
                .toList();
    }

    /** The comparison table, each layout's busy time per vertex and subtask, and the machine-readable last line. */
    static void print(PrintStream out, String setup, List<Result> results) {
        out.println("varsel bench --cluster: " + BenchMeasures.machine());
        out.println("  " + setup);
        out.printf(
                Locale.ROOT,
                "%-10s %4s %10s %12s %12s %10s %10s %10s%n",
                "layout",
                "p",
                "signals",
                "sig/s",
                "sig/s",
                "CPU µs",
                "broker µs",
                "incidents");
        out.printf(
                Locale.ROOT,
                "%-10s %4s %10s %12s %12s %10s %10s %10s%n",
                "TMs x slots",
                "",
                "",
                "sustained",
                "w/ start-up",
                "/signal",
                "/signal",
                "updates");
        for (Result r : results) {
            BenchResult.Throughput t = r.throughput();
            out.printf(
                    Locale.ROOT,
                    "%-10s %4d %,10d %,12.0f %,12.0f %10.0f %10.0f %,10d%n",
                    r.layout().taskManagers() + "x" + r.layout().slots(),
                    r.layout().parallelism(),
                    t.signals(),
                    t.sustained(),
                    t.withStartup(),
                    t.cpuUsPerSignal(),
                    t.brokerCpuUsPerSignal(),
                    t.incidents());
        }
        for (Result r : results) {
            printBusyTime(out, r);
        }
        out.println("  sustained = signals / (job duration - duration of the same bounded job over an empty topic);"
                + " CPU µs/signal = CPU time of every JVM of the cluster (JobManager and TaskManagers) in the backlog job"
                + " - in the empty job, / signals; busy = a subtask's accumulated busy time beyond the empty job's / the"
                + " job's duration beyond the empty job's (a source counts as busy while it waits for a fetch); skew ="
                + " the busiest subtask / the mean (the parallelism when one subtask does all: a one-key operator)");
        Result best = results.stream()
                .max(Comparator.comparingDouble(r -> r.throughput().sustained()))
                .orElseThrow();
        // No latency phase on the cluster: p99 is not measured (the MiniCluster bench measures it).
        BenchTable.printLastLine(
                out, best.throughput(), Double.NaN, best.throughput().failovers());
    }

    private static void printBusyTime(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "%n  %s: CPU µs/signal by process:", r.layout().label());
        r.cpuUsPerSignalByProcess().forEach((process, us) -> out.printf(Locale.ROOT, " %s %.0f", process, us));
        out.println();
        out.printf(
                Locale.ROOT,
                "  %-64s %6s %6s  %s%n",
                "vertex (chained operators)",
                "busy",
                "skew",
                "busy per subtask [TaskManager]");
        List<VertexBusyTime> byLoad = new ArrayList<>(r.vertices());
        byLoad.sort(Comparator.comparingDouble(VertexBusyTime::maxBusyMs).reversed());
        for (VertexBusyTime vertex : byLoad) {
            StringBuilder subtasks = new StringBuilder();
            for (VertexBusyTime.Subtask s : vertex.subtasks()) {
                subtasks.append(String.format(
                        Locale.ROOT, " %d:%.0f%%[%s]", s.index(), 100 * s.busyMs() / r.sustainedMs(), s.taskManager()));
            }
            out.printf(
                    Locale.ROOT,
                    "  %-64s %5.0f%% %6.2f %s%n",
                    shorten(vertex.name(), 64),
                    100 * vertex.maxBusyMs() / r.sustainedMs(),
                    vertex.skew(),
                    subtasks);
        }
    }

    private static String shorten(String name, int max) {
        String flat = name.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
