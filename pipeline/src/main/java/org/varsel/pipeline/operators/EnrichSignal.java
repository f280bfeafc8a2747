package org.varsel.pipeline.operators;

import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.enrich.TextEnricher;

/** Language, links, tags and the classifier's scores for each signal; the partner's language hint is trusted. */
public final class EnrichSignal extends RichMapFunction<Signal, AnalysedSignal> {
    private transient TextEnricher enricher;

    @Override
    public void open(OpenContext openContext) {
        enricher = new TextEnricher();
    }

    @Override
    public AnalysedSignal map(Signal signal) {
        return AnalysedSignal.enriched(signal, enricher.enrich(signal.text(), Optional.ofNullable(signal.language())));
    }
}
