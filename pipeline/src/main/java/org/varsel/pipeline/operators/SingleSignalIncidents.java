package org.varsel.pipeline.operators;

import java.io.Serializable;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.SingleSignals;

/**
 * A signal that needs no others to reach the queue (a grave post, a partner's confident assessment) becomes one
 * incident with every reason that applies to it. The incident is built from the user's text (its excerpt, title and
 * targets), so a signal whose incident throws leaves by {@link #SIGNALS_WITHOUT_INCIDENT} with the failure and its
 * bytes, and the next is read; the operator keeps no state, so nothing is left half-done (session 27).
 */
public final class SingleSignalIncidents extends ProcessFunction<AnalysedSignal, Incident> {
    /**
     * Signals whose single-signal incident threw: one that breaks it must not fail the job, whose restart would replay
     * it into the same failure. Their detectors (keyed by {@link KeySignals}) still see them.
     */
    public static final OutputTag<DeadLetter> SIGNALS_WITHOUT_INCIDENT =
            new OutputTag<>("signals-without-incident", TypeInformation.of(DeadLetter.class));
    /** Signals dead-lettered by {@link #SIGNALS_WITHOUT_INCIDENT}. */
    public static final String FAILED_METRIC = "singleSignalIncidentFailures";

    /** The incident one signal opens by itself, if any ({@link SingleSignals#incident}). */
    @FunctionalInterface
    interface Opening extends Serializable {
        Optional<Incident> incident(AnalysedSignal signal);
    }

    private final Opening opening;
    private transient SignalGuard guard;

    public SingleSignalIncidents(SingleSignals detector) {
        this(detector::incident);
    }

    /** With another way of opening, for tests that need it to throw. */
    SingleSignalIncidents(Opening opening) {
        this.opening = opening;
    }

    @Override
    public void open(OpenContext openContext) {
        guard = new SignalGuard(
                "single-signal incident", getRuntimeContext().getMetricGroup().counter(FAILED_METRIC));
    }

    /** The signal's incident, unguarded: what the operator emits for it. */
    public Optional<Incident> incident(AnalysedSignal signal) {
        return opening.incident(signal);
    }

    @Override
    public void processElement(AnalysedSignal signal, Context context, Collector<Incident> out) {
        guard.emit(
                signal.signal(),
                () -> opening.incident(signal),
                incident -> incident.ifPresent(out::collect),
                letter -> context.output(SIGNALS_WITHOUT_INCIDENT, letter));
    }
}
