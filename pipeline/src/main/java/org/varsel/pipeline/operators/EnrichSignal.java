package org.varsel.pipeline.operators;

import java.io.Serializable;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.enrich.Enrichment;
import org.varsel.pipeline.enrich.TextEnricher;

/**
 * Language, links, tags and the classifier's scores for each signal; the partner's language hint is trusted. A signal
 * whose enrichment throws leaves by {@link #UNENRICHED_SIGNALS} with the failure, and the next is enriched.
 */
public final class EnrichSignal extends ProcessFunction<Signal, AnalysedSignal> {
    /**
     * Signals whose enrichment threw: every text goes through language detection and the classifier, and one that
     * breaks them must not fail the job, whose restart would replay it into the same failure.
     */
    public static final OutputTag<DeadLetter> UNENRICHED_SIGNALS =
            new OutputTag<>("unenriched-signals", TypeInformation.of(DeadLetter.class));
    /** Signals dead-lettered by {@link #UNENRICHED_SIGNALS}. */
    public static final String UNENRICHED_METRIC = "unenrichedSignals";

    /** How a signal's text is enriched: {@link TextEnricher#enrich} with its language hint; tests make it fail. */
    @FunctionalInterface
    interface Enriching extends Serializable {
        Enrichment enrich(TextEnricher enricher, Signal signal);
    }

    private final Enriching enriching;
    private transient TextEnricher enricher;
    private transient SignalGuard unenriched;

    public EnrichSignal() {
        this((enricher, signal) -> enricher.enrich(signal.text(), Optional.ofNullable(signal.language())));
    }

    EnrichSignal(Enriching enriching) {
        this.enriching = enriching;
    }

    @Override
    public void open(OpenContext openContext) {
        enricher = new TextEnricher();
        unenriched = new SignalGuard(
                "enrichment", getRuntimeContext().getMetricGroup().counter(UNENRICHED_METRIC));
    }

    private AnalysedSignal enriched(Signal signal) {
        return AnalysedSignal.enriched(signal, enriching.enrich(enricher, signal));
    }

    @Override
    public void processElement(Signal signal, Context context, Collector<AnalysedSignal> out) {
        unenriched.emit(
                signal, () -> enriched(signal), out::collect, letter -> context.output(UNENRICHED_SIGNALS, letter));
    }
}
