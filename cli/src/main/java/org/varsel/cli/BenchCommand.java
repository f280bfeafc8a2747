package org.varsel.cli;

import static org.varsel.cli.BenchMeasures.brokerCpuNanos;
import static org.varsel.cli.BenchMeasures.heapAfterLastGc;
import static org.varsel.cli.BenchMeasures.lastCheckpointBytes;
import static org.varsel.cli.BenchMeasures.machine;
import static org.varsel.cli.BenchMeasures.percentile;
import static org.varsel.cli.BenchMeasures.processCpuNanos;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.varsel.cli.local.JobTopics;
import org.varsel.cli.local.LocalPipelineEnvironment;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RulePack;
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
    mixinStandardHelpOptions = true,
    description = {
        "End-to-end benchmark of the real pipeline (local Kafka broker in its own JVM, local Flink MiniCluster, exactly once,"
            + " the bundled rules plus generated ones, the classifier, all detectors). Per parallelism: throughput over a"
            + " pre-published backlog (bounded job, with and without job start-up), then p50/p99 latency from produce to"
            + " incident seen by a read_committed consumer at a fixed rate, CPU per signal, heap after GC, checkpoint size.",
        "Progress goes to stderr; the table to stdout; the last line is `throughput=<signals/s> p99_ms=<ms> signals=<N>`"
            + " (the parallelism with the highest sustained throughput). See docs/performance.md."})
public final class BenchCommand implements Callable<Integer> {
  private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  @Option(names = "--signals", description = "signals in the throughput backlog (default: ${DEFAULT-VALUE})")
  long signals = 200_000;

  @Option(names = "--rate", description = "signals/s in the latency phase (default: 50%% of the measured throughput)")
  double rate;

  @Option(names = "--parallelism", split = ",", description = "Flink parallelism(s) to run (default: 1,2)")
  List<Integer> parallelism = new ArrayList<>(List.of(1, 2));

  @Option(names = "--rules", description = "active rules: the bundled pack plus generated ones (default: ${DEFAULT-VALUE})")
  int rules = 1_000;

  @Option(names = "--latency-seconds", description = "length of the fixed-rate latency phase (default: ${DEFAULT-VALUE})")
  int latencySeconds = 30;

  @Option(names = "--checkpoint-interval", description = "pipeline.checkpoint.interval for both phases; exactly-once"
      + " output becomes visible at checkpoints, so it bounds latency (default: ${DEFAULT-VALUE})")
  String checkpointInterval = "PT1S";

  @Option(names = "--warmup", description = "signals of an unmeasured bounded run first, so the JIT has compiled the hot"
      + " path (Lucene needs 12-16 s on 2 cores); 0 to skip (default: ${DEFAULT-VALUE})")
  long warmup = 30_000;

  @Option(names = "--state-backend", description = "hashmap (heap, full snapshots: local runs and tests) or rocksdb"
      + " (incremental checkpoints: the production manifests) (default: ${DEFAULT-VALUE})")
  String stateBackend = "hashmap";

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a pipeline setting for every run (repeatable; keys in"
      + " docs/configuration.md), e.g. --set pipeline.co-similar.window=PT2M for a soak that shows state levelling off")
  Map<String, String> extraSettings = new LinkedHashMap<>();

  @Option(names = "--no-ira", description = "do not use the shared IRA troll tweets even when present")
  boolean noIra;

  @Option(names = "--bursts", description = "instead of the throughput and latency phases: a bursty soak of this many"
      + " bursts (a coordinated campaign of 12 accounts plus --burst-signals generated signals each), every burst"
      + " followed by a pause of --burst-pause; reports per burst which campaign detectors fired and how soon (0: off)")
  int bursts;

  @Option(names = "--burst-pause", description = "seconds of silence after each burst; longer than"
      + " pipeline.event-time.source-idleness (PT30S) so that every partition goes idle (default: ${DEFAULT-VALUE})")
  int burstPause = 45;

