package org.varsel.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.varsel.pipeline.VarselPipeline;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.BaselineBursts;
import org.varsel.pipeline.correlate.BurstState;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CoordinationState;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.Detector;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.KeyedSignal;
import org.varsel.pipeline.operators.DetectorFunction;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * CPU per signal of the four correlation detectors alone, as Flink operators on a state backend with 1 s checkpoints:
 * {@link CorrelationMemory}'s generated stream (already analysed, so no parsing, language, classifier or rules) through
 * the detectors' keys and keyed operators on a local MiniCluster, minus a control run that only generates. A fixed
 * workload for before/after comparisons of the state layer (docs/performance.md).
 * {@code heads=write-through} runs the detectors as plain keyed process operators (every head change written at once),
 * the form before their heads were written back at the checkpoint barrier.
 * {@code bench/run org.varsel.bench.DetectorStateCpu [signals] [rocksdb|hashmap] [parallelism] [rounds]
 * [heads=write-through] [flink.key=value ...]}
 */
public final class DetectorStateCpu {
    private static final int PER_MINUTE = 500;
    private static final TypeInformation<KeyedSignal> KEYED = TypeInformation.of(KeyedSignal.class);
    private static final TypeInformation<FindingUpdate> FINDING = TypeInformation.of(FindingUpdate.class);

    public static void main(String[] args) throws Exception {
        long signals = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        String backend = args.length > 1 ? args[1] : "rocksdb";
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Configuration extra = new Configuration();
        boolean writeThrough = false;
        for (int i = 4; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            if (setting[0].equals("heads")) {
                writeThrough = setting[1].equals("write-through");
            } else {
                extra.setString(setting[0], setting[1]);
            }
        }
        System.err.printf(
                "%,d generated signals, %s, parallelism %d, 1 s checkpoints, %d rounds (the first warms the JIT), heads %s %s%n",
                signals,
                backend,
                parallelism,
                rounds,
                writeThrough ? "written through" : "written back at the barrier",
                extra);
        for (int round = 1; round <= rounds; round++) {
            double control = run(signals, backend, parallelism, extra, false, writeThrough);
            double detectors = run(signals, backend, parallelism, extra, true, writeThrough);
            System.out.printf(
                    "round %d: detectors %.1f core-µs/signal (job %.1f, generating alone %.1f); load average %.1f%n",
                    round,
                    detectors - control,
                    detectors,
                    control,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Core-µs per signal of one bounded job: generation (and the detectors when asked). */
    private static double run(
            long signals, String backend, int parallelism, Configuration extra, boolean detect, boolean writeThrough)
            throws Exception {
        Path checkpoints = Files.createTempDirectory("varsel-detector-cpu-");
        Configuration config = new Configuration(extra);
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, "rocksdb".equals(backend));
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        VarselPipeline.configure(env, PipelineSettings.from(java.util.Map.of("pipeline.checkpoint.interval", "PT1S")));

        DataStream<AnalysedSignal> analysed = env.fromSequence(0, signals - 1)
                .map(new Generate(), TypeInformation.of(AnalysedSignal.class))
                .name("generate")
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<AnalysedSignal>forBoundedOutOfOrderness(Duration.ofMinutes(5))
                                .withTimestampAssigner((signal, previous) ->
                                        signal.signal().observedAt().toEpochMilli()));
        if (detect) {
            CorrelationSettings correlation = CorrelationSettings.defaults();
            CorrelationKeys keys = new CorrelationKeys(correlation);
            detector(
                    analysed.<KeyedSignal>flatMap(
                            (s, out) -> keys.coSimilarText(s).ifPresent(out::collect), KEYED),
                    CoordinatedAccounts.coSimilarText(correlation),
                    CoordinationState.class,
                    correlation,
                    writeThrough);
            detector(
                    analysed.<KeyedSignal>flatMap((s, out) -> keys.coLink(s).forEach(out::collect), KEYED),
                    CoordinatedAccounts.coLink(correlation),
                    CoordinationState.class,
                    correlation,
                    writeThrough);
            detector(
                    analysed.<KeyedSignal>flatMap((s, out) -> keys.hashtags(s).forEach(out::collect), KEYED),
                    BaselineBursts.hashtagPush(correlation),
                    BurstState.class,
                    correlation,
                    writeThrough);
            detector(
                    analysed.<KeyedSignal>flatMap((s, out) -> keys.surge(s).forEach(out::collect), KEYED),
                    BaselineBursts.surge(correlation),
                    BurstState.class,
                    correlation,
                    writeThrough);
        } else {
            analysed.sinkTo(new DiscardingSink<>());
        }
        long cpu0 = processCpuNanos();
        env.execute("detector state cpu");
        return (processCpuNanos() - cpu0) / 1e3 / signals;
    }

    private static <H> void detector(
            DataStream<KeyedSignal> keyed,
            Detector<H> detector,
            Class<H> head,
            CorrelationSettings settings,
            boolean writeThrough) {
        DetectorFunction<H> function = new DetectorFunction<>(detector, head, settings.stateTtl());
        KeyedStream<KeyedSignal, String> byKey = keyed.keyBy(KeyedSignal::key, Types.STRING);
        (writeThrough ? byKey.process(function, FINDING) : byKey.transform("detector", FINDING, function.operator()))
                .sinkTo(new DiscardingSink<>());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Signal {@code n} of {@link CorrelationMemory}'s stream; each subtask draws from its own seeded generator. */
    private static final class Generate extends RichMapFunction<Long, AnalysedSignal> {
        private transient SplittableRandom random;
        private transient List<String> campaignTexts;

        @Override
        public void open(OpenContext context) {
            SplittableRandom texts = new SplittableRandom(2026);
            campaignTexts = new ArrayList<>();
            for (int c = 0; c < 2_000; c++) {
                campaignTexts.add(CorrelationMemory.sentence(texts, 18));
            }
            random = new SplittableRandom(
                    2026 + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        }

        @Override
        public AnalysedSignal map(Long n) {
            return CorrelationMemory.generate(random, n, PER_MINUTE, campaignTexts);
        }
    }
}
