package org.varsel.pipeline.campaign;

import org.varsel.contract.Incident;

/** What the consolidation asks of its runtime: send an incident update, be called again once event time reaches a moment. */
public interface CampaignOutput {
    void emit(Incident incident);

    void wakeAt(long eventTime);
}
