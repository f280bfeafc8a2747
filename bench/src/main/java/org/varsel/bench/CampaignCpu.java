package org.varsel.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.varsel.contract.Author;
import org.varsel.contract.Incident;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.VarselPipeline;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignIncidents;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.correlate.BaselineBursts;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.DetectorReplay;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.operators.CampaignFunction;
import org.varsel.pipeline.operators.CampaignIncidentFunction;
import org.varsel.pipeline.operators.WatermarkAfterEveryRecord;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * CPU per signal of campaign consolidation alone: {@link CorrelationMemory}'s generated stream goes through the four
 * detectors and the high-severity check in memory once (not measured), and their findings, in the order they came out,
 * through {@link CampaignFunction} and {@link CampaignIncidentFunction} on a local MiniCluster with a state backend and
 * 1 s checkpoints, minus a control run that only reads the findings; and through {@link CampaignFunction} alone, the
 * share of the one key (the incidents are built keyed by campaign). A fixed workload for before/after comparisons of
 * consolidation (docs/performance.md).
 * The {@code bench} mix is {@code ./varsel bench}'s generated half (few accounts, 300 hashtags and 400 links, skewed,
 * 20 small campaigns, a signal every 100 ms): findings that share accounts and content all the time, as the bench's
 * are; {@code memory} is {@link CorrelationMemory}'s sparser stream.
 * {@code bench/run org.varsel.bench.CampaignCpu [signals] [rocksdb|hashmap|changelog] [rounds] [bench|memory]
 * [emit-interval]} (ISO-8601, default {@code PT1M}; {@code PT0S} emits every change, the behaviour before coalescing)
 */
