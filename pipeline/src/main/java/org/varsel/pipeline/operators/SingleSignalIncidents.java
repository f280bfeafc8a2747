package org.varsel.pipeline.operators;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.SingleSignals;

/**
 * A signal that needs no others to reach the queue (a grave post, a partner's confident assessment) becomes one
 * incident with every reason that applies to it.
 */
public final class SingleSignalIncidents implements FlatMapFunction<AnalysedSignal, Incident> {
    private final SingleSignals detector;

    public SingleSignalIncidents(SingleSignals detector) {
        this.detector = detector;
    }

    @Override
    public void flatMap(AnalysedSignal analysed, Collector<Incident> out) {
        detector.incident(analysed).ifPresent(out::collect);
    }
}
