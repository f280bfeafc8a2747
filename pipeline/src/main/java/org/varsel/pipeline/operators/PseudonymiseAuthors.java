package org.varsel.pipeline.operators;

import org.apache.flink.api.common.functions.MapFunction;
import org.varsel.contract.Signal;
import org.varsel.pipeline.privacy.HandlePseudonyms;
import org.varsel.pipeline.privacy.PrivacySettings;

/** The pipeline step right after parsing: nothing downstream sees the clear handle of a non-public account. */
public final class PseudonymiseAuthors implements MapFunction<Signal, Signal> {
    private static final long serialVersionUID = 1L;
    private final HandlePseudonyms pseudonyms;

    public PseudonymiseAuthors(PrivacySettings settings) {
        this.pseudonyms = new HandlePseudonyms(settings);
    }

    @Override
    public Signal map(Signal signal) {
        return pseudonyms.apply(signal);
    }
}
