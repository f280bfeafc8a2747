package org.varsel.cli;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.varsel.cli.local.JobTopics;
import org.varsel.cli.local.LocalPipelineEnvironment;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.Json;
import org.varsel.contract.settings.Settings;
import org.varsel.local.Directories;
import org.varsel.local.LocalKafka;
import org.varsel.local.StartupTimeoutException;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varsel replay FILE}: runs the real pipeline (a local Kafka broker and a local Flink MiniCluster) over a finite
 * file in event time, as fast as it can, and writes the incidents it found (latest version of each).
 */
@Command(
        name = "replay",
        description = {
            "Replays a file of signals through the real pipeline (a local Kafka broker it starts, a local Flink MiniCluster),"
                    + " in event time, as fast as it can; writes the incidents (latest version of each) and prints a summary.",
            "FILE is signal JSONL (one signal.v1 body a line) or the CSV layout of the IRA troll tweets (publish_date, author,"
                    + " content, language, ...). The source of every signal is file:<name>. Progress goes to stderr."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "signals to replay (.jsonl, or .csv in the IRA layout)")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "JSONL",
            description = "where to write the incidents (default: incidents.jsonl)")
    Path out = Path.of("incidents.jsonl");

    @Option(names = "--format", description = "JSONL or IRA_CSV (default: by the file's extension)")
    ReplayInput.Format format;

    @Option(names = "--limit", description = "replay only the first N records (default: all)")
    long limit;

    @Option(
            names = "--from",
            paramLabel = "INSTANT",
            description = "replay only signals observed at or after this time"
                    + " (e.g. 2016-09-12T00:00:00Z; default: from the start)")
    Instant from = Instant.MIN;

    @Option(
            names = "--until",
            paramLabel = "INSTANT",
            description = "replay only signals observed before this time" + " (default: to the end)")
    Instant until = Instant.MAX;

    @Option(
            names = "--parallelism",
            description = "Flink parallelism (default: ${DEFAULT-VALUE}: with one partition and a"
                    + " watermark after every signal, the same file gives the same incidents and ids every time)")
    int parallelism = 1;

    @Option(
            names = "--settings",
            paramLabel = "PROPERTIES",
            description = "pipeline settings file (thresholds, windows; see docs/configuration.md)")
    Path settingsFile;

    @Option(
            names = "--broker-start-timeout",
            paramLabel = "SECONDS",
            description = "how long the local Kafka broker may take to answer before the replay gives up (default:"
                    + " ${DEFAULT-VALUE}; a machine under heavy load may need 300 or more)")
    int brokerStartTimeout = 90;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("replay: cannot read " + file);
            return 2;
        }
        if (!from.isBefore(until)) {
            System.err.println("replay: --from (" + from + ") must be before --until (" + until + ")");
            return 2;
        }
        if (brokerStartTimeout < 1) {
            System.err.println("replay: --broker-start-timeout must be at least 1 second, not " + brokerStartTimeout);
            return 2;
        }
        ReplayInput input = new ReplayInput(file, format == null ? ReplayInput.guess(file) : format);
        HeapWatch heap = HeapWatch.start();
        LocalKafka started;
        try {
            started = LocalKafka.builder()
                    .maxHeap("768m")
                    .startupTimeout(Duration.ofSeconds(brokerStartTimeout))
                    .start();
        } catch (StartupTimeoutException e) {
            System.err.println("replay: the local Kafka broker did not answer within " + brokerStartTimeout
                    + " s (--broker-start-timeout " + brokerStartTimeout
                    + "); on a loaded machine give it longer, e.g. --broker-start-timeout 300. " + e.getMessage());
            return 1;
        }
        try (LocalKafka kafka = started) {
            PipelineSettings settings = settings(kafka);
            JobTopics.create(kafka, settings, parallelism);

            long began = System.nanoTime();
            long signals = publish(input, kafka, settings);
            double publishSeconds = seconds(began);

            progress("running the pipeline over %,d signals (parallelism %d) ...", signals, parallelism);
            long jobBegan = System.nanoTime();
            Path checkpoints = Directories.createTemp(Directories.defaultBase(), "varsel-replay-checkpoints-");
            try {
                StreamExecutionEnvironment env = LocalPipelineEnvironment.create(parallelism, checkpoints);
                PipelineJob.wire(env, settings);
                env.execute("varsel replay " + file.getFileName());
            } finally {
                Directories.deleteRecursively(checkpoints);
            }
            double jobSeconds = seconds(jobBegan);

            List<byte[]> written = readAll(kafka, settings.incidentTopic(), bytes -> bytes);
            List<Incident> updates = new ArrayList<>();
            for (byte[] update : written) {
                updates.add(IncidentCodec.fromJson(update));
            }
            List<Incident> incidents = latestVersions(updates);
            // what the desk writes: every version, not only the latest of each incident
            progress(
                    "the incident topic holds %,d versions (%,.1f MB of JSON) of %,d incidents",
                    written.size(), written.stream().mapToLong(u -> u.length).sum() / 1e6, incidents.size());
            long deadLetters =
                    readAll(kafka, settings.deadLetterTopic(), bytes -> bytes).size();
            write(incidents, out);
            progress("wrote %,d incidents to %s", incidents.size(), out);
            new ReplaySummary(incidents, signals, deadLetters, jobSeconds, publishSeconds, heap.stop())
                    .print(System.out);
            return 0;
        }
    }

    /** The settings file's keys (thresholds, windows), with the replay's own Kafka wiring on top. */
    private PipelineSettings settings(LocalKafka kafka) throws java.io.IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (settingsFile != null) {
            values.putAll(Settings.readProperties(settingsFile));
        }
        values.putAll(PipelineKeys.isolatedRun(
                "replay-" + UUID.randomUUID().toString().substring(0, 8)));
        values.put(PipelineKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        values.put(PipelineKeys.PARALLELISM, Integer.toString(parallelism));
        values.put(PipelineKeys.BOUNDED, "true");
        // a watermark after every signal: what each operator has seen when event time moves depends on the file alone
        values.putIfAbsent(PipelineKeys.WATERMARKS, "per-record");
        return PipelineSettings.from(values);
    }

    private long publish(ReplayInput input, LocalKafka kafka, PipelineSettings settings) throws Exception {
        AtomicLong sent = new AtomicLong();
        Instant received = Instant.now();
        progress("publishing %s to a local Kafka broker ...", file);
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
            Consumer<ReplayInput.Record> sink = record -> {
                publisher.publish(record.key(), record.body(), input.source(), received);
                if (sent.incrementAndGet() % 50_000 == 0) {
                    progress("  %,d published", sent.get());
                }
            };
            input.read(limit, new ReplayInput.Window(from, until), sink);
        }
        progress("  %,d published", sent.get());
        return sent.get();
    }

    interface Decoder<T> {
        T decode(byte[] bytes) throws Exception;
    }

    /** Everything committed on a topic (read_committed), decoded. */
    static <T> List<T> readAll(LocalKafka kafka, String topic, Decoder<T> decoder) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<byte[]> records = new ArrayList<>();
        TopicSnapshot.read(config, topic, record -> records.add(record.value()));
        List<T> values = new ArrayList<>();
        for (byte[] bytes : records) {
            values.add(decoder.decode(bytes));
        }
        return values;
    }

    static List<Incident> latestVersions(List<Incident> updates) {
        Map<String, Incident> latest = new LinkedHashMap<>();
        updates.forEach(i -> latest.merge(i.id(), i, (a, b) -> b.version() > a.version() ? b : a));
        List<Incident> incidents = new ArrayList<>(latest.values());
        incidents.sort(Comparator.comparing(Incident::firstSeen).thenComparing(Incident::id));
        return incidents;
    }

    private static void write(List<Incident> incidents, Path out) throws Exception {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Incident incident : incidents) {
                writer.write(Json.mapper().writeValueAsString(incident));
                writer.newLine();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void progress(String format, Object... args) {
        System.err.println("replay: " + String.format(format, args));
    }

    /** Samples this JVM's used heap every 100 ms and keeps the peak (the broker's JVM is not included). */
    static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(
                    () -> {
                        while (running) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "replay-heap-watch");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler.start();
            return watch;
        }

        long stop() {
            running = false;
            sampler.interrupt();
            return peak.get();
        }
    }
}
