package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFutures;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.operators.DetectorFunction;
import org.varsel.pipeline.operators.Harnesses;
import org.varsel.pipeline.operators.WatermarkAfterEveryRecord;

/**
 * The detectors' Flink operator keeps each key's state in a value, a map and a list state. On the heap backend and
 * on RocksDB (the production manifests' backend, which serialises on every access) the four detectors must find
 * exactly what the in-memory replay finds, for a stream with a co-similar campaign, shared links, a hashtag push, a
 * surge, a spammer and noise.
 */
class DetectorStateBackendsTest {
    private static final CorrelationSettings SETTINGS = CorrelationSettings.defaults();
    private static final CorrelationKeys KEYS = new CorrelationKeys(SETTINGS);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void everyDetectorFindsOnTheBackendWhatTheReplayFinds(String backend) throws Exception {
        everyDetector(backend, Run.JOB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void earlyWarningFindsOnTheBackendWhatTheReplayFinds(String backend) throws Exception {
        List<Posts> posts = EarlyWarningsTest.weeks(
                "migrants", EarlyWarningsTest.concat(EarlyWarningsTest.BASELINE_WEEKS, List.of(60, 11)));
        posts.addAll(EarlyWarningsTest.weeks(
                "journalists", EarlyWarningsTest.concat(EarlyWarningsTest.BASELINE_WEEKS, List.of(15, 19, 24, 30))));
        posts.forEach(p -> p.region("north"));
        List<AnalysedSignal> stream = posts.stream()
                .map(Posts::analysed)
                .sorted(Comparator.comparing(a -> a.signal().observedAt()))
                .toList();
        EarlyWarningSettings settings = EarlyWarningSettings.defaults();
        check(
                backend,
                Run.JOB,
                List.of(Check.of(
                        "early warning",
                        new EarlyWarnings(settings, EarlyWarningSettings.WEEK),
                        TrendState.class,
                        stream,
                        KEYS::earlyWarning)));
    }

    /**
     * A restore in the middle of the stream (every detector with open groups and incidents), from a snapshot whose
     * asynchronous part is written while the operator goes on: the snapshot must hold the state of its barrier, so an
     * operator that changes in place an object the heap backend is still writing (a cache of heads did) fails here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void everyDetectorFindsAcrossARestoreWhatTheReplayFinds(String backend) throws Exception {
        everyDetector(backend, Run.ACROSS_A_RESTORE);
    }

    /**
     * A checkpoint of the keyed process operator the detectors ran in before their heads were written back at the
     * barrier (same state, same timers) restores into today's operator.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void everyDetectorFindsAcrossARestoreFromTheWriteThroughOperator(String backend) throws Exception {
        everyDetector(backend, Run.RESTORED_FROM_WRITE_THROUGH);
    }

    /** How a check runs the detector: a job with checkpoints, or a harness restored halfway from a snapshot of itself. */
    private enum Run {
        JOB,
        ACROSS_A_RESTORE,
        RESTORED_FROM_WRITE_THROUGH
    }

    private static void everyDetector(String backend, Run run) throws Exception {
        List<AnalysedSignal> stream = stream();
        check(
                backend,
                run,
                List.of(
                        Check.of(
                                "co-similar text",
                                CoordinatedAccounts.coSimilarText(SETTINGS),
                                CoordinationState.class,
                                stream,
                                s -> KEYS.coSimilarText(s).stream().toList()),
                        Check.of(
                                "co-link",
                                CoordinatedAccounts.coLink(SETTINGS),
                                CoordinationState.class,
                                stream,
                                KEYS::coLink),
                        Check.of(
                                "hashtag push",
                                BaselineBursts.hashtagPush(SETTINGS),
                                BurstState.class,
                                stream,
                                KEYS::hashtags),
                        Check.of("surge", BaselineBursts.surge(SETTINGS), BurstState.class, stream, KEYS::surge)));
    }

    /** One detector over the keyed signals of a stream, and what the in-memory replay finds in them. */
    private record Check<H>(String name, Detector<H> detector, Class<H> head, List<KeyedSignal> inputs) {
        static <H> Check<H> of(
                String name,
                Detector<H> detector,
                Class<H> head,
                List<AnalysedSignal> stream,
                Function<AnalysedSignal, List<KeyedSignal>> keys) {
            List<KeyedSignal> inputs = new ArrayList<>();
            stream.forEach(s -> inputs.addAll(keys.apply(s)));
            return new Check<>(name, detector, head, inputs);
        }

        List<Incident> replayed() {
            List<Incident> expected = new ArrayList<>();
            DetectorReplay<H> replay =
                    new DetectorReplay<>(detector, OUT_OF_ORDERNESS, update -> expected.add(update.incident()));
            inputs.forEach(replay::feed);
            replay.finish();
            assertThat(replay.states())
                    .as(name + ": every key's state is cleared at the end of input")
                    .isEmpty();
            assertThat(latest(expected))
                    .as(name + ": the replay finds incidents")
                    .isNotEmpty();
            return expected;
        }

        DetectorFunction<H> function() {
            return new DetectorFunction<>(detector, head, SETTINGS.stateTtl());
        }
    }

    /**
     * Runs the detector in an operator test harness, snapshots it halfway (the snapshot written only after the operator
     * went on) and goes on in a new operator restored from it.
     */
    private static <H> List<Incident> runAcrossRestore(String backend, Check<H> check, boolean fromPlainOperator)
            throws Exception {
        List<KeyedSignal> inputs = check.inputs();
        List<Incident> out = new ArrayList<>();
        int half = inputs.size() / 2;
        long watermark = Long.MIN_VALUE;
        OperatorSubtaskState snapshot;
        DetectorFunction<H> before = check.function();
        try (var harness = detectorHarness(
                backend, fromPlainOperator ? new KeyedProcessOperator<>(before) : before.operator(), null)) {
            for (KeyedSignal input : inputs.subList(0, half)) {
                watermark = feed(harness, input, watermark);
            }
            harness.extractOutputValues().forEach(u -> out.add(u.incident()));
            // As in a job, the snapshot's asynchronous part is written while the operator goes on: here only after it
            // has processed the rest of the stream (whose output the restore below produces again). A snapshot must
            // hold the state of its barrier, so the operator may not change in place what the snapshot still writes.
            OperatorSnapshotFutures writing = Harnesses.snapshotStarted(harness, 1);
            long goingOn = watermark;
            for (KeyedSignal input : inputs.subList(half, inputs.size())) {
                goingOn = feed(harness, input, goingOn);
            }
            snapshot = Harnesses.written(writing);
        }
        try (var harness = detectorHarness(backend, check.function().operator(), snapshot)) {
            for (KeyedSignal input : inputs.subList(half, inputs.size())) {
                watermark = feed(harness, input, watermark);
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            harness.extractOutputValues().forEach(u -> out.add(u.incident()));
        }
        return out;
    }

    /** Feeds a signal and moves the watermark as {@link WatermarkAfterEveryRecord} does; returns the watermark. */
    private static long feed(
            KeyedOneInputStreamOperatorTestHarness<String, KeyedSignal, FindingUpdate> harness,
            KeyedSignal input,
            long watermark)
            throws Exception {
        harness.processElement(new StreamRecord<>(input, input.at()));
        long next = Math.max(watermark, input.at() - OUT_OF_ORDERNESS.toMillis() - 1);
        if (next > watermark) {
            harness.processWatermark(new Watermark(next));
        }
        return next;
    }

    private static <H> KeyedOneInputStreamOperatorTestHarness<String, KeyedSignal, FindingUpdate> detectorHarness(
            String backend, OneInputStreamOperator<KeyedSignal, FindingUpdate> operator, OperatorSubtaskState snapshot)
            throws Exception {
        return Harnesses.opened(
                new KeyedOneInputStreamOperatorTestHarness<>(operator, KeyedSignal::key, Types.STRING),
                backend,
                snapshot);
    }

    /**
     * Every check's detector on the backend, in one job when the run is a job (a MiniCluster each would add their
     * start-ups and nothing else: each detector has its own operator, state and source), else each across a restore;
     * the last version of every incident must be the replay's.
     */
    private static void check(String backend, Run run, List<Check<?>> checks) throws Exception {
        Map<String, List<Incident>> actual = new TreeMap<>();
        if (run == Run.JOB) {
            actual.putAll(runOnFlink(backend, checks));
        } else {
            for (Check<?> check : checks) {
                actual.put(check.name(), runAcrossRestore(backend, check, run == Run.RESTORED_FROM_WRITE_THROUGH));
            }
        }
        for (Check<?> check : checks) {
            assertThat(summaries(latest(actual.getOrDefault(check.name(), List.of()))))
                    .as(check.name() + " on " + backend + (run == Run.JOB ? "" : " " + run))
                    .isEqualTo(summaries(latest(check.replayed())));
        }
    }

    /** Runs the checks' detectors side by side in one job on the backend; the incidents each emitted, by check. */
    private static Map<String, List<Incident>> runOnFlink(String backend, List<Check<?>> checks) throws Exception {
        Configuration config = Harnesses.jobConfiguration(backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        env.enableCheckpointing(100);
        DataStream<Tuple2<String, Incident>> all = null;
        for (Check<?> check : checks) {
            DataStream<Tuple2<String, Incident>> found = detect(env, check);
            all = all == null ? found : all.union(found);
        }
        Map<String, List<Incident>> out = new TreeMap<>();
        try (CloseableIterator<Tuple2<String, Incident>> incidents = all.executeAndCollect()) {
            incidents.forEachRemaining(
                    i -> out.computeIfAbsent(i.f0, name -> new ArrayList<>()).add(i.f1));
        }
        return out;
    }

    private static <H> DataStream<Tuple2<String, Incident>> detect(StreamExecutionEnvironment env, Check<H> check) {
        String name = check.name();
        return env.fromData(check.inputs(), TypeInformation.of(KeyedSignal.class))
                .assignTimestampsAndWatermarks(watermarkAfterEverySignal())
                .keyBy(KeyedSignal::key, Types.STRING)
                .transform(
                        "detector " + name,
                        TypeInformation.of(FindingUpdate.class),
                        check.function().operator())
                .map(u -> Tuple2.of(name, u.incident()), Types.TUPLE(Types.STRING, TypeInformation.of(Incident.class)));
    }

    /** The replay's watermark: the highest event time seen less the out-of-orderness, after every signal. */
    private static WatermarkStrategy<KeyedSignal> watermarkAfterEverySignal() {
        return WatermarkStrategy.<KeyedSignal>forGenerator(context -> new WatermarkAfterEveryRecord<>(OUT_OF_ORDERNESS))
                .withTimestampAssigner((signal, previous) -> signal.at());
    }

    /** The last version of every incident. */
    private static Map<String, Incident> latest(List<Incident> emitted) {
        Map<String, Incident> latest = new TreeMap<>();
        for (Incident incident : emitted) {
            latest.merge(incident.id(), incident, (a, b) -> b.version() > a.version() ? b : a);
        }
        return latest;
    }

    /** What a detector decided about each incident: its kind, size and evidence, in id order. */
    private static List<String> summaries(Map<String, Incident> incidents) {
        return incidents.values().stream()
                .sorted(Comparator.comparing(Incident::id))
                .map(i -> i.id() + " " + i.kind() + " signals=" + i.signalCount() + " accounts=" + i.accountCount()
                        + " first=" + i.firstSeen() + " last=" + i.lastSeen()
                        + " evidence="
                        + i.evidence().signals().stream()
                                .map(Incident.EvidenceSignal::signalId)
                                .toList() + " trend=" + i.trend())
                .toList();
    }

    /** Four hours of posts: campaigns, link shares, a hashtag push over a steady hashtag, a surge, a spammer, noise. */
    private static List<AnalysedSignal> stream() {
        List<Posts> posts = new ArrayList<>();
        String claim = "BALLOTS were counted twice in the north district, share before they delete it";
        for (int i = 0; i < 12; i++) {
            posts.add(
                    post("claim-" + i).by("camp" + i).at(minutes(20 + i * 2)).text(claim + (i % 3 == 0 ? " now" : "")));
        }
        for (int i = 0;
                i < 400;
                i++) { // one account repeating itself never makes a campaign, and its waiting list stays capped
            posts.add(post("spam-" + i)
                    .by("spammer")
                    .at(minutes(i * 0.5))
                    .text("buy cheap followers today at the usual place please"));
        }
        for (int i = 0; i < 9; i++) {
            posts.add(post("link-" + i)
                    .by("linker" + i)
                    .at(minutes(90 + i))
                    .url("https://news.example/story?utm_source=x&id=" + (i % 2))
                    .text("look at this story number " + i));
        }
        for (int b = 0; b < 24; b++) { // a steady hashtag: 3 accounts every 10 minutes, then a push of 40
            int accounts = b == 18 ? 40 : 3;
            for (int i = 0; i < accounts; i++) {
                posts.add(post("tag-" + b + "-" + i)
                        .by("tagger" + (i + b % 2))
                        .at(minutes(b * 10 + 9.0 * i / accounts))
                        .hashtag("#rally")
                        .text("at the rally today with friends number " + i));
            }
        }
        for (int i = 0; i < 30; i++) {
            posts.add(post("hate-" + i)
                    .by("h" + i)
                    .at(minutes(150 + i * 0.2))
                    .rule("r-dehum", 3, "dehumanisation", "disarm:T0086")
                    .text("they are vermin and should be treated like it " + i));
        }
        for (int i = 0; i < 300; i++) {
            posts.add(post("noise-" + i)
                    .by("n" + i % 50)
                    .at(minutes(i * 0.8))
                    .text("ordinary post " + i + " about weather lunch and trains " + (i * 7919 % 1000)));
        }
        return posts.stream()
                .map(Posts::analysed)
                .sorted(Comparator.comparing(a -> a.signal().observedAt()))
                .toList();
    }
}
