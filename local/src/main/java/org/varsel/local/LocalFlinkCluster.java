package org.varsel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Flink standalone session cluster on this machine: one JobManager
 * ({@value #JOB_MANAGER_MAIN}) and TaskManagers ({@value #TASK_MANAGER_MAIN}), each a JVM of its own started with
 * {@code --configDir} holding a {@code config.yaml}, as Flink's own start scripts do. TaskManagers can be killed
 * like {@code kill -9} and new ones added; jobs are submitted through the REST API ({@link #rest()}).
 *
 * <p>The classpath is the cluster's {@code lib/}: Flink's jars only, never the job's (module {@code deploy} writes
 * it from Maven Central artefacts), so a job jar runs here as it would on a production cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    public static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    public static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    /** The Prometheus reporter's factory; the cluster gives every process a port of its own if it is configured. */
    public static final String PROMETHEUS_REPORTER = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final String JOB_MANAGER = "jobmanager";
    private static final Set<Process> LIVE_PROCESSES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> LIVE_PROCESSES.forEach(Process::destroyForcibly), "varsel-local-flink-reaper"));
    }

    private final Path directory;
    private final String classpath;
    private final int initialTaskManagers;
    private final Map<String, String> configuration;
    private final List<String> jvmOptions;
    private final Duration startupTimeout;
    private final TaskManagerMemory taskManagerMemory;
    private final int restPort = ChildJvm.freePort();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> prometheusPorts = new LinkedHashMap<>();
    private final FlinkRest rest;
    private int taskManagersStarted;

    private LocalFlinkCluster(Builder builder) {
        this.directory = Directories.createTemp(builder.baseDirectory, "varsel-flink-");
        this.classpath = ChildJvm.launcherClasspath() + java.io.File.pathSeparator + builder.classpath;
        this.initialTaskManagers = builder.taskManagers;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startupTimeout = builder.startupTimeout;
        this.taskManagerMemory = builder.taskManagerMemory;
        this.configuration = configuration(builder);
        this.rest = new FlinkRest(URI.create("http://" + HOST + ":" + restPort));
    }

    public static Builder builder() {
        return new Builder();
    }

    private Map<String, String> configuration(Builder builder) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", HOST);
        config.put("jobmanager.rpc.port", Integer.toString(ChildJvm.freePort()));
        config.put("jobmanager.bind-host", HOST);
        config.put("rest.address", HOST);
        config.put("rest.bind-address", HOST);
        config.put("rest.port", Integer.toString(restPort));
        config.put("taskmanager.host", HOST);
        config.put("taskmanager.bind-host", HOST);
        config.put("taskmanager.numberOfTaskSlots", Integer.toString(builder.slotsPerTaskManager));
        // Spread a job over every TaskManager, so that killing one always hits the job.
        config.put("taskmanager.load-balance.mode", "SLOTS");
        config.put("high-availability.type", "NONE");
        // Sized to the JVM options of launchTaskManager(); a 2-core test machine runs three of these. A TaskManager
        // started without Flink's scripts needs every part of its resource spec spelled out, cores included.
        config.put("taskmanager.cpu.cores", Integer.toString(builder.slotsPerTaskManager));
        config.put("jobmanager.memory.heap.size", "384m");
        config.put("taskmanager.memory.framework.heap.size", "128m");
        config.put("taskmanager.memory.task.heap.size", builder.taskManagerMemory.taskHeapMb() + "m");
        config.put("taskmanager.memory.managed.size", builder.taskManagerMemory.managedMb() + "m");
        config.put("taskmanager.memory.network.min", "64m");
        config.put("taskmanager.memory.network.max", "64m");
        config.put("taskmanager.memory.framework.off-heap.size", "128m");
        config.put("taskmanager.memory.task.off-heap.size", "0m");
        config.put("taskmanager.memory.jvm-metaspace.size", "256m");
        config.put("taskmanager.memory.jvm-overhead.min", "192m");
        config.put("taskmanager.memory.jvm-overhead.max", "192m");
        config.put("state.backend.type", "hashmap");
        config.put("execution.checkpointing.dir", checkpointDirectory().toUri().toString());
        config.put(
                "execution.checkpointing.savepoint-dir",
                savepointDirectory().toUri().toString());
        config.put("io.tmp.dirs", directory.resolve("tmp").toString());
        config.put("web.tmpdir", directory.resolve("web").toString());
        config.put("web.upload.dir", directory.resolve("uploads").toString());
        config.put("blob.storage.directory", directory.resolve("blobs").toString());
        config.putAll(builder.configuration);
        return config;
    }

    /** Writes the configuration, starts the JobManager and the TaskManagers and waits until all slots registered. */
    public synchronized LocalFlinkCluster start() {
        long began = System.nanoTime();
        try {
            Files.createDirectories(confDirectory());
            Files.createDirectories(directory.resolve("log"));
            Files.createDirectories(checkpointDirectory());
            Files.createDirectories(savepointDirectory());
            Files.writeString(confDirectory().resolve("config.yaml"), configYaml());
            Files.writeString(confDirectory().resolve("log4j2.xml"), LOG4J2);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Flink configuration under " + directory, e);
        }
        launch(JOB_MANAGER, JOB_MANAGER_MAIN, List.of("-Xmx384m", "-Xms128m"));
        awaitRest();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < initialTaskManagers; i++) {
            ids.add(launchTaskManager());
        }
        awaitTaskManagers(ids);
        LOG.info(
                "Flink cluster ready at {} with {} TaskManagers in {} ms (files in {})",
                rest.baseUri(),
                ids.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                directory);
        return this;
    }

    /** Starts one more TaskManager and waits until it has registered; returns its resource id. */
    public synchronized String startTaskManager() {
        String id = launchTaskManager();
        awaitTaskManagers(List.of(id));
        return id;
    }

    /** Kills a TaskManager like {@code kill -9}: no clean shutdown, the JobManager finds out by itself. */
    public synchronized void killTaskManager(String id) {
        Process process = Objects.requireNonNull(processes.remove(id), () -> "no TaskManager " + id);
        process.destroyForcibly();
        ChildJvm.awaitExit(process, Duration.ofSeconds(30));
        LIVE_PROCESSES.remove(process);
        LOG.info("killed TaskManager {} (pid {})", id, process.pid());
    }

    /**
     * CPU time each live process ({@code jobmanager} and every TaskManager id) has used so far, as the operating
     * system counts it: what a benchmark adds up to a cost per record over the whole cluster.
     */
    public synchronized Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        processes.forEach(
                (id, process) -> times.put(id, process.info().totalCpuDuration().orElse(Duration.ZERO)));
        return times;
    }

    /** Resource ids of the TaskManager processes this cluster runs. */
    public synchronized List<String> taskManagerIds() {
        return processes.keySet().stream().filter(id -> !id.equals(JOB_MANAGER)).toList();
    }

    public FlinkRest rest() {
        return rest;
    }

    public Path checkpointDirectory() {
        return directory.resolve("checkpoints");
    }

    public Path savepointDirectory() {
        return directory.resolve("savepoints");
    }

    /** Where a process ({@code jobmanager} or a TaskManager id) serves its metrics to Prometheus, if configured. */
    public synchronized Optional<URI> prometheusEndpoint(String processId) {
        return Optional.ofNullable(prometheusPorts.get(processId))
                .map(port -> URI.create("http://" + HOST + ":" + port + "/metrics"));
    }

    /** A process's log file ({@code jobmanager} or a TaskManager id). */
    public Path logFile(String processId) {
        return directory.resolve("log").resolve(processId + ".log");
    }

    @Override
    public synchronized void close() {
        List<String> order = new ArrayList<>(taskManagerIds());
        order.add(JOB_MANAGER);
        for (String id : order) {
            Process process = processes.remove(id);
            if (process != null) {
                process.destroy();
                if (!ChildJvm.awaitExit(process, Duration.ofSeconds(30))) {
                    process.destroyForcibly();
                    ChildJvm.awaitExit(process, Duration.ofSeconds(10));
                }
                LIVE_PROCESSES.remove(process);
            }
        }
        Directories.deleteRecursively(directory);
    }

    @Override
    public String toString() {
        return "LocalFlinkCluster[" + rest.baseUri() + ", " + directory + "]";
    }

    private Path confDirectory() {
        return directory.resolve("conf");
    }

    private String launchTaskManager() {
        String id = "tm-" + (++taskManagersStarted);
        launch(
                id,
                TASK_MANAGER_MAIN,
                List.of(
                        "-Xmx" + taskManagerMemory.jvmHeapMb() + "m",
                        "-Xms" + taskManagerMemory.jvmHeapMb() + "m",
                        "-XX:MaxDirectMemorySize=192m",
                        "-XX:MaxMetaspaceSize=256m"),
                "-Dtaskmanager.resource-id=" + id);
        return id;
    }

    private void launch(String id, String mainClass, List<String> memory, String... dynamicProperties) {
        List<String> jvm = new ArrayList<>(memory);
        jvm.add("-XX:+UseParallelGC");
        jvm.add("-Dlog.file=" + logFile(id));
        jvm.add("-Dlog4j.configurationFile="
                + confDirectory().resolve("log4j2.xml").toUri());
        jvm.addAll(jvmOptions);
        List<String> args =
                new ArrayList<>(List.of("--configDir", confDirectory().toString()));
        args.addAll(List.of(dynamicProperties));
        if (PROMETHEUS_REPORTER.equals(configuration.get("metrics.reporter.prom.factory.class"))) {
            int port = ChildJvm.freePort();
            prometheusPorts.put(id, port);
            args.add("-Dmetrics.reporter.prom.port=" + port);
        }
        try {
            List<String> command =
                    ChildJvm.command(directory.resolve(id + ".classpath.args"), classpath, jvm, mainClass, args);
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("log").resolve(id + ".out").toFile()))
                    .start();
            LIVE_PROCESSES.add(process);
            processes.put(id, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + id, e);
        }
    }

    private void awaitRest() {
        await("the JobManager's REST API at " + rest.baseUri(), () -> {
            failIfExited(JOB_MANAGER);
            return rest.answers();
        });
    }

    private void awaitTaskManagers(List<String> ids) {
        await("TaskManagers " + ids + " to register", () -> {
            ids.forEach(this::failIfExited);
            return rest.taskManagerIds().containsAll(ids);
        });
    }

    private void failIfExited(String id) {
        Process process = processes.get(id);
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException(id + " exited with " + process.exitValue() + "; last lines of "
                    + logFile(id) + ":" + System.lineSeparator() + Directories.tail(logFile(id), 40)
                    + System.lineSeparator()
                    + Directories.tail(directory.resolve("log").resolve(id + ".out"), 20));
        }
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("timed out after " + startupTimeout + " waiting for " + what
                + "; JobManager log: " + System.lineSeparator() + Directories.tail(logFile(JOB_MANAGER), 40));
    }

    private String configYaml() {
        // Every value quoted: paths and URIs carry ':' and YAML must not read them as anything but strings.
        return configuration.entrySet().stream()
                .map(entry -> entry.getKey() + ": \""
                        + entry.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining("\n", "# written by LocalFlinkCluster\n", "\n"));
    }

    private static final String LOG4J2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN">
              <Appenders>
                <File name="file" fileName="${sys:log.file}" append="true">
                  <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level %-60c{1.} - %msg%n"/>
                </File>
              </Appenders>
              <Loggers>
                <Logger name="org.apache.pekko" level="WARN"/>
                <Logger name="org.apache.kafka" level="WARN"/>
                <Logger name="org.apache.flink.runtime.checkpoint.CheckpointCoordinator" level="WARN"/>
                <Root level="INFO"><AppenderRef ref="file"/></Root>
              </Loggers>
            </Configuration>
            """;

    /**
     * A TaskManager's memory: task heap (operators and heap state) and managed memory (RocksDB's block cache and write
     * buffers), in MB; the framework's 128 MB heap comes on top of the task heap.
     */
    public record TaskManagerMemory(int taskHeapMb, int managedMb) {
        /** Enough for the test jobs; three such TaskManagers and a JobManager fit a 2-core test machine. */
        public static final TaskManagerMemory SMALL = new TaskManagerMemory(320, 32);

        int jvmHeapMb() {
            return 128 + taskHeapMb;
        }
    }

    /** Settings for a {@link LocalFlinkCluster}. */
    public static final class Builder {
        private Path baseDirectory = Directories.defaultBase();
        private String classpath;
        private int taskManagers = 2;
        private int slotsPerTaskManager = 2;
        private final Map<String, String> configuration = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration startupTimeout = Duration.ofSeconds(90);
        private TaskManagerMemory taskManagerMemory = TaskManagerMemory.SMALL;

        private Builder() {}

        /** The cluster's classpath (Flink's {@code lib/}), as a path-separated list. */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        /** The classpath from a file holding one path-separated line (what {@code dependency:build-classpath} writes). */
        public Builder classpathFile(Path file) {
            try {
                return classpath(Files.readString(file).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Flink classpath from " + file, e);
            }
        }

        /** Where the cluster's directory (configuration, logs, checkpoints, savepoints) is created; deleted on close. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath();
            return this;
        }

        public Builder taskManagers(int taskManagers) {
            this.taskManagers = taskManagers;
            return this;
        }

        public Builder slotsPerTaskManager(int slots) {
            this.slotsPerTaskManager = slots;
            return this;
        }

        /** Every TaskManager's memory (default {@link TaskManagerMemory#SMALL}). */
        public Builder taskManagerMemory(TaskManagerMemory memory) {
            this.taskManagerMemory = Objects.requireNonNull(memory);
            return this;
        }

        /** Sets or overrides one key of every process's {@code config.yaml}. */
        public Builder configuration(String key, String value) {
            configuration.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** Extra JVM options for every process (e.g. the {@code --add-opens} Flink needs on Java 17). */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Builds the cluster and starts it. */
        public LocalFlinkCluster start() {
            if (classpath == null) {
                throw new IllegalStateException("no Flink classpath: set classpath(...) or classpathFile(...)");
            }
            LocalFlinkCluster cluster = new LocalFlinkCluster(this);
            try {
                return cluster.start();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }
}