public final class CampaignCpu {
    private static final int PER_MINUTE = 500;
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        long signals = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        String backend = args.length > 1 ? args[1] : "rocksdb";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean benchMix = args.length <= 3 || "bench".equals(args[3]);
        CampaignSettings campaigns = settingsWithEmitInterval(args, 4);
        List<FindingUpdate> findings = findings(signals, benchMix);
        System.err.printf(
                "%,d generated signals (%s mix) → %,d finding updates; %s, 1 s checkpoints, emit interval %s, %d rounds (the"
                        + " first warms the JIT)%n",
                signals, benchMix ? "bench" : "memory", findings.size(), backend, campaigns.emitInterval(), rounds);
        for (int round = 1; round <= rounds; round++) {
            double control = run(findings, campaigns, backend, Stages.READ);
            double oneKey = run(findings, campaigns, backend, Stages.CONSOLIDATE);
            double both = run(findings, campaigns, backend, Stages.CONSOLIDATE_AND_BUILD);
            System.out.printf(
                    "round %d: consolidation and incidents %.1f core-µs/signal, %.0f core-µs/finding update; of which the"
                            + " one key (consolidation alone) %.1f core-µs/signal, %.0f core-µs/finding update (job %.1f,"
                            + " reading alone %.1f core-µs/signal); load average %.1f%n",
                    round,
                    (both - control) / signals,
                    (both - control) / findings.size(),
                    (oneKey - control) / signals,
                    (oneKey - control) / findings.size(),
                    both / signals,
                    control / signals,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The default campaign settings, with the emit interval of {@code args[index]} (ISO-8601) when it is given. */
    static CampaignSettings settingsWithEmitInterval(String[] args, int index) {
        CampaignSettings defaults = CampaignSettings.defaults();
        return args.length > index ? defaults.withEmitInterval(Duration.parse(args[index])) : defaults;
    }

    /** The detectors' findings over the generated stream, in the order they came out (as {@code CampaignsTest} makes them). */
    static List<FindingUpdate> findings(long signals, boolean benchMix) {
        CorrelationSettings settings = CorrelationSettings.defaults();
        CorrelationKeys keys = new CorrelationKeys(settings);
        SingleSignals single = SingleSignals.from(settings);
        List<FindingUpdate> findings = new ArrayList<>();
        var coSimilar =
                new DetectorReplay<>(CoordinatedAccounts.coSimilarText(settings), OUT_OF_ORDERNESS, findings::add);
        var coLink = new DetectorReplay<>(CoordinatedAccounts.coLink(settings), OUT_OF_ORDERNESS, findings::add);
        var hashtags = new DetectorReplay<>(BaselineBursts.hashtagPush(settings), OUT_OF_ORDERNESS, findings::add);
        var surge = new DetectorReplay<>(BaselineBursts.surge(settings), OUT_OF_ORDERNESS, findings::add);
        SplittableRandom random = new SplittableRandom(2026);
        List<String> campaignTexts = new ArrayList<>();
        for (int c = 0; c < 2_000; c++) {
            campaignTexts.add(CorrelationMemory.sentence(random, 18));
        }
        for (long n = 0; n < signals; n++) {
            AnalysedSignal signal = benchMix
                    ? benchMix(random, n, campaignTexts)
                    : CorrelationMemory.generate(random, n, PER_MINUTE, campaignTexts);
            single.highSeverity(signal).map(FindingUpdate::ofSingleSignal).ifPresent(findings::add);
            keys.coSimilarText(signal).ifPresent(coSimilar::feed);
            keys.coLink(signal).forEach(coLink::feed);
            keys.hashtags(signal).forEach(hashtags::feed);
            keys.surge(signal).forEach(surge::feed);
        }
        coSimilar.finish();
        coLink.finish();
        hashtags.finish();
        surge.finish();
        return findings;
    }

    /** Signal {@code n} of the bench's generated mix (cli {@code BenchWorkload}), already analysed. */
    private static AnalysedSignal benchMix(SplittableRandom random, long n, List<String> campaignTexts) {
        String account;
        String text;
        List<String> urls = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        if (random.nextInt(100) < 2) {
            int campaign = random.nextInt(20);
            account = "acct" + (random.nextInt(30) + 30 * campaign);
            text = campaignTexts.get(campaign);
            tags.add("#tag" + campaign);
            urls.add("https://site.example/" + campaign);
        } else {
            account = "acct" + skewed(random, 5_000);
            text = CorrelationMemory.sentence(random, 6 + random.nextInt(30));
            if (random.nextInt(100) < 30) {
                tags.add("#tag" + skewed(random, 300));
            }
            if (random.nextInt(100) < 20) {
                urls.add("https://site.example/" + skewed(random, 400));
            }
        }
        Labels labels = random.nextInt(100) < 3
                ? new Labels("incitement", List.of(), List.of("velmari"), 40 + random.nextInt(60))
                : null;
        Signal signal = new Signal(
                SignalIds.of("feed:bench", "c-" + n),
                "feed:bench",
                "c-" + n,
                "post",
                CorrelationMemory.T0.plusMillis(n * 100),
                null,
                "x",
                new Author(account, null, null),
                text,
                "en",
                Tlp.CLEAR,
                labels,
                null);
        return new AnalysedSignal(
                signal, "en", 1.0, urls, List.of("x"), tags, List.of(), null, Map.of(), null, List.of(), null);
    }

    /** Few accounts, hashtags and links are frequent, most are rare (as the bench draws them). */
    private static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    /** What a run does with the findings. */
    private enum Stages {
        /** Reads them (the control). */
        READ,
        /** Consolidates them on the one key, its changes discarded. */
        CONSOLIDATE,
        /** Consolidates them and builds the campaigns' incidents keyed by campaign, as the pipeline does. */
        CONSOLIDATE_AND_BUILD
    }

    /** Core-µs of one bounded job over the findings. */
    private static double run(List<FindingUpdate> findings, CampaignSettings campaigns, String backend, Stages stages)
            throws Exception {
        Path checkpoints = Files.createTempDirectory("varsel-campaign-cpu-");
        Configuration config = new Configuration();
        // changelog: the heap backend under generic log-based incremental checkpoints (state changes logged as
        // they happen, the heap snapshot materialised every few minutes instead of at every checkpoint)
        boolean changelog = "changelog".equals(backend);
        config.set(StateBackendOptions.STATE_BACKEND, changelog ? "hashmap" : backend);
        config.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, changelog);
        config.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        config.set(
                FsStateChangelogOptions.BASE_PATH,
                checkpoints.resolve("changelog").toString());
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, "rocksdb".equals(backend));
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        PipelineSettings settings = PipelineSettings.from(java.util.Map.of("pipeline.checkpoint.interval", "PT1S"));
        VarselPipeline.configure(env, settings);
        DataStream<FindingUpdate> stream = findingStream(env, findings);
        if (stages == Stages.READ) {
            stream.sinkTo(new DiscardingSink<>());
        } else if (stages == Stages.CONSOLIDATE) {
            changes(stream).sinkTo(new DiscardingSink<>());
        } else {
            campaigns(stream, campaigns).sinkTo(new DiscardingSink<>());
        }
        long cpu0 = processCpuNanos();
        env.execute("campaign cpu");
        return (processCpuNanos() - cpu0) / 1e3;
    }

    /** The findings in event time, a watermark after each (as the detectors emit them). */
    static DataStream<FindingUpdate> findingStream(StreamExecutionEnvironment env, List<FindingUpdate> findings) {
        return env.fromData(findings, TypeInformation.of(FindingUpdate.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<FindingUpdate>forGenerator(
                                c -> new WatermarkAfterEveryRecord<>(OUT_OF_ORDERNESS))
                        .withTimestampAssigner(
                                (f, previous) -> f.incident().updatedAt().toEpochMilli()));
    }

    /** The findings consolidated on the one campaign key: what changed in which campaign. */
    static DataStream<CampaignChange> changes(DataStream<FindingUpdate> findings) {
        return findings.keyBy(f -> CampaignFunction.KEY, Types.STRING)
                .process(
                        new CampaignFunction(
                                new Campaigns(CampaignSettings.defaults()),
                                CorrelationSettings.defaults().stateTtl()),
                        TypeInformation.of(CampaignChange.class))
                .name("consolidation");
    }

    /** The findings consolidated into one incident per campaign, built keyed by campaign as the job does it. */
    static DataStream<Incident> campaigns(DataStream<FindingUpdate> findings, CampaignSettings settings) {
        return changes(findings)
                .keyBy(CampaignChange::campaignId, Types.STRING)
                .process(
                        new CampaignIncidentFunction(
                                new CampaignIncidents(settings),
                                CorrelationSettings.defaults().stateTtl()),
                        TypeInformation.of(Incident.class))
                .name("campaign incidents");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
