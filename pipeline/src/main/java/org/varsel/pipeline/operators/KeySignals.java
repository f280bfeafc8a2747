package org.varsel.pipeline.operators;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.varsel.contract.DeadLetter;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.KeyedSignal;

/**
 * One detector's keys for each analysed signal ({@link org.varsel.pipeline.correlate.CorrelationKeys}: a MinHash of
 * the text, its links, tags, categories and target groups). A signal whose keys throw leaves by {@link #UNKEYED_SIGNALS}
 * with the failure, and the next is keyed; its other detectors and its own incident still see it.
 */
public final class KeySignals extends ProcessFunction<AnalysedSignal, KeyedSignal> {
    /**
     * Signals whose keys for a detector threw: the keys read the user's text, links and tags, and one that breaks them
     * must not fail the job, whose restart would replay it into the same failure.
     */
    public static final OutputTag<DeadLetter> UNKEYED_SIGNALS =
            new OutputTag<>("unkeyed-signals", TypeInformation.of(DeadLetter.class));
    /** Signals dead-lettered by {@link #UNKEYED_SIGNALS}, per detector's operator. */
    public static final String UNKEYED_METRIC = "unkeyedSignals";

    /** What a detector groups a signal by: all of a signal's keys at once, so that a failure emits none of them. */
    @FunctionalInterface
    public interface Keying extends Serializable {
        List<KeyedSignal> keys(AnalysedSignal signal);
    }

    private final String detector;
    private final Keying keying;
    private transient SignalGuard guard;

    /** {@code detector}: its name in the dead letter's reason ("co-link"). */
    public KeySignals(String detector, Keying keying) {
        this.detector = detector;
        this.keying = keying;
    }

    @Override
    public void open(OpenContext openContext) {
        guard = new SignalGuard(
                "correlation keys (" + detector + ")",
                getRuntimeContext().getMetricGroup().counter(UNKEYED_METRIC));
    }

    /** The signal's keys, unguarded: what the operator emits for it. */
    public List<KeyedSignal> keys(AnalysedSignal signal) {
        return keying.keys(signal);
    }

    @Override
    public void processElement(AnalysedSignal signal, Context context, Collector<KeyedSignal> out) {
        guard.emit(
                signal.signal(),
                () -> keying.keys(signal),
                keys -> keys.forEach(out::collect),
                letter -> context.output(UNKEYED_SIGNALS, letter));
    }
}
