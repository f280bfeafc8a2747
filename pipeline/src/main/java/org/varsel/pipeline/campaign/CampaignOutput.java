package org.varsel.pipeline.campaign;

/**
 * What the consolidation asks of its runtime: send a campaign's change to the emission stage, be called again once event
 * time reaches a moment.
 */
public interface CampaignOutput {
    void emit(CampaignChange change);

    void wakeAt(long eventTime);
}
