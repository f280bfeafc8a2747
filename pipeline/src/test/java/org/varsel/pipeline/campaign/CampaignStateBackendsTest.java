package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFutures;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamElement;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.operators.CampaignFunction;
import org.varsel.pipeline.operators.CampaignIncidentFunction;
import org.varsel.pipeline.operators.Harnesses;
import org.varsel.pipeline.operators.WatermarkAfterEveryRecord;

/**
 * {@link CampaignFunction} and {@link CampaignIncidentFunction} on the heap backend and on RocksDB make exactly the
 * campaigns the in-memory replay makes: the last version of every incident is that of the replay that emits every
 * change, whether the job emits every change or coalesces a campaign's churn (the default emit interval), since only the
 * versions in between differ.
 */
class CampaignStateBackendsTest {

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void consolidatesOnTheBackendAsTheReplayDoes(String backend) throws Exception {
        assertLastVersionsAsTheReplays(backend, CampaignsTest.EVERY_CHANGE);
    }

    /** Held versions come out when their interval closes or, at the end of input, when every campaign is over. */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void coalescesChurnOnTheBackendAndEndsWithTheReplaysLastVersions(String backend) throws Exception {
        int everyChange = CampaignsTest.consolidate(CampaignsTest.detect(CampaignStreams.meeting()))
                .emitted
                .size();
        assertThat(assertLastVersionsAsTheReplays(backend, CampaignCoalescingTest.FIVE_MINUTES))
                .as("versions emitted, against every change's")
                .isLessThan(everyChange);
    }

    /**
     * A version held back when a checkpoint is taken, its interval closing after the restore: the restored timer and
     * state emit it, built from the restored findings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void emitsAVersionHeldAtACheckpointWhenItsIntervalClosesAfterTheRestore(String backend) throws Exception {
        List<CampaignMember> findings = CampaignsTest.detect(CampaignStreams.meeting()).stream()
                .filter(f -> f.incident().kind() == IncidentKind.CO_LINK)
                .map(f -> CampaignMember.of(f, CampaignSettings.defaults().shingleWords()))
                .filter(distinctBy(m -> m.incident.id()))
                .limit(2)
                .toList();
        String campaignId = findings.get(0).incident.id();
        long at = findings.get(1).lastSeen();
        OperatorSubtaskState snapshot;
        try (var emission = emission(backend, CampaignSettings.defaults(), null)) {
            emission.processElement(
                    new StreamRecord<>(new CampaignChange(campaignId, 1, findings, true, null, false), at));
            emission.processElement(new StreamRecord<>(
                    new CampaignChange(campaignId, 2, List.of(findings.get(1)), false, null, false), at + 10_000));
            emission.processWatermark(new Watermark(at + 30_000));
            assertThat(emission.extractOutputValues())
                    .as("the first version at once, the second held")
                    .extracting(Incident::version)
                    .containsExactly(1L);
            snapshot = emission.snapshot(1, 1);
        }
        try (var emission = emission(backend, CampaignSettings.defaults(), snapshot)) {
            emission.processWatermark(new Watermark(at + 59_999));
            assertThat(emission.extractOutputValues()).isEmpty();
            emission.processWatermark(new Watermark(at + 60_000));
            assertThat(emission.extractOutputValues()).containsExactly(CampaignIncident.of(campaignId, findings, 2));
        }
    }

    private static <T> Predicate<T> distinctBy(Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    /** The number of incident updates the job emitted. */
    private static int assertLastVersionsAsTheReplays(String backend, CampaignSettings settings) throws Exception {
        List<FindingUpdate> findings = CampaignsTest.detect(CampaignStreams.meeting());
        CampaignReplay replay = CampaignsTest.consolidate(findings);
        assertThat(replay.queue())
                .as("the stream makes campaigns, merges and lone findings")
                .extracting(Incident::kind)
                .extracting(k -> k.label())
                .contains("campaign", "co-link");
        assertThat(replay.latest().values()).anyMatch(i -> i.mergedInto() != null);

        List<Incident> emitted = emittedOnFlink(backend, settings);
        assertThat(latest(emitted)).isEqualTo(latest(replay.emitted));
        return emitted.size();
    }

    /** The emission settings of the job tests: every change, and a campaign's churn coalesced (the default interval). */
    private static final List<CampaignSettings> EMISSIONS =
            List.of(CampaignsTest.EVERY_CHANGE, CampaignCoalescingTest.FIVE_MINUTES);

    /** Each backend's job, run once for the tests of both emission settings. */
    private static final Map<String, Map<CampaignSettings, List<Incident>>> JOBS = new HashMap<>();

