package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.Function;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.RichFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.SimpleUdfStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.api.transformations.SideOutputTransformation;
import org.apache.flink.streaming.api.transformations.SinkTransformation;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.apache.flink.streaming.api.transformations.UnionTransformation;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Feedback;
import org.varsel.contract.Incident;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.io.ShadowHit;
import org.varsel.pipeline.operators.IncidentTypeInfo;
import org.varsel.pipeline.operators.KeySignals;
import org.varsel.pipeline.operators.SingleSignalIncidents;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The job runs with object reuse (docs/performance.md, issue 20): a record handed from one operator to the next in a
 * chain is the same object, not a copy, so no operator may change a record it is given, and no record type may be a
 * mutable class that Flink would fill in place. This holds the whole topology of {@link VarselPipeline#build} to that.
 */
class ObjectReuseTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    /**
     * Operators that are handed their input by reference but are no map or flat-map: each one's upstream makes a new
     * record for every input and keeps none, and each has that upstream to itself. Enrichment is a process function
     * since it dead-letters what it cannot enrich: its upstream (drop replays) passes on the record the shuffle before
     * it made and keeps none, and enrichment makes a new record and never changes the signal (a record).
     */
    private static final Set<String> BY_REFERENCE_AND_ALONE = Set.of(
            "parse + validate",
            "parse verdicts (feedback.v1)",
            "match rules (live pack, hot reload)",
            "enrich: language, links, tags, classifier");

    private static PipelineSettings settings;
    private static StreamExecutionEnvironment env;
    private static List<Transformation<?>> operators;
    private static Map<Class<?>, List<?>> samples;

    @BeforeAll
    static void buildTheTopologyAndAnalyseSamples() throws Exception {
        settings = PipelineSettings.defaultSettings();
        env = StreamExecutionEnvironment.getExecutionEnvironment();
        operators = PipelineOnCollections.topology(env, settings);
        samples = samples();
    }

    @Test
    void theJobRunsWithObjectReuse() {
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
    }

    @Test
    void everyRecordBetweenOperatorsIsAnImmutableJavaRecordWithAFlinkSerializer() {
        for (Transformation<?> t : operators) {
            TypeInformation<?> type = t.getOutputType();
            assertThat(type).as("output of %s", t.getName()).isNotInstanceOf(GenericTypeInfo.class);
            Class<?> records = type.getTypeClass();
            assertThat(records.isRecord() || records == String.class || type.isBasicType())
                    .as(
                            "%s emits %s: a mutable class would be deserialised into one reused instance",
                            t.getName(), records.getName())
                    .isTrue();
        }
    }

    @Test
    void everyIncidentStreamGoesByTheSerializerWithoutReflection() {
        int incidentStreams = 0;
        for (Transformation<?> t : operators) {
            if (t.getOutputType().getTypeClass() == Incident.class) {
                assertThat(t.getOutputType())
                        .as(
                                "output of %s: a campaign's incident is ~120 KB, too big for the reflective serializer",
                                t.getName())
                        .isInstanceOf(IncidentTypeInfo.class);
                incidentStreams++;
            }
        }
        assertThat(incidentStreams).isGreaterThan(3);
    }

    @Test
    void noMapOrFlatMapChangesTheRecordItIsHanded() throws Exception {
        int checked = 0;
        for (Transformation<?> t : operators) {
            if (!(t instanceof OneInputTransformation<?, ?> op)
                    || !(userFunction(op.getOperatorFactory()) instanceof Function f)
                    || !isPerRecord(f)) {
                continue;
            }
            Class<?> input = op.getInputType().getTypeClass();
            List<?> records = samples.get(input);
            assertThat(records)
                    .as("%s takes %s: give this test samples of it", op.getName(), input.getSimpleName())
                    .isNotEmpty();
            @SuppressWarnings("unchecked")
            TypeSerializer<Object> serializer = (TypeSerializer<Object>)
                    op.getInputType().createSerializer(env.getConfig().getSerializerConfig());
            if (f instanceof RichFunction rich
                    && !(f instanceof KeySignals || f instanceof SingleSignalIncidents)) { // their steps need no open()
                rich.open(DefaultOpenContext.INSTANCE);
            }
            for (Object record : records) {
                byte[] before = bytes(serializer, record);
                apply(f, record);
                assertThat(bytes(serializer, record))
                        .as("%s changed the %s it was handed", op.getName(), input.getSimpleName())
                        .isEqualTo(before);
            }
            checked++;
        }
        assertThat(checked).as("maps and flat-maps in the topology").isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyOtherOperatorHandedARecordByReferenceHasItsUpstreamToItself() {
        for (Transformation<?> t : operators) {
            boolean operator = !(t instanceof SourceTransformation<?, ?, ?>
                    || t instanceof SinkTransformation<?, ?>
                    || t instanceof PartitionTransformation<?>
                    || t instanceof UnionTransformation<?>
                    || t instanceof SideOutputTransformation<?>);
            boolean perRecord = t instanceof OneInputTransformation<?, ?> op
                    && userFunction(op.getOperatorFactory()) instanceof Function f
                    && isPerRecord(f);
            if (operator && !perRecord && handedByReference(t)) {
                assertThat(BY_REFERENCE_AND_ALONE)
                        .as("%s is handed records by reference: prove it safe and list it", t.getName())
                        .contains(t.getName());
            }
        }
    }

    /** Whether some input reaches {@code t} in the same chain (no shuffle between): then it is handed the very object. */
    private static boolean handedByReference(Transformation<?> t) {
        for (Transformation<?> input : t.getInputs()) {
            if (input instanceof UnionTransformation<?>
                    ? handedByReference(input)
                    : !(input instanceof PartitionTransformation<?>)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPerRecord(Function f) {
        return f instanceof MapFunction<?, ?>
                || f instanceof FlatMapFunction<?, ?>
                || f instanceof FilterFunction<?>
                || f instanceof KeySignals
                || f instanceof SingleSignalIncidents;
    }

    private static Object userFunction(StreamOperatorFactory<?> factory) {
        return factory instanceof SimpleUdfStreamOperatorFactory<?> udf ? udf.getUserFunction() : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(Function f, Object record) throws Exception {
        if (f instanceof MapFunction map) {
            map.map(record);
        } else if (f instanceof FlatMapFunction flatMap) {
            flatMap.flatMap(record, new Collector<>() {
                @Override
                public void collect(Object o) {}

                @Override
                public void close() {}
            });
        } else if (f instanceof KeySignals keys) {
            keys.keys((AnalysedSignal) record);
        } else if (f instanceof SingleSignalIncidents single) {
            single.incident((AnalysedSignal) record);
        } else {
            ((FilterFunction) f).filter(record);
        }
    }

    private static byte[] bytes(TypeSerializer<Object> serializer, Object record) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(record, out);
        return out.getCopyOfBuffer();
    }

    /** Real records of every type a map or flat-map takes: the mixed batch and grave posts, parsed, enriched and matched. */
    private static Map<Class<?>, List<?>> samples() throws Exception {
        RuleEngine rules = RuleEngine.build(PipelineJob.initialRules(settings));
        TextEnricher enricher = new TextEnricher();
        SingleSignals single = SingleSignals.from(settings.correlation());
        List<Signal> signals = new ArrayList<>();
        List<RawSignal> raws =
                new ArrayList<>(new MixedSignalBatch().records("raw").subList(0, 120));
        raws.add(new RawSignal(
                IncidentsEndToEndTest.signal(
                                "grave",
                                AT,
                                "grave_one",
                                "Kill all the migrants at the border, every last one #borderwatch https://news.example/x @mayor",
                                null,
                                null)
                        .getBytes(StandardCharsets.UTF_8),
                "feed:x",
                AT,
                "raw",
                0,
                120));
        for (RawSignal raw : raws) {
            if (SignalCodec.parse(raw.value(), raw.source(), raw.receivedAt())
                    instanceof ParseOutcome.Accepted accepted) {
                signals.add(accepted.signal());
            }
        }
        List<AnalysedSignal> analysed = new ArrayList<>();
        for (Signal signal : signals) {
            AnalysedSignal enriched = AnalysedSignal.enriched(
                    signal, enricher.enrich(signal.text(), Optional.ofNullable(signal.language())));
            analysed.add(SignalMatcher.withActiveHits(enriched, SignalMatcher.match(rules, enriched)));
        }
        List<Incident> incidents =
                analysed.stream().flatMap(a -> single.incident(a).stream()).toList();
        Map<Class<?>, List<?>> samples = new LinkedHashMap<>();
        samples.put(Signal.class, signals);
        samples.put(AnalysedSignal.class, analysed);
        samples.put(Incident.class, incidents);
        samples.put(
                FindingUpdate.class,
                incidents.stream().map(FindingUpdate::ofSingleSignal).toList());
        samples.put(
                ShadowHit.class,
                List.of(new ShadowHit("s-1", "feed:x", AT, "shadow-rule", "v1", new ArrayList<>(List.of("term")))));
        samples.put(
                Feedback.class,
                List.of(new Feedback(
                        Feedback.SCHEMA,
                        "e-1",
                        incidents.get(0).id(),
                        1,
                        "dismissed",
                        "not a threat",
                        List.of("rule-a", "rule-b"),
                        "model-1",
                        List.of("threat"),
                        "analyst",
                        AT)));
        return samples;
    }
}