  @Option(names = "--burst-signals", description = "generated signals around each burst's campaign (default: ${DEFAULT-VALUE})")
  int burstSignals = 2_000;

  /** What one parallelism measured. */
  record Result(int parallelism, long signals, double jobSeconds, double startupSeconds, long incidents,
      double cpuUsPerSignal, double brokerCpuUsPerSignal, double rate, int probes, int missing,
      double p50Ms, double p99Ms, double maxMs, long heapAfterGcBytes, long checkpointBytes) {
    double throughputWithStartup() {
      return signals / jobSeconds;
    }

    double throughput() {
      return signals / Math.max(0.001, jobSeconds - startupSeconds);
    }
  }

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getProperty("varsel.home", "."));
    Optional<Path> ira = noIra ? Optional.empty() : BenchWorkload.findIra(home);
    progress("%s", machine());
    progress("loading the workload (%s) ...", ira.map(Path::toString).orElse("IRA troll tweets absent: generated signals only"));
    BenchWorkload workload = new BenchWorkload(ira, 100_000);
    progress("signals: %s", workload.description());
    Path work = Files.createTempDirectory("varsel-bench-");
    Path rulesDir = rulesDirectory(home, work, workload);

    List<Result> results = new ArrayList<>();
    try (LocalKafka kafka = LocalKafka.builder().maxHeap("1g").start()) {
      if (bursts > 0) {
        int p = parallelism.get(0);
        PipelineSettings settings = settings(kafka, "bench-bursts-p" + p, p, false, rulesDir);
        JobTopics.create(kafka, settings, p);
        StreamExecutionEnvironment env = LocalPipelineEnvironment.create(p, work.resolve("chk-bursts"), stateBackend);
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
    print(System.out, workload, results);
    return 0;
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
    progress("rules: %d (%d bundled + %d generated) in %s", pack.rules().size(), pack.rules().size() - generated, generated, dir);
    return dir;
  }

  /** Every rule and lexicon file under {@code source} into {@code target}, sub-folders kept (rules name lexicons in {@code lexicons/}). */
  static void copyRuleFiles(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
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
    double seconds = execute(settings, work.resolve("chk-warmup"));
    progress("warm-up: %.1f s", seconds);
  }

  private static void publish(LocalKafka kafka, BenchWorkload workload, PipelineSettings settings, long count) throws Exception {
    Instant now = Instant.now();
    long stepMs = Math.max(1, Math.min(100, Duration.ofHours(6).toMillis() / Math.max(1, count)));
    Instant base = now.minusMillis(stepMs * count + 1_000);
    try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
      for (long i = 0; i < count; i++) {
        publisher.publish("bench-" + i, workload.signal(i, base.plusMillis(i * stepMs)), "bench:generated", now);
        if ((i + 1) % 100_000 == 0) {
          progress("  %,d published", i + 1);
        }
      }
    }
  }

  private Result run(LocalKafka kafka, BenchWorkload workload, Path rulesDir, Path work, int p) throws Exception {
    // Throughput: an empty bounded run measures job start-up and the final checkpoint, then the backlog.
    PipelineSettings empty = settings(kafka, "bench-p" + p + "-empty", p, true, rulesDir);
    JobTopics.create(kafka, empty, p);
    progress("p=%d: job start-up (bounded job over an empty topic) ...", p);
    long startupCpu0 = processCpuNanos();
    double startup = execute(empty, work.resolve("chk-p" + p + "-empty"));
    long startupCpu = processCpuNanos() - startupCpu0;

    PipelineSettings backlog = settings(kafka, "bench-p" + p + "-tp", p, true, rulesDir);
    JobTopics.create(kafka, backlog, p);
    progress("p=%d: publishing %,d signals ...", p, signals);
    publish(kafka, workload, backlog, signals);
    progress("p=%d: running the pipeline over the backlog ...", p);
    long cpu0 = processCpuNanos();
    long broker0 = brokerCpuNanos(kafka);
    double seconds;
    try (BacklogProgress shown = new BacklogProgress(kafka, backlog.kafkaGroup(), "p=" + p, signals, Duration.ofSeconds(10))) {
      seconds = execute(backlog, work.resolve("chk-p" + p + "-tp"));
    }
    // Start-up (rule checks, engine builds, task deployment) is measured on the empty run and taken out.
    double cpuUs = Math.max(0, processCpuNanos() - cpu0 - startupCpu) / 1e3 / signals;
    double brokerUs = (brokerCpuNanos(kafka) - broker0) / 1e3 / signals;
    long incidents = ReplayCommand.readAll(kafka, backlog.incidentTopic(), b -> b).size();
    progress("p=%d: %,d signals in %.1f s (start-up %.1f s): %,.0f signals/s, %,.0f without start-up; %.0f µs CPU/signal"
        + " (+ broker %.0f µs); %,d incident updates", p, signals, seconds, startup, signals / seconds,
        signals / Math.max(0.001, seconds - startup), cpuUs, brokerUs, incidents);
    Result throughput = new Result(p, signals, seconds, startup, incidents, cpuUs, brokerUs, 0, 0, 0, 0, 0, 0, 0, 0);

    double r = rate > 0 ? rate : Math.max(10, 0.5 * throughput.throughput());
    return latency(kafka, workload, rulesDir, work, p, r, throughput);
  }

  /** Unbounded job, signals at {@code r}/s, ten labelled probes a second, each timed until its incident is committed. */
  private Result latency(LocalKafka kafka, BenchWorkload workload, Path rulesDir, Path work, int p, double r, Result tp)
      throws Exception {
    PipelineSettings settings = settings(kafka, "bench-p" + p + "-lat", p, false, rulesDir);
    JobTopics.create(kafka, settings, p);
    Path checkpoints = work.resolve("chk-p" + p + "-lat");
    StreamExecutionEnvironment env = LocalPipelineEnvironment.create(p, checkpoints, stateBackend);
    JobClient job = PipelineJob.start(env, settings);
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread watcher = new Thread(() -> watch(kafka, settings.incidentTopic(), sentAt, latencyNanos, stop), "bench-incident-watch");
    watcher.setDaemon(true);
    watcher.start();
    try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), settings.rawTopic())) {
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
          progress("p=%d:   %3d s: %,d sent, %d/%d probes seen, heap used %,d MB (after the last GC %,d MB), last checkpoint %,d KB",
              p, (t - start) / 1_000_000_000L, sent, probesSeen(latencyNanos), probes,
              ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, heapAfterLastGc() >> 20,
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
      List<Long> ms = latencyNanos.entrySet().stream().filter(e -> e.getKey().startsWith("probe-"))
          .map(e -> e.getValue() / 1_000_000L).sorted().toList();
      Result result = new Result(p, tp.signals(), tp.jobSeconds(), tp.startupSeconds(), tp.incidents(), tp.cpuUsPerSignal(),
          tp.brokerCpuUsPerSignal(), sent / (double) latencySeconds, ms.size(),
          probes - ms.size(), percentile(ms, 0.50), percentile(ms, 0.99), ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1),
          heap, checkpointBytes);
      progress("p=%d: %d/%d probes seen, p50 %.0f ms, p99 %.0f ms, max %.0f ms; process CPU %.1f s over %d s;"
          + " heap after GC %,d MB; last checkpoint %,d KB", p, ms.size(), probes, result.p50Ms(), result.p99Ms(),
          result.maxMs(), cpuSeconds, latencySeconds, heap >> 20, checkpointBytes >> 10);
      return result;
    } finally {
      stop.set(true);
      job.cancel().get();
      watcher.join(5_000);
    }
  }

  private static long probesSeen(Map<String, Long> latencies) {
    return latencies.keySet().stream().filter(k -> k.startsWith("probe-")).count();
  }

  /** A read_committed consumer of the whole topic from its beginning, polled at short intervals: how the bench sees incidents. */
  static KafkaConsumer<byte[], byte[]> committedFromStart(LocalKafka kafka, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** Reads committed incidents as they come and times the first incident of each probe. */
  private static void watch(LocalKafka kafka, String topic, Map<String, Long> sentAt, Map<String, Long> latency, AtomicBoolean stop) {
    try (KafkaConsumer<byte[], byte[]> consumer = committedFromStart(kafka, topic)) {
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
    boolean single = incident.kind() == IncidentKind.PARTNER_ASSESSMENT || incident.kind() == IncidentKind.HIGH_SEVERITY;
    if (!single || incident.evidence() == null) {
      return List.of();
    }
    return incident.evidence().signals().stream().map(Incident.EvidenceSignal::externalId).toList();
  }

  /** Runs the bounded job to the end; returns its wall-clock seconds. */
  private double execute(PipelineSettings settings, Path checkpoints) throws Exception {
    StreamExecutionEnvironment env = LocalPipelineEnvironment.create(settings.parallelism(), checkpoints, stateBackend);
    PipelineJob.wire(env, settings);
    long began = System.nanoTime();
    env.execute("varsel bench");
    return (System.nanoTime() - began) / 1e9;
  }

  private PipelineSettings settings(LocalKafka kafka, String run, int p, boolean bounded, Path rulesDir) {
    String prefix = run + "-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> values = new LinkedHashMap<>(PipelineKeys.isolatedRun(prefix));
    values.put(PipelineKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
    values.put(PipelineKeys.PARALLELISM, Integer.toString(p));
    values.put(PipelineKeys.BOUNDED, Boolean.toString(bounded));
    values.put(PipelineKeys.RULES_DIR, rulesDir.toString());
    values.put(PipelineKeys.CHECKPOINT_INTERVAL, checkpointInterval);
    values.putAll(extraSettings);
    return PipelineSettings.from(values);
  }

  private void print(PrintStream out, BenchWorkload workload, List<Result> results) {
    out.println("varsel bench: " + machine());
    out.println("  broker: a separate JVM on the same cores (its CPU is shown apart); exactly once; state backend "
        + stateBackend + "; checkpoint interval " + checkpointInterval
        + (extraSettings.isEmpty() ? "" : "; settings " + extraSettings) + "; " + rules + " rules; signals: " + workload.description());
    out.printf(Locale.ROOT, "%-3s %10s %12s %12s %9s %9s %9s %8s %8s %8s %9s %9s %10s%n",
        "p", "signals", "sig/s", "sig/s", "CPU µs", "broker µs", "rate", "probes", "p50 ms", "p99 ms", "max ms",
        "heap MB", "chkpt KB");
    out.printf(Locale.ROOT, "%-3s %10s %12s %12s %9s %9s %9s %8s %8s %8s %9s %9s %10s%n",
        "", "", "sustained", "w/ start-up", "/signal", "/signal", "sig/s", "seen", "", "", "", "after GC", "last");
    for (Result r : results) {
      out.printf(Locale.ROOT, "%-3d %,10d %,12.0f %,12.0f %9.0f %9.0f %,9.0f %4d/%-3d %8.0f %8.0f %9.0f %9d %,10d%n",
          r.parallelism(), r.signals(), r.throughput(), r.throughputWithStartup(), r.cpuUsPerSignal(), r.brokerCpuUsPerSignal(),
          r.rate(), r.probes(), r.probes() + r.missing(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.heapAfterGcBytes() >> 20,
          r.checkpointBytes() >> 10);
    }
    out.println("  sustained = signals / (job wall time - wall time of the same bounded job over an empty topic);"
        + " CPU µs/signal = (this JVM's CPU time in the throughput phase - that of the empty run) / signals");
    Result best = results.stream().max(Comparator.comparingDouble(Result::throughput)).orElseThrow();
    out.printf(Locale.ROOT, "throughput=%.0f p99_ms=%.0f signals=%d%n", best.throughput(), best.p99Ms(), best.signals());
  }

  static void progress(String format, Object... args) {
    System.err.println("bench: " + String.format(format, args));
  }
}