    /**
     * What the job on the backend emitted with the settings. Both emission stages run behind one consolidation in one
     * job (each keyed by campaign, with its own state and timers), one MiniCluster a backend instead of one a test.
     */
    private static List<Incident> emittedOnFlink(String backend, CampaignSettings settings) throws Exception {
        if (!JOBS.containsKey(backend)) {
            JOBS.put(backend, runOnFlink(backend, CampaignsTest.detect(CampaignStreams.meeting())));
        }
        return JOBS.get(backend).get(settings);
    }

    /**
     * A restore in the middle, with an update still waiting for the watermark: the operator reads what it keeps in memory
     * (the pending and campaign keys) back from the restored state, and the campaigns are those of the replay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void consolidatesAcrossARestoreWithUpdatesPendingAsTheReplayDoes(String backend) throws Exception {
        assertRestoredAsTheReplay(backend, true);
    }

    /**
     * A restore from a savepoint taken before the emission stage existed (consolidation's state only): the first change
     * of every campaign after it carries all its findings, so the stage, restored empty, builds the same incidents.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void buildsTheReplaysIncidentsAfterARestoreWithoutTheEmissionStagesState(String backend) throws Exception {
        assertRestoredAsTheReplay(backend, false);
    }

    /**
     * Restores early in streams of many campaigns that grow and merge: a finding after the restore meets
     * campaigns that nothing touched since, which consolidation finds through what it keeps beside the state (the
     * campaign keys and their content index), read back from the restored state.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void consolidatesStoriesAcrossARestoreAsTheReplayDoes(String backend) throws Exception {
        for (int seed = 0; seed < 4; seed++) {
            List<FindingUpdate> findings =
                    CampaignStreams.findings(CampaignStreams.stories(new java.util.Random(seed)));
            // early: most campaigns are founded before the snapshot and met by new findings after it
            assertThat(restored(backend, findings, findings.size() / 7, true))
                    .as("seed %d", seed)
                    .isEqualTo(latest(CampaignsTest.consolidate(findings).emitted));
        }
    }

    /**
     * Snapshots taken right after a watermark whose timers released updates, no record in between: what the release
     * changed is in the snapshot (the operator writes it back when the timer ends, not at the next record).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb", Harnesses.HEAP_TIMERS})
    void consolidatesAcrossARestoreTakenRightAfterATimerAsTheReplayDoes(String backend) throws Exception {
        List<FindingUpdate> findings = CampaignsTest.detect(CampaignStreams.meeting());
        Map<String, Incident> replayed = latest(CampaignsTest.consolidate(findings).emitted);
        for (int fifth = 1; fifth < 5; fifth++) {
            int half = findings.size() * fifth / 5;
            assertThat(restored(backend, findings, half, true, false))
                    .as("restored after %d of %d findings", half, findings.size())
                    .isEqualTo(replayed);
        }
    }

    /**
     * A restore from a snapshot of the build that kept campaigns whole ({@code 1a3b127}, RocksDB; its test took it after
     * the first half of the findings with one more pending): the whole campaigns are read as they are and written in
     * parts once they change, a second restore reads campaigns in both forms, and the campaigns are the replay's.
     */
    @Test
    void consolidatesAcrossRestoresFromTheBuildThatKeptCampaignsWhole() throws Exception {
        List<FindingUpdate> findings = CampaignStreams.findings(CampaignStreams.meeting());
        OperatorSubtaskState whole;
        long watermark;
        int half;
        try (ObjectInputStream in = new ObjectInputStream(
                getClass().getResourceAsStream("/snapshots/campaigns-1a3b127-rocksdb.snapshot"))) {
            whole = (OperatorSubtaskState) in.readObject();
            watermark = in.readLong();
            half = in.readInt();
        }
        assertThat(half).as("the snapshot's stream is this one").isEqualTo(findings.size() / 2);
        int resume = half + 1;
        int second = resume + (findings.size() - resume) / 2;
        List<Incident> out = new ArrayList<>();
        OperatorSubtaskState mixed;
        OperatorSubtaskState emitted;
        try (var consolidation = consolidation("rocksdb", whole);
                var emission = emission("rocksdb", CampaignSettings.defaults(), null)) {
            for (FindingUpdate finding : findings.subList(resume, second)) {
                watermark = feed(consolidation, emission, finding, watermark);
            }
            out.addAll(emission.extractOutputValues());
            mixed = consolidation.snapshot(2, 2);
            emitted = emission.snapshot(2, 2);
        }
        try (var consolidation = consolidation("rocksdb", mixed);
                var emission = emission("rocksdb", CampaignSettings.defaults(), emitted)) {
            for (FindingUpdate finding : findings.subList(second, findings.size())) {
                watermark = feed(consolidation, emission, finding, watermark);
            }
            consolidation.processWatermark(new Watermark(Long.MAX_VALUE));
            forward(consolidation, emission);
            out.addAll(emission.extractOutputValues());
        }
        Map<String, Incident> replayed = latest(CampaignsTest.consolidate(findings).emitted);
        Map<String, Incident> restored = latest(out);
        assertThat(restored.values())
                .as("campaigns that changed after the restore")
                .anyMatch(i -> i.kind() == IncidentKind.CAMPAIGN && i.version() > 1);
        assertThat(restored)
                .allSatisfy((id, incident) -> assertThat(incident).as(id).isEqualTo(replayed.get(id)));
    }

