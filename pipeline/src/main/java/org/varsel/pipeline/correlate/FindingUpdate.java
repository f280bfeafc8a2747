package org.varsel.pipeline.correlate;

import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * A detector's incident update on its way to campaign consolidation, with the {@link DistinctSketch}es of its
 * accounts and signals (the update itself carries only a sample of its accounts).
 */
public record FindingUpdate(Incident incident, long[] accounts, long[] signals) {

    /** A single-signal incident (its one evidence signal names its account) as a finding. */
    public static FindingUpdate ofSingleSignal(Incident incident) {
        long[] accounts = new long[0];
        long[] signals = new long[0];
        for (Incident.EvidenceSignal signal : incident.evidence().signals()) {
            accounts = DistinctSketch.add(
                    accounts,
                    AnalysedSignal.accountKey(
                            signal.platform(), signal.author(), signal.source(), signal.externalId()));
            signals = DistinctSketch.add(signals, signal.signalId());
        }
        return new FindingUpdate(incident, accounts, signals);
    }
}