    private static void assertRestoredAsTheReplay(String backend, boolean withEmissionState) throws Exception {
        List<FindingUpdate> findings = CampaignsTest.detect(CampaignStreams.meeting());
        CampaignReplay replay = CampaignsTest.consolidate(findings);
        assertThat(replay.latest().values())
                .as("campaigns change after the restore")
                .anyMatch(i -> i.version() > 1 && i.mergedInto() == null);
        assertThat(restored(backend, findings, withEmissionState)).isEqualTo(latest(replay.emitted));
    }

    /** The last version of every incident out of both stages, restored from a snapshot taken halfway. */
    private static Map<String, Incident> restored(
            String backend, List<FindingUpdate> findings, boolean withEmissionState) throws Exception {
        return restored(backend, findings, findings.size() / 2, withEmissionState);
    }

    /** The same, restored from a snapshot taken after the first {@code half} findings and one more still pending. */
    private static Map<String, Incident> restored(
            String backend, List<FindingUpdate> findings, int half, boolean withEmissionState) throws Exception {
        return restored(backend, findings, half, withEmissionState, true);
    }

    /**
     * The same; without {@code withPendingUpdate} the snapshot is taken right after the watermark that followed the first
     * {@code half} findings.
     */
    private static Map<String, Incident> restored(
            String backend,
            List<FindingUpdate> findings,
            int half,
            boolean withEmissionState,
            boolean withPendingUpdate)
            throws Exception {
        int resume = withPendingUpdate ? half + 1 : half;
        List<Incident> out = new ArrayList<>();
        OperatorSubtaskState consolidated;
        OperatorSubtaskState emitted;
        long watermark = Long.MIN_VALUE;
        try (var consolidation = consolidation(backend, null);
                var emission = emission(backend, CampaignSettings.defaults(), null)) {
            for (FindingUpdate finding : findings.subList(0, half)) {
                watermark = feed(consolidation, emission, finding, watermark);
            }
            if (withPendingUpdate) {
                // the next finding is taken but the watermark has not yet passed it: it is pending in the snapshot
                FindingUpdate waiting = findings.get(half);
                consolidation.processElement(new StreamRecord<>(
                        waiting, waiting.incident().updatedAt().toEpochMilli()));
                forward(consolidation, emission);
            }
            out.addAll(emission.extractOutputValues());
            // the snapshots are written while the operators go on, as in a job: they must hold the barrier's state
            OperatorSnapshotFutures consolidating = Harnesses.snapshotStarted(consolidation, 1);
            OperatorSnapshotFutures emitting = Harnesses.snapshotStarted(emission, 1);
            long goingOn = watermark;
            for (FindingUpdate finding : findings.subList(resume, findings.size())) {
                goingOn = feed(consolidation, emission, finding, goingOn);
            }
            consolidation.processWatermark(new Watermark(Long.MAX_VALUE));
            forward(consolidation, emission);
            consolidated = Harnesses.written(consolidating);
            emitted = Harnesses.written(emitting);
        }
        try (var consolidation = consolidation(backend, consolidated);
                var emission = emission(backend, CampaignSettings.defaults(), withEmissionState ? emitted : null)) {
            for (FindingUpdate finding : findings.subList(resume, findings.size())) {
                watermark = feed(consolidation, emission, finding, watermark);
            }
            consolidation.processWatermark(new Watermark(Long.MAX_VALUE));
            forward(consolidation, emission);
            out.addAll(emission.extractOutputValues());
        }
        return latest(out);
    }

    /** Feeds a finding and moves the watermark as {@link WatermarkAfterEveryRecord} does; returns the watermark. */
    private static long feed(
            KeyedOneInputStreamOperatorTestHarness<String, FindingUpdate, CampaignChange> consolidation,
            KeyedOneInputStreamOperatorTestHarness<String, CampaignChange, Incident> emission,
            FindingUpdate finding,
            long watermark)
            throws Exception {
        long at = finding.incident().updatedAt().toEpochMilli();
        consolidation.processElement(new StreamRecord<>(finding, at));
        long next = Math.max(watermark, at - CampaignsTest.OUT_OF_ORDERNESS.toMillis() - 1);
        if (next > watermark) {
            consolidation.processWatermark(new Watermark(next));
        }
        forward(consolidation, emission);
        return next;
    }

    /** Hands the changes consolidation sent to the emission stage, as the network between them does. */
    @SuppressWarnings("unchecked")
    private static void forward(
            KeyedOneInputStreamOperatorTestHarness<String, FindingUpdate, CampaignChange> consolidation,
            KeyedOneInputStreamOperatorTestHarness<String, CampaignChange, Incident> emission)
            throws Exception {
        for (Object element; (element = consolidation.getOutput().poll()) != null; ) {
            if (((StreamElement) element).isRecord()) {
                StreamRecord<CampaignChange> change = (StreamRecord<CampaignChange>) element;
                emission.processElement(new StreamRecord<>(
                        TypeInformation.of(CampaignChange.class)
                                .createSerializer(emission.getExecutionConfig().getSerializerConfig())
                                .copy(change.getValue()),
                        change.getTimestamp()));
            }
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, FindingUpdate, CampaignChange> consolidation(
            String backend, OperatorSubtaskState snapshot) throws Exception {
        return started(
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new CampaignFunction(
                                new Campaigns(CampaignSettings.defaults()), CampaignsTest.DETECTORS.stateTtl())),
                        (FindingUpdate f) -> CampaignFunction.KEY,
                        Types.STRING),
                backend,
                snapshot);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CampaignChange, Incident> emission(
            String backend, CampaignSettings settings, OperatorSubtaskState snapshot) throws Exception {
        return started(
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new CampaignIncidentFunction(
                                new CampaignIncidents(settings), CampaignsTest.DETECTORS.stateTtl())),
                        CampaignChange::campaignId,
                        Types.STRING),
                backend,
                snapshot);
    }

    private static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> started(
            KeyedOneInputStreamOperatorTestHarness<String, I, O> harness, String backend, OperatorSubtaskState snapshot)
            throws Exception {
        return Harnesses.opened(harness, backend, snapshot);
    }

    private static Map<CampaignSettings, List<Incident>> runOnFlink(String backend, List<FindingUpdate> findings)
            throws Exception {
        Configuration config = Harnesses.jobConfiguration(backend);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        env.enableCheckpointing(100);
        DataStream<CampaignChange> changes = env.fromData(findings, TypeInformation.of(FindingUpdate.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<FindingUpdate>forGenerator(
                                c -> new WatermarkAfterEveryRecord<>(CampaignsTest.OUT_OF_ORDERNESS))
                        .withTimestampAssigner(
                                (f, previous) -> f.incident().updatedAt().toEpochMilli()))
                .keyBy(f -> CampaignFunction.KEY, Types.STRING)
                .process(
                        new CampaignFunction(
                                new Campaigns(CampaignSettings.defaults()), CampaignsTest.DETECTORS.stateTtl()),
                        TypeInformation.of(CampaignChange.class));
        DataStream<Tuple2<Integer, Incident>> all = null;
        for (int i = 0; i < EMISSIONS.size(); i++) {
            int emission = i;
            DataStream<Tuple2<Integer, Incident>> emitted = changes.keyBy(CampaignChange::campaignId, Types.STRING)
                    .process(
                            new CampaignIncidentFunction(
                                    new CampaignIncidents(EMISSIONS.get(i)), CampaignsTest.DETECTORS.stateTtl()),
                            TypeInformation.of(Incident.class))
                    .map(
                            incident -> Tuple2.of(emission, incident),
                            Types.TUPLE(Types.INT, TypeInformation.of(Incident.class)));
            all = all == null ? emitted : all.union(emitted);
        }
        Map<CampaignSettings, List<Incident>> out = new HashMap<>();
        EMISSIONS.forEach(settings -> out.put(settings, new ArrayList<>()));
        try (CloseableIterator<Tuple2<Integer, Incident>> incidents = all.executeAndCollect()) {
            incidents.forEachRemaining(i -> out.get(EMISSIONS.get(i.f0)).add(i.f1));
        }
        return out;
    }

    /** The last version of every id, as the desk would keep it. */
    private static Map<String, Incident> latest(List<Incident> emitted) {
        Map<String, Incident> latest = new TreeMap<>();
        emitted.forEach(i -> latest.merge(i.id(), i, (a, b) -> b.version() > a.version() ? b : a));
        return latest;
    }
}
